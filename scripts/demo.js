#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: a real n8n (2.41.1, Node 24, SQLite) with this package installed the way the Community Nodes
 * screen installs it, talking to the local Meta sandbox, with ready-made credentials and example workflows.
 *
 *   build → provision n8n (first run only) → npm pack + install into the demo folder → sandbox → n8n → owner,
 *   credentials, workflows → print where to go → wait for Ctrl-C / SIGTERM → stop n8n's process group and the sandbox.
 *
 * Options: scripts/demo/options.js (`npm run demo -- --help`).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

// n8n-instance.js ends every n8n it started with SIGKILL on SIGINT/SIGTERM and exits at once (right for tests).
// The demo stops n8n gracefully instead and also stops the sandbox, so it removes exactly the listeners that module
// added; its process 'exit' handler stays as the safety net for anything still running.
const signalListenersBefore = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
const { installTarball, packPackage, startN8n, PACKAGE_NAME } = require('../test/e2e/n8n-instance');
for (const [signal, before] of Object.entries(signalListenersBefore)) {
	for (const listener of process.listeners(signal)) if (!before.includes(listener)) process.removeListener(signal, listener);
}

const { createSandbox } = require('../test/sandbox');
const { provision, N8N_VERSION } = require('./provision-n8n');
const { parseOptions, HELP, DEMO_OWNER } = require('./demo/options');
const { demoCredentials, demoUserToken, upsertCredentials, testCredential } = require('./demo/credentials');
const { loadExamples, upsertWorkflows } = require('./demo/workflows');
const { banner, readyLine } = require('./demo/banner');

const REPO = path.resolve(__dirname, '..');

const say = (line) => console.log(`[demo] ${line}`);
const started = { sandbox: null, n8n: null };

