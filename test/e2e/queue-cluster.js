'use strict';
/**
 * n8n 2.41.1 in queue mode on one machine, for test/e2e/queue-mode.test.js:
 *
 *   PostgreSQL (its own initdb'd cluster) + Redis (its own redis-server) on free loopback ports,
 *   one `n8n start` (main: owner, credentials, activation), N `n8n worker`s (run the executions),
 *   one `n8n webhook` (receives production webhooks and queues them).
 *
 *   const cluster = await startQueueCluster({ tarball, workers: 2, log });
 *   cluster.main          // the startN8n() instance (REST helpers) of the main process
 *   cluster.webhookUrl    // where production webhooks (and so Meta subscriptions) point
 *   cluster.workers       // [{ name, logFile, logText() }]
 *   await cluster.stop(); // every process group, then the temp folders
 *
 * Nothing here relies on system services: the test starts and stops its own Postgres and Redis. Debian's
 * packages provide the binaries (`postgresql` for /usr/lib/postgresql/<v>/bin, `redis-server`).
 */
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { installTarball, startN8n, freePort, killGroup } = require('./n8n-instance');
const { provision, paths: cachePaths, readMarker } = require('../../scripts/provision-n8n');

const ENCRYPTION_KEY = 'n8n-nodes-meta-business-queue-e2e-key'; // one key for every process: they share credentials
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every child started here (detached: each leads its own process group), killed on exit whatever happens. */
const running = new Set();
process.on('exit', () => {
	for (const child of running) killGroup(child, 'SIGKILL');
});

/** Spawns a detached child (own process group) logging into `logFile`; returns a handle with stop(). */
function spawnLogged(cmd, args, { env, cwd, logFile }) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	running.add(child);
	const handle = {
		child,
		logFile,
		exited: null,
		logText: () => {
			try {
				return fs.readFileSync(logFile, 'utf8');
			} catch {
				return '';
			}
		},
		logTail: (lines = 30) => handle.logText().split('\n').slice(-lines).join('\n'),
		/** `signal` to the whole group (n8n's task runner, runuser's postgres), SIGKILL after `graceMs`. */
		async stop({ signal = 'SIGTERM', graceMs = 10000 } = {}) {
			if (!handle.exited) {
				const gone = new Promise((resolve) => child.once('exit', resolve));
				killGroup(child, signal);
				const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
				await gone;
				clearTimeout(timer);
			}
			killGroup(child, 'SIGKILL'); // leftovers in the group
			running.delete(child);
		},
	};
	child.on('exit', (code, sig) => {
		handle.exited = { code, signal: sig };
		running.delete(child);
	});
	return handle;
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** `signal` to one process, SIGKILL when it is still there after `graceMs`; resolves once it is gone. */
async function stopPid(pid, signal, graceMs) {
	if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
	process.kill(pid, signal);
	const deadline = Date.now() + graceMs;
	while (isAlive(pid) && Date.now() < deadline) await sleep(100);
	if (isAlive(pid)) process.kill(pid, 'SIGKILL');
	while (isAlive(pid)) await sleep(50);
}

/**
 * Processes (pid and command line) whose command line, working folder or environment (N8N_USER_FOLDER=…) names one of
 * `dirs`: what a stop left behind. Linux /proc; the tests run as the user that started the processes.
 */
function processesUsing(dirs) {
	const read = (file) => {
		try {
			return fs.readFileSync(file, 'utf8').replace(/\0/g, ' ');
		} catch {
			return ''; // gone meanwhile, or not ours to read
		}
	};
	const found = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
		const cmdline = read(`/proc/${entry}/cmdline`).trim();
		const environ = read(`/proc/${entry}/environ`);
		let cwd = '';
		try {
			cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
		} catch {
			// gone meanwhile
		}
		const uses = (dir) => cmdline.includes(dir) || environ.includes(`=${dir} `) || cwd === dir || cwd.startsWith(`${dir}/`);
		if (cmdline && dirs.some(uses)) found.push({ pid: Number(entry), cmdline });
	}
	return found;
}

