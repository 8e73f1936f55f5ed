#!/usr/bin/env node
'use strict';
// `npm run demo:event -- <dm|comment|mention|whatsapp-reply|lead> [text]`: asks the running demo's Meta sandbox to
// send one signed event to whatever URL is subscribed, as Meta would; the execution appears in n8n.
const port = process.env.N8N_META_SANDBOX_PORT || '4010';
const [kind = 'dm', ...words] = process.argv.slice(2);

fetch(`http://127.0.0.1:${port}/__admin/events`, {
	method: 'POST',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({ kind, text: words.join(' ') || undefined }),
})
	.then(async (res) => {
		const result = await res.json();
		if (!res.ok || !result.delivered) {
			console.error(`Not delivered: ${result.reason || result.error || res.status}`);
			process.exitCode = 1;
			return;
		}
		console.log(`Sent a ${kind} to ${result.url}: n8n answered ${result.status}. Open the workflow's executions in the editor.`);
	})
	.catch((error) => {
		console.error(`Is the demo running? ${error.message}`);
		process.exitCode = 1;
	});
