'use strict';
// `npm run bench`: runs every *.bench.js here in turn and prints their figures. Benchmarks are not tests.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER || require('os').tmpdir();
const only = process.argv[2];
for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.js') && (!only || f.includes(only)))) {
	console.log(`\n## ${file}`);
	execFileSync(process.execPath, [path.join(__dirname, file)], { stdio: 'inherit', env: process.env });
}