async function waitFor(what, check, { timeoutMs, handle }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (handle?.exited) throw new Error(`${what}: process exited (${JSON.stringify(handle.exited)})\n${handle.logTail()}`);
		if (await check()) return;
		if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs / 1000}s\n${handle ? handle.logTail() : ''}`);
		await sleep(300);
	}
}

/** Debian installs the server binaries under /usr/lib/postgresql/<major>/bin (not on PATH); take the newest. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres'))) : [];
	if (!majors.length) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install -y postgresql)');
	return path.join(root, majors.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/**
 * initdb + postgres in a temp folder on a free loopback port, trust auth, superuser `n8n`. Postgres refuses to run
 * as root, so as root it runs as Debian's `postgres` user through runuser (the folder is chowned to it).
 */
async function startPostgres({ log }) {
	const bin = postgresBin();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const dataDir = path.join(dir, 'data');
	const port = await freePort();
	const asRoot = process.getuid && process.getuid() === 0;
	if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	const wrap = (cmd, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
	const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' };

	execFileSync(...wrap(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync']), { env, stdio: 'pipe' });
	log(`postgres: ${bin} on 127.0.0.1:${port} (${dataDir})`);
	// -k: the unix socket goes into our folder, not /var/run/postgresql (which may not exist or be writable).
	const [cmd, args] = wrap(path.join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=200']);
	const handle = spawnLogged(cmd, args, { env, cwd: dir, logFile: path.join(dir, 'postgres.log') });
	const isReady = path.join(bin, 'pg_isready');
	await waitFor('postgres', () => {
		try {
			execFileSync(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres'], { stdio: 'ignore' });
			return true;
		} catch {
			return false;
		}
	}, { timeoutMs: 60000, handle });
	// The postmaster's own pid: runuser may leave it outside the group we signal, so it is stopped by pid too.
	const postmasterPid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
	return {
		port,
		dir,
		handle,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			// n8n's default pool is 2 connections per process: 100 concurrent webhook requests then queue for a
			// connection until Meta's (the sandbox's) 10 s delivery timeout and the database pings fail.
			DB_POSTGRESDB_POOL_SIZE: '20',
		},
		// SIGINT = postgres' "fast" shutdown (SIGTERM would wait for n8n's pooled connections to go away).
		stop: async () => {
			await stopPid(postmasterPid, 'SIGINT', 15000);
			await handle.stop({ signal: 'SIGINT' });
		},
	};
}

/** redis-server on a free loopback port, no persistence, working folder in a temp dir. */
async function startRedis({ log }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	const port = await freePort();
	log(`redis: 127.0.0.1:${port}`);
	const handle = spawnLogged('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], {
		env: { PATH: process.env.PATH },
		cwd: dir,
		logFile: path.join(dir, 'redis.log'),
	});
	await waitFor('redis', () => /Ready to accept connections/.test(handle.logText()), { timeoutMs: 30000, handle });
	return { port, dir, handle, stop: () => handle.stop() };
}

/**
 * Starts the whole cluster. Order matters: the main process migrates the database first (workers and the webhook
 * processor would race it), then the webhook processor and workers; the webhook processor must be up before a
 * trigger is activated, because Meta (the sandbox) checks the callback URL with a GET while subscribing.
 */
/** `prepareUserFolder(userFolder)`: runs after the package is installed and before any n8n process starts (benchmarks add a peer package). */
async function startQueueCluster({ tarball, workers = 2, workerConcurrency = 5, webhookProcessors = 1, env = {}, log = () => {}, readyTimeoutMs = 180000, prepareUserFolder } = {}) {
	const cache = readMarker() ? cachePaths() : await provision({ say: log });
	const parts = { pg: null, redis: null, main: null, webhook: null, webhooks: [], workers: [] };
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-e2e-'));

	/** The folders of this cluster: any process still using one after stop() was left behind. */
	const folders = () => [userFolder, parts.pg?.dir, parts.redis?.dir].filter(Boolean);

	async function stop() {
		// n8n first (they hold DB/Redis connections), then the stores; each independently so one failure stops nothing else.
		await Promise.allSettled([parts.main?.stop(), ...parts.webhooks.map((w) => w.stop()), ...parts.workers.map((w) => w.stop())]);
		await Promise.allSettled([parts.redis?.stop(), parts.pg?.stop()]);
		// QUEUE_E2E_KEEP=1 keeps the logs (n8n.log, webhook.log, worker-N.log, postgres.log, redis.log) to read a failure.
		if (process.env.QUEUE_E2E_KEEP === '1') return log(`kept ${[userFolder, parts.pg?.dir, parts.redis?.dir].filter(Boolean).join(' ')}`);
		for (const dir of [userFolder, parts.pg?.dir, parts.redis?.dir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
	}

	try {
		[parts.pg, parts.redis] = await Promise.all([startPostgres({ log }), startRedis({ log })]);
		// One install in the folder every process shares: each loads the community package from <userFolder>/.n8n/nodes.
		await installTarball(userFolder, tarball);
		if (prepareUserFolder) await prepareUserFolder(userFolder);

		const mainPort = await freePort();
		const webhookPort = await freePort();
		const webhookUrl = `http://127.0.0.1:${webhookPort}`;
		// The settings every process must agree on. WEBHOOK_URL/N8N_WEBHOOK_URL = the webhook processor, so the
		// main process registers Meta subscriptions with callbacks that reach it and not the main process.
		const shared = {
			PATH: `${path.dirname(cache.nodeBin)}:${process.env.PATH}`,
			HOME: process.env.HOME,
			LANG: process.env.LANG ?? 'C.UTF-8',
			TMPDIR: process.env.TMPDIR ?? os.tmpdir(),
			NODE_ENV: 'production',
			N8N_USER_FOLDER: userFolder,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${mainPort}/`,
			N8N_WEBHOOK_URL: `${webhookUrl}/`, // 2.41's name for WEBHOOK_URL (which it reports as deprecated)
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			...parts.pg.env,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(parts.redis.port),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info', // workers log "Worker started execution <id>" at info: our proof of where work ran
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			...env, // the caller's additions, for every process
		};

		log(`main: http://127.0.0.1:${mainPort} (user folder ${userFolder})`);
		parts.main = await startN8n({
			userFolder,
			port: mainPort,
			log,
			readyTimeoutMs,
			env: { ...shared, N8N_PORT: String(mainPort), N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		});

		const n8nProcess = async (name, command, extraArgs, extraEnv) =>
			spawnLogged(cache.nodeBin, [cache.n8nBin, command, ...extraArgs], {
				cwd: userFolder,
				// Each process runs its own task-runner broker: each needs its own port.
				env: { ...shared, N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv },
				logFile: path.join(userFolder, `${name}.log`),
			});

		// More than one webhook processor behind a load balancer: each on its own port, same database and Redis.
		const webhookUrls = [webhookUrl];
		for (let i = 0; i < webhookProcessors; i++) {
			const port = i === 0 ? webhookPort : await freePort();
			if (i > 0) webhookUrls.push(`http://127.0.0.1:${port}`);
			const processor = await n8nProcess(i === 0 ? 'webhook' : `webhook-${i + 1}`, 'webhook', [], { N8N_PORT: String(port) });
			processor.name = i === 0 ? 'webhook' : `webhook-${i + 1}`;
			processor.url = webhookUrls[i];
			parts.webhooks.push(processor);
		}
		parts.webhook = parts.webhooks[0];
		for (let i = 1; i <= workers; i++) {
			// N8N_PORT 0: a worker serves no HTTP unless asked, but keep it off the main process's port anyway.
			const worker = await n8nProcess(`worker-${i}`, 'worker', [`--concurrency=${workerConcurrency}`], { N8N_PORT: '0' });
			worker.name = `worker-${i}`;
			parts.workers.push(worker);
		}
		log(`webhook processor: ${webhookUrl}; ${workers} workers starting`);
		await Promise.all([
			...parts.webhooks.map((w) => waitFor(`n8n ${w.name}`, () => fetch(`${w.url}/healthz/readiness`).then((r) => r.ok, () => false), { timeoutMs: readyTimeoutMs, handle: w })),
			...parts.workers.map((w) => waitFor(`n8n ${w.name}`, () => /n8n worker is now ready/.test(w.logText()), { timeoutMs: readyTimeoutMs, handle: w })),
		]);
		log('queue cluster ready');
		// SQL on n8n's database with n8n's own driver (pure JS `pg` from the provisioned install; loads on Node 20):
		// the authoritative list of executions, without the REST list's 100-per-page cursor paging.
		const { Client } = require(path.join(cache.dir, 'node_modules', 'pg'));
		async function query(sql, params = []) {
			const client = new Client({ host: '127.0.0.1', port: parts.pg.port, user: 'n8n', database: 'postgres' });
			await client.connect();
			try {
				return (await client.query(sql, params)).rows;
			} finally {
				await client.end();
			}
		}
		return { main: parts.main, webhook: parts.webhook, webhookUrl, webhooks: parts.webhooks, webhookUrls, workers: parts.workers, userFolder, pg: parts.pg, redis: parts.redis, query, stop, folders };
	} catch (err) {
		await stop();
		throw err;
	}
}

module.exports = { startQueueCluster, startPostgres, startRedis, processesUsing };
