const path = require('path');
const { task, src, dest } = require('gulp');

/** Copies node and credential icons (and codex files) next to the compiled JavaScript in dist/. */
function buildAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest(path.resolve('dist')),
	);
}

task('build:assets', buildAssets);
