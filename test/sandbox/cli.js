#!/usr/bin/env node
'use strict';
// `node test/sandbox/cli.js [--port N]`: start the sandbox with the default scenario and print how to use it.
const { createSandbox } = require('./index');

function parsePort(argv) {
	const i = argv.indexOf('--port');
	if (i !== -1 && argv[i + 1]) return Number(argv[i + 1]);
	const eq = argv.find((a) => a.startsWith('--port='));
	return eq ? Number(eq.split('=')[1]) : 0;
}

async function main() {
	const sandbox = createSandbox({ seed: 'default' });
	const { url } = await sandbox.start(parsePort(process.argv.slice(2)));
	const r = sandbox.seedResult;
	const lines = [
		`Meta Graph sandbox listening on ${url}`,
		'',
		'Hosts (path prefixes):',
		...sandbox.hosts.map((h) => `  ${url}/${h}/`),
		`Admin API: ${url}/__admin/state`,
		'',
		`App: ${r.app.name}  id=${r.app.id}  secret=${r.app.secret}`,
		`     Instagram app id=${r.app.instagramAppId}  secret=${r.app.instagramAppSecret}  login config_id=${r.app.loginConfigId}`,
		`Users: ${r.users.ada.name} (${r.users.ada.id}), ${r.users.eddie.name} (${r.users.eddie.id}, no Page token)`,
		`Page: ${r.page.name} (${r.page.id}) → IG business @${r.instagram.username} (${r.instagram.id})`,
		`System user: ${r.systemUser.name} (${r.systemUser.id})`,
		'',
		'Tokens:',
		...Object.entries(r.tokens).map(([k, v]) => `  ${k.padEnd(15)} ${v}`),
		'',
		`Try: curl '${url}/graph.facebook.com/v26.0/me?access_token=${r.tokens.adaUser}'`,
		`Login dialog: ${url}/www.facebook.com/v26.0/dialog/oauth?client_id=${r.app.id}&redirect_uri=http://localhost:5678/rest/oauth2-credential/callback&state=xyz&scope=pages_show_list`,
		'Ctrl-C stops.',
	];
	console.log(lines.join('\n'));
	const shutdown = () => sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
