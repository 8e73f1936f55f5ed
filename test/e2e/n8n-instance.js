/**
 * A real n8n 2.41.1 server with this package installed the way users install it, for end-to-end tests and the demo.
 *
 *   const { packPackage, startN8n } = require('./n8n-instance');
 *   const tarball = await packPackage();                 // npm pack of the built dist/ (npm test builds first)
 *   const n8n = await startN8n({ tarball });             // install into a fresh user folder, start, owner, login
 *   await n8n.nodeTypes(); await n8n.createCredential(...); await n8n.runManually(id); ...
 *   await n8n.stop();
 *
 * Endpoints come from n8n 2.41.1's compiled controllers (node_modules/n8n/dist/**), not from guesses; see the
 * comment on each helper. The server runs on the Node 24 provisioned by scripts/provision-n8n.js.
 */
const { spawn, execFile } = require('child_process');
const { promisify } = require('util');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { provision, paths: cachePaths, readMarker } = require('../../scripts/provision-n8n');

const execFileAsync = promisify(execFile);
const REPO = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(REPO, 'package.json')).name;
const ENCRYPTION_KEY = 'n8n-nodes-meta-business-e2e-key'; // fixed so a kept user folder can be reopened
const OWNER = { email: 'owner@example.com', firstName: 'Ada', lastName: 'Owner', password: 'E2e-Password-1' };
const BROWSER_ID = 'n8n-nodes-meta-business-e2e'; // n8n binds the auth cookie to the `browser-id` header

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the package and packs it exactly as `npm publish` would; resolves to the tarball's path. */
async function packPackage({ build = false, log = () => {} } = {}) {
	if (build) {
		log('npm run build');
		await execFileAsync('npm', ['run', 'build'], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'meta-business-pack-'));
	const { stdout } = await execFileAsync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
	const tarball = path.join(dest, JSON.parse(stdout)[0].filename);
	log(`packed ${tarball}`);
	return tarball;
}

/**
 * Installs a package tarball into `<userFolder>/.n8n/nodes` the way n8n 2.41.1's Community Nodes screen does
 * (CommunityPackagesService.downloadPackage): unpack into node_modules/<name>, drop dev/peer/optional
 * dependencies, `npm install` the runtime dependencies inside the package folder with n8n's flags, and record
 * the package in the folder's package.json. The only difference: n8n `npm pack`s from the registry, we pack the
 * repo. (n8n also records the package in its database; without that record the node still loads, because n8n
 * scans nodes/node_modules/n8n-nodes-* at start, but Settings → Community nodes does not list it.)
 */
async function installTarball(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const ledger = path.join(nodesDir, 'package.json');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(ledger)) {
		fs.writeFileSync(ledger, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	await execFileAsync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const pkgFile = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	await execFileAsync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: packageDir },
	);
	const ledgerJson = JSON.parse(fs.readFileSync(ledger, 'utf8'));
	ledgerJson.dependencies[PACKAGE_NAME] = pkg.version;
	fs.writeFileSync(ledger, JSON.stringify(ledgerJson, null, 2));
	return packageDir;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Every started instance, so a forgotten stop() or an exiting test process still ends the servers. */
const running = new Set();
function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal); // negative pid: the whole process group (n8n + its task runner)
	} catch {
		/* already gone */
	}
}
process.on('exit', () => {
	for (const child of running) killGroup(child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		for (const child of running) killGroup(child, 'SIGKILL');
		process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
	});
}

/**
 * Starts `n8n start` (Node 24) on a free port in a fresh user folder with the package installed from `tarball`,
 * waits until it is ready, creates the owner account and logs in. Resolves to an instance with REST helpers.
 * `owner` (default OWNER) is the account created on a fresh folder and logged in with; the demo passes its own.
 */
