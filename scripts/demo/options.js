'use strict';
/**
 * The demo's settings: command-line flags win over environment variables, which win over the defaults.
 *
 *   --dir <folder>        N8N_META_DEMO_DIR        persistent n8n user folder (~/.cache/n8n-nodes-meta-business/demo)
 *   --port <n>            N8N_META_DEMO_PORT       n8n editor port (5678)
 *   --sandbox-port <n>    N8N_META_SANDBOX_PORT    Meta sandbox port (4010)
 *   --skip-build          N8N_META_DEMO_SKIP_BUILD=1   pack the dist/ already built (npm test builds once for all suites)
 */
const os = require('os');
const path = require('path');
const { N8N_VERSION } = require('../provision-n8n');

const DEFAULTS = { n8nPort: 5678, sandboxPort: 4010 };

/** The account the demo creates on a fresh folder and prints (n8n wants 8+ characters, a digit and a capital). */
const DEMO_OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Demo-Password-1' };

function defaultDir() {
	const cacheRoot = process.env.N8N_META_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-meta-business');
	return path.join(cacheRoot, 'demo');
}

/** The value after `--name` or in `--name=value`, else undefined. */
function flagValue(argv, name) {
	const i = argv.indexOf(`--${name}`);
	if (i !== -1 && argv[i + 1] !== undefined) return argv[i + 1];
	const eq = argv.find((a) => a.startsWith(`--${name}=`));
	return eq === undefined ? undefined : eq.slice(name.length + 3);
}

function port(value, what) {
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${what} must be a port number (1-65535), got "${value}"`);
	return n;
}

function parseOptions(argv = process.argv.slice(2), env = process.env) {
	if (argv.includes('--help') || argv.includes('-h')) return { help: true };
	const known = ['--dir', '--port', '--sandbox-port', '--skip-build'];
	const unknown = argv.filter((a) => a.startsWith('-') && !known.some((k) => a === k || a.startsWith(`${k}=`)));
	if (unknown.length) throw new Error(`unknown option ${unknown.join(', ')} (try --help)`);
	const dir = flagValue(argv, 'dir') ?? env.N8N_META_DEMO_DIR ?? defaultDir();
	return {
		userFolder: path.resolve(dir),
		n8nPort: port(flagValue(argv, 'port') ?? env.N8N_META_DEMO_PORT ?? DEFAULTS.n8nPort, 'n8n port'),
		sandboxPort: port(flagValue(argv, 'sandbox-port') ?? env.N8N_META_SANDBOX_PORT ?? DEFAULTS.sandboxPort, 'sandbox port'),
		build: !(argv.includes('--skip-build') || env.N8N_META_DEMO_SKIP_BUILD === '1'),
	};
}

const HELP = `npm run demo [-- options]

Starts a real n8n ${N8N_VERSION} with n8n-nodes-meta-business installed, against the local Meta sandbox.

  --dir <folder>       n8n user folder, kept between runs   (N8N_META_DEMO_DIR, default ${defaultDir()})
  --port <n>           n8n editor port                      (N8N_META_DEMO_PORT, default ${DEFAULTS.n8nPort})
  --sandbox-port <n>   Meta sandbox port                    (N8N_META_SANDBOX_PORT, default ${DEFAULTS.sandboxPort})
  --skip-build         use the dist/ already built          (N8N_META_DEMO_SKIP_BUILD=1)

N8N_META_CACHE moves the whole cache (n8n install and default demo folder). Ctrl-C stops everything.`;

module.exports = { parseOptions, HELP, DEFAULTS, DEMO_OWNER };
