'use strict';
/**
 * Jest hooks for an end-to-end file: a Meta sandbox plus a real n8n 2.41.1 with the packed package installed.
 * A fresh machine provisions n8n first (about 7–10 minutes, in beforeAll); nothing is skipped if that fails.
 */
const fs = require('fs');
const path = require('path');
const { createSandbox } = require('../sandbox');
const { packPackage, startN8n } = require('./n8n-instance');

const PROVISION_TIMEOUT = 45 * 60 * 1000;

function useN8nWithSandbox(label) {
	jest.setTimeout(PROVISION_TIMEOUT);
	const say = (line) => process.stderr.write(`[${label}] ${line}\n`);
	const env = { sb: undefined, n8n: undefined, tarball: undefined };
	beforeAll(async () => {
		env.sb = createSandbox();
		await env.sb.start();
		env.tarball = await packPackage({ log: say });
		env.n8n = await startN8n({ tarball: env.tarball, log: say });
	}, PROVISION_TIMEOUT);
	afterAll(async () => {
		await env.n8n?.stop({ removeUserFolder: true });
		await env.sb?.stop();
		if (env.tarball) fs.rmSync(path.dirname(env.tarball), { recursive: true, force: true });
	}, 60000);
	return env;
}

module.exports = { useN8nWithSandbox, PROVISION_TIMEOUT };
