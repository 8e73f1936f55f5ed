'use strict';
// The sandbox's Conversions API and Messenger products over HTTP: what Meta refuses, answered as Meta answers it.
const crypto = require('crypto');
const { startSandbox } = require('./helpers');
const { conversionsAdmin, DEFAULT_PIXEL } = require('../sandbox/products/conversions');
const { messengerAdmin } = require('../sandbox/products/messenger');
const { userMessaged } = require('../sandbox/products/instagram/messaging');

let ctx;
let capiToken;
let pageToken;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
	const { app, systemUser, scopes, page } = ctx.seed;
	const { tokens } = ctx.sandbox.admin.seed({
		tokens: [
			{ type: 'SYSTEM_USER', appId: app.id, userId: systemUser.id, scopes: [...scopes.facebook, 'ads_management'], expiresIn: 0 },
			{ type: 'PAGE', appId: app.id, userId: ctx.seed.users.ada.id, pageId: page.id, scopes: [...scopes.facebook, 'pages_messaging'], expiresIn: 0 },
		],
	});
	[capiToken, pageToken] = tokens;
});

const sha = (text) => crypto.createHash('sha256').update(text).digest('hex');
const now = () => ctx.sandbox.state.nowSec();
const lead = (extra = {}) => ({ event_name: 'Lead', event_time: now(), action_source: 'system_generated', user_data: { em: [sha('a@example.com')] }, ...extra });
const post = (path, body, token) =>
	ctx.api.post(ctx.fb(path), new URLSearchParams(body).toString(), { headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' } });
const events = (data, extra = {}) => post(`/${DEFAULT_PIXEL.id}/events`, { data: JSON.stringify(data), ...extra }, capiToken);

describe('Conversions API', () => {
	test('accepted events are counted in events_received and kept with their test code', async () => {
		const answer = await events([lead({ event_id: 'l-1' }), lead({ event_id: 'l-2' })], { test_event_code: 'TEST1' });
		expect(answer.data).toEqual({ events_received: 2, messages: [], fbtrace_id: expect.any(String) });
		expect(conversionsAdmin(ctx.sandbox.state).events().map((e) => [e.event_id, e.testEventCode])).toEqual([['l-1', 'TEST1'], ['l-2', 'TEST1']]);
	});

	const refusals = [
		['no action_source', () => [lead({ action_source: undefined })], /action_source is required/],
		['an event more than 7 days old (100/2804003)', () => [lead({ event_time: now() - 8 * 86400 })], /more than 7 days in the past/],
		['an event in the future', () => [lead({ event_time: now() + 3600 })], /in the future/],
		['a contact field that is not a SHA-256 hash', () => [lead({ user_data: { em: ['a@example.com'] } })], /user_data\.em must be a SHA-256 hash/],
		['a website event without client_user_agent', () => [lead({ action_source: 'website', event_source_url: 'https://x.example' })], /client_user_agent is required/],
		['a Purchase without value and currency', () => [lead({ event_name: 'Purchase' })], /custom_data\.value and custom_data\.currency/],
		['1,001 events', () => Array.from({ length: 1001 }, () => lead()), /at most 1000 events/],
	];
	test.each(refusals)('%s: the whole request is refused and nothing is kept', async (_name, data, message) => {
		const answer = await events(data());
		expect(answer.status).toBe(400);
		expect(answer.data.error).toMatchObject({ code: 100, type: 'OAuthException', fbtrace_id: expect.any(String) });
		expect(answer.data.error.error_user_msg).toMatch(message);
		expect(conversionsAdmin(ctx.sandbox.state).events()).toHaveLength(0);
	});

	test('too old is 100/2804003 "Event Timestamp Too Old"', async () => {
		const answer = await events([lead(), lead({ event_time: now() - 8 * 86400 })]);
		expect(answer.data.error).toMatchObject({ code: 100, error_subcode: 2804003, error_user_title: 'Event Timestamp Too Old' });
	});

	test('a token without ads_management is refused', async () => {
		const answer = await post(`/${DEFAULT_PIXEL.id}/events`, { data: JSON.stringify([lead()]) }, ctx.seed.tokens.systemUser);
		expect(answer.data.error.code).toBe(200);
	});
});

describe('Messenger', () => {
	const PSID = '7000000000000009';
	const send = (body) => ctx.api.post(ctx.fb(`/${ctx.seed.page.id}/messages`), body, { headers: { Authorization: `Bearer ${pageToken}`, 'content-type': 'application/json' } });

	test('a reply inside the window; outside it 10/2018278', async () => {
		messengerAdmin(ctx.sandbox.state).personMessaged({ pageId: ctx.seed.page.id, psid: PSID });
		expect((await send({ recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { text: 'Hi' } })).data).toEqual({ recipient_id: PSID, message_id: expect.stringMatching(/^m_/) });
		ctx.sandbox.admin.advanceClock(25 * 3600);
		const late = await send({ recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { text: 'Hi again' } });
		expect(late.data.error).toMatchObject({ code: 10, error_subcode: 2018278 });
	});

	test('template and text limits', async () => {
		messengerAdmin(ctx.sandbox.state).personMessaged({ pageId: ctx.seed.page.id, psid: PSID });
		const template = (buttons) => ({ recipient: { id: PSID }, message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'Pick', buttons } } } });
		expect((await send(template([{ type: 'postback', title: 'A', payload: 'A' }]))).data.message_id).toBeDefined();
		expect((await send(template([1, 2, 3, 4].map((n) => ({ type: 'postback', title: `B${n}`, payload: 'x' }))))).data.error.code).toBe(100);
		expect((await send({ recipient: { id: PSID }, message: { text: 'x'.repeat(2001) } })).data.error.code).toBe(100);
	});

	test('Instagram conversations of the same Page still go to the Instagram product', async () => {
		userMessaged(ctx.sandbox.state, { igUserId: ctx.seed.instagram.id, igsid: '27000000000000777' });
		const answer = await send({ recipient: { id: '27000000000000777' }, message: { text: 'Hi on Instagram' } });
		expect(answer.data.message_id).toMatch(/^aWdf/);
		expect(messengerAdmin(ctx.sandbox.state).sent()).toHaveLength(0);
	});
});
