'use strict';
// Plain HTML for the login dialogs: readable by a human, scriptable by a browser test
// (buttons #sandbox-allow / #sandbox-deny, user picker #sandbox-user, asset boxes #sandbox-asset-<id>, unticked).

function esc(v) {
	return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function layout(title, body) {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:sans-serif;max-width:36em;margin:2em auto;line-height:1.5}
button{font-size:1em;padding:.4em 1.2em;margin-right:.5em}.note{color:#666;font-size:.9em}</style></head>
<body>${body}</body></html>`;
}

/**
 * @param {Object} p
 * @param {string} p.product   "Facebook" | "Instagram"
 * @param {string} p.action    form action (POST)
 * @param {any} p.app
 * @param {string[]} p.scopes
 * @param {string|null} p.configId
 * @param {Array<{id:string,label:string,assets?:Record<string,Array<{id:string,label:string}>>}>} p.users
 * @param {Record<string,string>} p.hidden  dialog parameters carried to the decision
 */
function consentPage(p) {
	const scopeList = p.configId
		? `<p>Configuration <code id="sandbox-config-id">${esc(p.configId)}</code> requests:</p><ul id="sandbox-scopes">${p.scopes.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`
		: `<p>It requests these permissions:</p><ul id="sandbox-scopes">${p.scopes
				.map((s) => `<li><label><input type="checkbox" name="grant" value="${esc(s)}" checked> ${esc(s)}</label></li>`)
				.join('')}</ul>`;
	const hidden = Object.entries(p.hidden)
		.filter(([, v]) => v !== undefined && v !== null)
		.map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
		.join('');
	const options = p.users.map((u) => `<option value="${esc(u.id)}">${esc(u.label)}</option>`).join('');
	const assets = assetPicker(p.users);
	return layout(
		`Log in with ${p.product} – ${p.app.name}`,
		`<h1>Log in with ${esc(p.product)} (sandbox)</h1>
<p><strong id="sandbox-app-name">${esc(p.app.name)}</strong> (app id ${esc(p.app.id)}) wants to connect.</p>
<form method="post" action="${esc(p.action)}">
${hidden}
${scopeList}
${assets}
<p><label>Continue as <select name="sandbox_user" id="sandbox-user">${options}</select></label></p>
<p><button type="submit" name="decision" value="allow" id="sandbox-allow">Allow</button>
<button type="submit" name="decision" value="deny" id="sandbox-deny">Cancel</button></p>
</form>
<p class="note">Meta Graph sandbox – no real account is involved.</p>`,
	);
}

const ASSET_KINDS = { pages: 'Facebook Pages', instagram: 'Instagram accounts', wabas: 'WhatsApp accounts', adAccounts: 'Ad accounts' };

/** Login for Business: the person ticks what to share; nothing is ticked beforehand. */
function assetPicker(users) {
	const seen = new Set();
	const groups = Object.entries(ASSET_KINDS)
		.map(([kind, title]) => {
			const boxes = users
				.flatMap((u) => (u.assets && u.assets[kind]) || [])
				.filter((a) => !seen.has(a.id) && seen.add(a.id))
				.map((a) => `<li><label><input type="checkbox" name="asset" value="${esc(a.id)}" id="sandbox-asset-${esc(a.id)}"> ${esc(a.label)} (${esc(a.id)})</label></li>`);
			return boxes.length ? `<p>${esc(title)}:</p><ul>${boxes.join('')}</ul>` : '';
		})
		.join('');
	return groups ? `<fieldset id="sandbox-assets"><legend>Choose what to share with the app</legend>${groups}</fieldset>` : '';
}

function errorPage(title, message) {
	return layout(title, `<h1 id="sandbox-error-title">${esc(title)}</h1><p id="sandbox-error">${esc(message)}</p>`);
}

module.exports = { consentPage, errorPage, esc };
