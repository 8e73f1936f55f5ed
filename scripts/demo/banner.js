'use strict';
/** What the demo prints once everything runs: where to go, how to log in and what to try. */

const READY_PREFIX = 'Demo ready:'; // test/e2e/demo.test.js waits for this line

function readyLine({ editorUrl, sandboxUrl }) {
	return `${READY_PREFIX} editor ${editorUrl} sandbox ${sandboxUrl}`;
}

function banner({ n8nVersion, packageName, packageVersion, editorUrl, owner, sandboxUrl, userFolder, logFile, credentials, workflows, seed }) {
	const rule = '─'.repeat(78);
	const pad = (s, n) => s.padEnd(n);
	const credWidth = Math.max(...credentials.map((c) => c.name.length)) + 2;
	const flowWidth = Math.max(...workflows.map((w) => w.name.length)) + 2;
	const credentialLines = credentials.map((c) => {
		const verdict = c.test ? `${c.test.ok ? '✓' : '✗'} ${c.test.message}` : c.note;
		return `   ${pad(c.name, credWidth)}${verdict}`;
	});
	const workflowLines = workflows.map((w) => `   ${pad(w.name, flowWidth)}${w.note}`);
	const revoke = `curl -X POST ${sandboxUrl}/__admin/tokens/revoke -H 'content-type: application/json' \\\n          -d '{"token":"${seed.tokens.systemUser}","subcode":460}'`;
	return [
		rule,
		` n8n ${n8nVersion} is running with ${packageName} ${packageVersion},`,
		' talking to the local Meta sandbox (nothing reaches Meta).',
		'',
		` Editor    ${editorUrl}`,
		` Log in    ${owner.email}  /  ${owner.password}`,
		` Sandbox   ${sandboxUrl}   (its app, users and tokens: ${sandboxUrl}/__admin/state)`,
		` Folder    ${userFolder}   (n8n log: ${logFile})`,
		'',
		' Credentials (Base URL Override = the sandbox), as n8n tests them:',
		...credentialLines,
		'',
		' Workflows (docs/examples/):',
		...workflowLines,
		'',
		' Try:',
		'   1. Open "Check all Meta connections now" and press "Execute workflow": one Setup Doctor',
		'      report per token (valid?, expiry, which features the permissions cover).',
		'   2. Break the system user token in the sandbox, then open "Daily Meta token check" and press',
		'      "Execute workflow": "Report the problem" stops the run with what to fix.',
		`        ${revoke}`,
		'      The next demo run starts a fresh sandbox, which undoes it.',
		'   3. Credentials → "Meta Facebook Login (OAuth2)" → Connect: the sandbox shows its login page',
		'      (continue as Ada Admin and tick the Page and accounts to share: Meta shares only what is',
		'      ticked). Then set a Setup Doctor node\'s Authentication to',
		'      "Facebook Login (OAuth2)" and pick that credential.',
		'   4. Send the active "Instagram DMs and comments" workflow a DM (or comment, mention) from another',
		'      terminal, then open its executions:',
		`        N8N_META_SANDBOX_PORT=${new URL(sandboxUrl).port} npm run demo:event -- dm "Is this still available?"`,
		'',
		' Ctrl-C stops n8n and the sandbox; the folder is kept for the next run.',
		rule,
	].join('\n');
}

module.exports = { banner, readyLine, READY_PREFIX };