async function startN8n({ tarball, userFolder, port, env = {}, owner = OWNER, log = () => {}, readyTimeoutMs = 180000 } = {}) {
	const cache = readMarker() ? cachePaths() : await provision({ say: log });
	userFolder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	if (tarball) await installTarball(userFolder, tarball);
	port ??= await freePort();
	const url = `http://127.0.0.1:${port}`;

	// A clean environment: jest sets NODE_ENV=test (n8n then refuses to load nodes) and test/support/jest-env.js
	// sets N8N_USER_FOLDER; nothing of the caller's n8n configuration may leak in.
	const childEnv = {
		PATH: `${path.dirname(cache.nodeBin)}:${process.env.PATH}`, // n8n runs `npm` and its task runner: Node 24
		HOME: process.env.HOME,
		LANG: process.env.LANG ?? 'C.UTF-8',
		TMPDIR: process.env.TMPDIR ?? os.tmpdir(),
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${url}/`,
		N8N_WEBHOOK_URL: `${url}/`, // 2.41's name for WEBHOOK_URL (deprecated there)
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()), // default 5679 would clash between two instances
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		...env,
	};
	const logFile = path.join(userFolder, 'n8n.log');
	const out = fs.openSync(logFile, 'a');
	log(`starting n8n on ${url} (user folder ${userFolder}, log ${logFile})`);
	const child = spawn(cache.nodeBin, [cache.n8nBin, 'start'], { cwd: userFolder, env: childEnv, detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	running.add(child);
	let exited = null;
	child.on('exit', (code, signal) => {
		exited = { code, signal };
		running.delete(child);
	});

	const instance = createInstance({ url, userFolder, logFile, child, cache, childEnv, isExited: () => exited });
	try {
		// /healthz answers as soon as HTTP is up; /healthz/readiness once the database is migrated and n8n is ready.
		const deadline = Date.now() + readyTimeoutMs;
		for (;;) {
			if (exited) throw new Error(`n8n exited during start-up (${JSON.stringify(exited)})`);
			if (Date.now() > deadline) throw new Error(`n8n was not ready within ${readyTimeoutMs / 1000}s`);
			const ok = await fetch(`${url}/healthz/readiness`).then((r) => r.ok, () => false);
			if (ok) break;
			await sleep(500);
		}
		// A reused user folder already has its owner: n8n answers 400 to a second setup, then we just log in.
		log('n8n is ready; setting up the owner account');
		await instance.setupOwner(owner).catch((err) => {
			if (err.status !== 400) throw err;
		});
		await instance.login(owner);
	} catch (err) {
		await instance.stop();
		err.message += `\n--- last lines of ${logFile} ---\n${instance.logTail(40)}`;
		throw err;
	}
	return instance;
}

/** One entry per execution id, in the listed order, the finished state winning over `new`/`running`. */
function uniqueExecutions(list) {
	const byId = new Map();
	for (const execution of list) {
		const seen = byId.get(execution.id);
		if (!seen || (!isFinished(seen) && isFinished(execution))) byId.set(execution.id, execution);
	}
	return [...byId.values()];
}
const isFinished = (execution) => Boolean(execution.stoppedAt) || !['new', 'running', 'waiting'].includes(execution.status);

function createInstance({ url, userFolder, logFile, child, cache, childEnv, isExited }) {
	let cookie = '';

	/** Calls n8n's REST API (`/rest/...`) with the session cookie; unwraps n8n's `{ data }` envelope. */
	async function rest(method, route, body) {
		const res = await fetch(`${url}/rest${route}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, ...(cookie ? { cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) cookie = auth.split(';')[0];
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = text;
		}
		if (!res.ok) {
			const err = new Error(`${method} /rest${route} → ${res.status}: ${typeof json === 'object' ? JSON.stringify(json) : text}`);
			err.status = res.status;
			throw err;
		}
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	/** Reads one of the type files the editor loads at start (server.ts: protectTypeFiles, auth required). */
	async function typeFile(name) {
		const get = () => fetch(`${url}/types/${name}`, { headers: { cookie, 'browser-id': BROWSER_ID } });
		// A kept-alive socket that n8n closed while idle fails the next request ("other side closed"); a GET may be repeated.
		const res = await get().catch(() => get());
		if (!res.ok) throw new Error(`GET /types/${name} → ${res.status}`);
		return await res.json();
	}

	const flatted = require(path.join(cache.dir, 'node_modules', 'flatted'));

	return {
		url,
		userFolder,
		logFile,
		rest,
		logTail(lines = 40) {
			try {
				return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
			} catch {
				return '';
			}
		},

		/** The "Set up owner account" page: POST /rest/owner/setup (OwnerController, skipAuth). */
		setupOwner: async (owner = OWNER) => await rest('POST', '/owner/setup', owner),
		/** POST /rest/login (AuthController) with { emailOrLdapLoginId, password }; keeps the n8n-auth cookie. */
		login: async (owner = OWNER) => await rest('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password }),

		/** Node types as the editor gets them: GET /types/nodes.json (every version of every node). */
		nodeTypes: async () => await typeFile('nodes.json'),
		/** Credential types as the editor gets them: GET /types/credentials.json. */
		credentialTypes: async () => await typeFile('credentials.json'),

		/** POST /rest/credentials (CreateCredentialDto: name, type, data). */
		createCredential: async ({ name, type, data }) => await rest('POST', '/credentials', { name, type, data }),
		/** GET /rest/credentials/:id?includeData=true — password fields come back as n8n's blanking placeholder. */
		getCredential: async (id) => await rest('GET', `/credentials/${id}?includeData=true`),
		/**
		 * Changes some fields of a stored credential as the editor's Save does: PATCH /rest/credentials/:id with the
		 * whole (redacted) data; n8n puts the real values back for fields still holding its blanking placeholder.
		 */
		async updateCredentialData(id, changes) {
			const { name, type, data } = await rest('GET', `/credentials/${id}?includeData=true`);
			return await rest('PATCH', `/credentials/${id}`, { name, type, data: { ...data, ...changes } });
		},
		/**
		 * The stored credential in plain text, through n8n's own CLI (`n8n export:credentials --decrypted`), run
		 * against this instance's database with its key. Use it to see what n8n really persisted.
		 */
		async exportCredentialDecrypted(id) {
			const file = path.join(userFolder, `credential-${id}.json`);
			await execFileAsync(cache.nodeBin, [cache.n8nBin, 'export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`], {
				cwd: userFolder,
				env: { ...childEnv, N8N_PORT: '0' },
				maxBuffer: 16 * 1024 * 1024,
			});
			const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
			fs.rmSync(file);
			return Array.isArray(exported) ? exported[0] : exported;
		},

		/** POST /rest/workflows (CreateWorkflowDto: name, nodes, connections, settings…); returns id and versionId. */
		createWorkflow: async (workflow) => await rest('POST', '/workflows', { settings: {}, ...workflow }),
		getWorkflow: async (id) => await rest('GET', `/workflows/${id}`),
		/**
		 * POST /rest/workflows/:id/activate (ActivateWorkflowDto: versionId) publishes the current version. n8n 2.41
		 * registers triggers and webhooks asynchronously (publication outbox), so wait on
		 * GET /rest/workflows/:id/publication-status until every trigger of that version is live.
		 */
		async activateWorkflow(id, { timeoutMs = 30000 } = {}) {
			const { versionId } = await rest('GET', `/workflows/${id}`);
			const workflow = await rest('POST', `/workflows/${id}/activate`, { versionId });
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const status = await rest('GET', `/workflows/${id}/publication-status`);
				if (status.status === 'published' && status.liveVersionId === versionId) return workflow;
				if (status.status === 'failed' || status.status === 'partial') {
					throw new Error(`activating workflow ${id} failed: ${JSON.stringify(status.triggers)}`);
				}
				if (Date.now() > deadline) throw new Error(`workflow ${id} not published after ${timeoutMs / 1000}s: ${JSON.stringify(status)}`);
				await sleep(200);
			}
		},
		deactivateWorkflow: async (id) => await rest('POST', `/workflows/${id}/deactivate`, {}),

		/**
		 * Runs a saved workflow as the editor's "Execute workflow" button does: POST /rest/workflows/:id/run with
		 * { triggerToStartFrom: { name } } (ManualRunDto), then waits for the execution to finish.
		 */
		async runManually(id, triggerName = 'Manual Trigger', { timeoutMs = 60000 } = {}) {
			const result = await rest('POST', `/workflows/${id}/run`, { triggerToStartFrom: { name: triggerName } });
			if (!result?.executionId) throw new Error(`n8n did not start an execution: ${JSON.stringify(result)}`);
			return await this.waitForExecution(result.executionId, { timeoutMs });
		},

		/** Calls a production webhook of an active workflow: <url>/webhook/<path>. Returns { status, body, headers }. */
		async callWebhook(webhookPath, { method = 'POST', body, headers = {} } = {}) {
			const res = await fetch(`${url}/webhook/${webhookPath.replace(/^\//, '')}`, {
				method,
				headers: { ...(typeof body === 'string' ? {} : { 'content-type': 'application/json' }), ...headers },
				body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			});
			return { status: res.status, headers: res.headers, body: await res.text() };
		},

		/**
		 * GET /rest/executions?filter={"workflowId"}, newest first, one entry per execution id. n8n 2.41 lists running
		 * and finished executions with two queries, so an execution that finishes between them is listed twice (seen
		 * in CI: id 1 as `running` and as `success`); the later state is kept. Distinct executions keep distinct ids.
		 */
		listExecutions: async (workflowId) => uniqueExecutions(
			(await rest('GET', `/executions?filter=${encodeURIComponent(JSON.stringify(workflowId ? { workflowId } : {}))}`)).results,
		),

		/** GET /rest/executions/:id with its `data` (stored with `flatted`) parsed back into run data. */
		async getExecution(id) {
			const execution = await rest('GET', `/executions/${id}`);
			if (typeof execution.data === 'string') execution.data = flatted.parse(execution.data);
			return execution;
		},
		async waitForExecution(id, { timeoutMs = 60000 } = {}) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const execution = await this.getExecution(id);
				if (execution.finished || execution.stoppedAt || ['success', 'error', 'crashed', 'canceled'].includes(execution.status)) {
					return execution;
				}
				if (Date.now() > deadline) throw new Error(`execution ${id} still ${execution.status} after ${timeoutMs / 1000}s`);
				await sleep(250);
			}
		},

		/** The JSON items a node produced in an execution (first run, main output 0). */
		nodeOutput(execution, nodeName, outputIndex = 0) {
			const runs = execution.data?.resultData?.runData?.[nodeName];
			if (!runs) throw new Error(`node "${nodeName}" did not run; error: ${JSON.stringify(execution.data?.resultData?.error)}`);
			return (runs[0].data?.main?.[outputIndex] ?? []).map((item) => item.json);
		},

		/** Stops n8n and its task runner (whole process group): SIGTERM, then SIGKILL after `graceMs`. */
		async stop({ graceMs = 10000, removeUserFolder = false } = {}) {
			if (!isExited()) {
				const gone = new Promise((resolve) => child.once('exit', resolve));
				killGroup(child, 'SIGTERM');
				const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
				await gone;
				clearTimeout(timer);
			}
			killGroup(child, 'SIGKILL'); // anything left in the group (task runner)
			running.delete(child);
			if (removeUserFolder) fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

module.exports = { PACKAGE_NAME, OWNER, packPackage, installTarball, startN8n, freePort, killGroup };

/**
 * REST helpers for an n8n this process did not start (the demo's, in test/e2e/demo.test.js): the same instance
 * object as startN8n's, logged in as `owner`; its stop() does nothing, the process that started n8n stops it.
 */
async function connectToN8n({ url, userFolder = '', owner = OWNER }) {
	const cache = cachePaths();
	const instance = createInstance({
		url,
		userFolder,
		logFile: path.join(userFolder, 'n8n.log'),
		child: null,
		cache,
		childEnv: {},
		isExited: () => true,
	});
	await instance.login(owner);
	return instance;
}

module.exports.connectToN8n = connectToN8n;