/** `npm run build` with its output shown only when it fails (tsc reports errors on stdout). */
function buildPackage() {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (exit ${code}):\n${output}`))));
	});
}

/** Fails early with a clear message instead of a half-started demo when a port is taken. */
function assertPortFree(port, what, flag) {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', (err) =>
			reject(new Error(err.code === 'EADDRINUSE' ? `port ${port} (${what}) is in use; choose another with ${flag}` : err.message)),
		);
		probe.listen(port, '127.0.0.1', () => probe.close(resolve));
	});
}

async function main(options) {
	const t0 = Date.now();
	await assertPortFree(options.n8nPort, 'n8n', '--port or N8N_META_DEMO_PORT');
	await assertPortFree(options.sandboxPort, 'Meta sandbox', '--sandbox-port or N8N_META_SANDBOX_PORT');

	if (options.build) {
		say('Building the package (npm run build)');
		await buildPackage();
	}
	// `npm run demo` hands the repo's .npmrc (ignore-scripts=true) to child processes as npm_config_ignore_scripts,
	// which would turn provisioning's `npm rebuild sqlite3` (run in the cache, outside the repo) into a silent no-op.
	delete process.env.npm_config_ignore_scripts;
	await provision({ say: (line) => say(line) }); // minutes on the first run, a marker check afterwards

	say(`Installing ${PACKAGE_NAME} into ${options.userFolder} (npm pack, then as the Community Nodes screen does)`);
	fs.mkdirSync(options.userFolder, { recursive: true });
	const tarball = await packPackage();
	try {
		await installTarball(options.userFolder, tarball);
	} finally {
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}

	// The demo's n8n listens on http://127.0.0.1; Meta (the sandbox's default) calls only HTTPS callbacks.
	started.sandbox = createSandbox({ seed: 'default', settings: { webhookAllowHttpLoopbackCallbacks: true } });
	const { url: sandboxUrl } = await started.sandbox.start(options.sandboxPort);
	say(`Meta sandbox listening on ${sandboxUrl}`);

	// startN8n sets the owner up on a fresh folder (n8n answers 400 once one exists) and logs in either way.
	started.n8n = await startN8n({ userFolder: options.userFolder, port: options.n8nPort, owner: DEMO_OWNER, log: say }).catch((err) => {
		if (err.status !== 401) throw err;
		throw new Error(
			`${options.userFolder} already has an owner account that is not ${DEMO_OWNER.email} / ${DEMO_OWNER.password} ` +
				'(changed in the editor?). Use another folder with --dir, or delete this one to start over.',
		);
	});
	const n8n = started.n8n;
	say(`Logged in as ${DEMO_OWNER.email}`);

	const seed = started.sandbox.seedResult;
	// Meta redirects a login only to a URI registered on the app: register n8n's OAuth callback, as a user would.
	started.sandbox.admin.seed({ apps: [{ id: seed.app.id, redirectUris: [`${n8n.url}/rest/oauth2-credential/callback`] }] });
	// A Page admin's token that may also read leads (leads_retrieval), as the leads example needs.
	const userToken = demoUserToken(started.sandbox);
	const credentials = await upsertCredentials(n8n, demoCredentials(seed, sandboxUrl, { userToken }));
	for (const credential of credentials) {
		if (credential.type === 'metaOAuth2Api') credential.note = 'not connected yet: open it and press Connect';
		// The sandbox has no app node (GET /{app-id}) to test it against yet; the trigger nodes will use it.
		else if (credential.type === 'metaAppApi') credential.note = 'for the trigger nodes (Instagram DMs and comments)';
		else credential.test = await testCredential(n8n, credential);
	}
	say(`Credentials: ${summarise(credentials)}`);
	const workflows = await upsertWorkflows(n8n, loadExamples(), started.sandbox);
	say(`Workflows: ${summarise(workflows)}; published "${workflows.filter((w) => w.active).map((w) => w.name).join('", "')}"`);

	const pkg = require(path.join(REPO, 'package.json'));
	console.log(
		banner({
			n8nVersion: N8N_VERSION,
			packageName: pkg.name,
			packageVersion: pkg.version,
			editorUrl: n8n.url,
			owner: DEMO_OWNER,
			sandboxUrl,
			userFolder: options.userFolder,
			logFile: n8n.logFile,
			credentials,
			workflows,
			seed,
		}),
	);
	say(`Started in ${Math.round((Date.now() - t0) / 1000)}s`);
	console.log(readyLine({ editorUrl: n8n.url, sandboxUrl }));
	watchN8n(n8n);
}

function summarise(results) {
	const count = (action) => results.filter((r) => r.action === action).length;
	return `${count('created')} created, ${count('updated')} updated`;
}

/** n8n dying on its own (out of memory, killed) ends the demo rather than leaving a sandbox for nobody. */
function watchN8n(n8n) {
	let failures = 0;
	const timer = setInterval(async () => {
		const ok = await fetch(`${n8n.url}/healthz`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
		failures = ok ? 0 : failures + 1;
		if (failures < 3 || stopping) return;
		clearInterval(timer);
		console.error(`[demo] n8n stopped answering; last lines of ${n8n.logFile}:\n${n8n.logTail(30)}`);
		void shutdown('n8n gone', 1);
	}, 5000);
	timer.unref();
}

let stopping = false;
async function shutdown(reason, exitCode = 0) {
	if (stopping) {
		say('Stopping at once');
		process.exit(exitCode || 1); // n8n-instance's exit handler SIGKILLs n8n's process group
	}
	stopping = true;
	if (!started.sandbox) process.exit(exitCode); // nothing of ours listens yet (an n8n mid-start dies with the exit handler)
	say(`${reason}: stopping n8n and the Meta sandbox${reason === 'Ctrl-C' ? ' (Ctrl-C again to force)' : ''}`);
	try {
		await started.n8n?.stop({ graceMs: 15000 }); // SIGTERM to n8n's whole process group, SIGKILL after the grace
		await started.sandbox?.stop();
		say('Stopped.');
	} catch (err) {
		console.error(`[demo] while stopping: ${err.message}`);
		exitCode ||= 1;
	}
	process.exit(exitCode);
}

if (require.main === module) {
	let options;
	try {
		options = parseOptions();
	} catch (err) {
		console.error(`demo: ${err.message}`);
		process.exit(2);
	}
	if (options.help) {
		console.log(HELP);
		process.exit(0);
	}
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	main(options).catch((err) => {
		if (stopping) return; // a signal arrived mid-start: shutdown() is already ending everything
		console.error(`[demo] failed: ${err.message}`);
		void shutdown('start-up failed', 1);
	});
}
