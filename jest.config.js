/** Jest runs the CommonJS test suite; nodes and credentials are tested from their built `dist/` form. */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.js'],
	setupFiles: ['<rootDir>/test/support/jest-env.js'],
	testTimeout: 60000,
	maxWorkers: 2,
};
