'use strict';
// The secret scan in a real n8n 2.41.1: workflows running every action node (a pasted short-lived token exchanged
// on the way), and one whose Meta error carries a token, the app secret and appsecret_proof in every field, with
// and without Continue On Fail. Afterwards no token, secret or proof is in n8n's log, in the executions, or in any
// URL query string the sandbox saw.
const fs = require('fs');
const crypto = require('crypto');
const { PACKAGE_NAME } = require('./n8n-instance');
const { useN8nWithSandbox } = require('./use-n8n');
const { queryProblems } = require('../support/queryScan');

const env = useN8nWithSandbox('e2e secrets');
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });
const proofFor = (token, secret) => crypto.createHmac('sha256', secret).update(token).digest('hex');

function manualWorkflow(name, nodes) {
	return {
		name,
		nodes: [
			{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...nodes.map(({ credential, ...node }, i) => ({
				id: `n${i}`,
				typeVersion: 1,
				position: [260, i * 200],
				...node,
				credentials: { metaAccessTokenApi: { id: credential.id, name: credential.name } },
			})),
		],
		connections: { 'Manual Trigger': { main: [nodes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] } },
	};
}

test('no token, secret or proof in n8n’s log, the executions or any URL query string', async () => {
	const { sb, n8n } = env;
	const { tokens, app, users, scopes, instagram, waba, adAccount } = sb.seedResult;
	const shortLived = sb.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
	const user = await n8n.createCredential({
		name: 'Meta short-lived user token (secrets)',
		type: 'metaAccessTokenApi',
		data: { accessToken: shortLived, appId: app.id, appSecret: app.secret, baseUrlOverride: sb.url },
	});
	const system = await n8n.createCredential({
		name: 'Meta system user token (secrets)',
		type: 'metaAccessTokenApi',
		data: { accessToken: tokens.systemUser, appId: app.id, appSecret: app.secret, baseUrlOverride: sb.url },
	});
	// Instagram Login: a pasted short-lived token the credential exchanges on graph.instagram.com (query only, as Meta documents).
	const igShortLived = sb.admin.createToken({ type: 'IG_USER', igUserId: instagram.id, scopes: scopes.instagram, expiresIn: 3600 }).token;
	const igUser = await n8n.createCredential({
		name: 'Instagram Login short-lived token (secrets)',
		type: 'metaAccessTokenApi',
		data: { accessToken: igShortLived, appSecret: app.instagramAppSecret, baseUrlOverride: sb.url },
	});
	const publish = (name, extra = {}) => ({
		name,
		type: `${PACKAGE_NAME}.instagramBusiness`,
		credential: user,
		parameters: { authentication: 'metaAccessTokenApi', resource: 'media', operation: 'publish', account: rl(instagram.id), postType: 'image', imageUrl: 'https://cdn.example.com/e2e.jpg', caption: 'Secret scan #e2e' },
		...extra,
	});
	const everyNode = await n8n.createWorkflow(
		manualWorkflow('Secret scan: every action node', [
			publish('Instagram Business'),
			publish('Instagram Login', { credential: igUser }),
			{
				name: 'WhatsApp Cloud',
				type: `${PACKAGE_NAME}.whatsAppCloud`,
				credential: system,
				parameters: { authentication: 'metaAccessTokenApi', resource: 'message', operation: 'sendText', wabaId: rl(waba.id), phoneNumberId: rl(waba.phoneNumberId), to: '16505551234', textBody: 'Secret scan' },
			},
			{
				name: 'Meta Ads',
				type: `${PACKAGE_NAME}.metaAds`,
				credential: user,
				parameters: { authentication: 'metaAccessTokenApi', resource: 'insights', operation: 'get', insightsOf: 'account', adAccount: rl(adAccount.id), fields: ['impressions'], datePreset: 'last_7d', timeIncrement: 'all_days', returnAll: true },
			},
			{
				name: 'Meta Setup Doctor',
				type: `${PACKAGE_NAME}.metaSetupDoctor`,
				credential: user,
				parameters: { authentication: 'metaAccessTokenApi', resource: 'token', operation: 'check' },
			},
		]),
	);
	sb.admin.clearCalls();
	const first = await n8n.runManually(everyNode.id);
	expect(first.data.resultData.error).toBeUndefined();
	expect(sb.admin.calls({ path: '/oauth/access_token' })).toHaveLength(1);
	expect(n8n.nodeOutput(first, 'Instagram Business')[0]).toMatchObject({ published: true });
	expect(n8n.nodeOutput(first, 'Instagram Login')[0]).toMatchObject({ published: true });
	expect(sb.admin.calls({ host: 'graph.instagram.com' }).filter((c) => c.path === '/access_token')).toHaveLength(1);
	// The token inspection went inside a batch: the inspected token in the POST body, not in a URL.
	expect(sb.admin.calls({ path: '/debug_token' }).every((c) => c.batch !== null)).toBe(true);
	expect(sb.admin.calls({ path: '/debug_token' }).length).toBeGreaterThan(0);

	// Meta's error with a secret in its title, user message, type and message.
	const proof = proofFor(tokens.systemUser, app.secret);
	sb.admin.addFault({
		match: { path: '/*/media_publish' },
		kind: 'error',
		code: 100,
		times: 0,
		message: `Bad signature {"appsecret_proof":"${proof}"}`,
		userTitle: `Token ${tokens.adaUser} was rejected`,
		userMsg: `appsecret_proof: ${proof} for ${app.id}|${app.secret}`,
		type: `OAuthException ${app.secret}`,
	});
	const failing = await n8n.createWorkflow(
		manualWorkflow('Secret scan: Meta error with secrets', [publish('Publish (continue)', { onError: 'continueRegularOutput' }), publish('Publish (stop)')]),
	);
	const second = await n8n.runManually(failing.id);
	expect(second.status).toBe('error');
	expect(n8n.nodeOutput(second, 'Publish (continue)')[0].error).toBeTruthy();

	// The long-lived token the credential exchanged and saved is a secret too.
	const { sessionToken } = (await n8n.exportCredentialDecrypted(user.id)).data;
	expect(sessionToken).toMatch(/^EAA/);
	const igSessionToken = (await n8n.exportCredentialDecrypted(igUser.id)).data.sessionToken;
	expect(igSessionToken).toMatch(/^IGAA/);
	const secrets = [
		...[tokens.adaUser, tokens.systemUser, shortLived, sessionToken, app.secret, proof, proofFor(tokens.adaUser, app.secret), proofFor(sessionToken, app.secret)],
		...[igShortLived, igSessionToken, app.instagramAppSecret, proofFor(igSessionToken, app.instagramAppSecret)],
	];
	const log = fs.readFileSync(n8n.logFile, 'utf8');
	expect(log.length).toBeGreaterThan(0);
	expect(secrets.filter((s) => log.includes(s))).toEqual([]);
	const executions = JSON.stringify([first, second]);
	expect(secrets.filter((s) => executions.includes(s))).toEqual([]);

	expect(queryProblems(sb.admin.calls(), secrets)).toEqual([]);
});
