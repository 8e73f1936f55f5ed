#!/usr/bin/env node
'use strict';
// `npm run demo:event -- <dm|comment|mention|whatsapp-reply|lead|delete-data|deauthorize> [text]`: asks the running
// demo's Meta sandbox to send one signed event to whatever URL is subscribed, as Meta would; the execution appears
// in n8n. `delete-data` and `deauthorize` play a person (Eddie) removing the app from their Facebook settings.
const { seedResult } = require('../test/sandbox/seed');

const port = process.env.N8N_META_SANDBOX_PORT || '4010';
const [kind = 'dm', ...words] = process.argv.slice(2);
const COMPLIANCE = { 'delete-data': true, deauthorize: false };

async function post(path, body) {
	const res = await fetch(`http://127.0.0.1:${port}/__admin/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { ok: res.ok, status: res.status, result: await res.json() };
}

async function sendEvent() {
	const { ok, status, result } = await post('events', { kind, text: words.join(' ') || undefined });
	if (!ok || !result.delivered) throw new Error(`Not delivered: ${result.reason || result.error || status}`);
	console.log(`Sent a ${kind} to ${result.url}: n8n answered ${result.status}. Open the workflow's executions in the editor.`);
}

async function removeApp() {
	const requestDeletion = COMPLIANCE[kind];
	const { ok, status, result } = await post('compliance/removeApp', { userId: seedResult.users.eddie.id, requestDeletion });
	const callback = requestDeletion ? result.dataDeletion : result.deauthorize;
	if (!ok || !callback) throw new Error(`Not delivered: ${result.error || (ok ? 'no compliance URL is configured (is the demo running?)' : status)}`);
	console.log(`Sent a ${kind} callback: n8n answered ${callback.status}.`);
	if (requestDeletion) {
		if (!callback.meta.accepted) throw new Error(`Meta would not accept the answer: ${callback.meta.reason}`);
		console.log(`Meta would show the person this status page: ${callback.meta.url} (confirmation code ${callback.meta.confirmationCode}).`);
	}
}

(kind in COMPLIANCE ? removeApp() : sendEvent()).catch((error) => {
	console.error(error.message.startsWith('Not delivered') || error.message.startsWith('Meta') ? error.message : `Is the demo running? ${error.message}`);
	process.exitCode = 1;
});
