'use strict';
// Every text, ID and number parameter of every action node, enumerated from the node descriptions, fed objects,
// lists, null, numbers, empty and whitespace-only values by expression: each run fails before any Meta call, with
// an error naming the field (its display name) and showing what it got.
const { useFixture } = require('../support/fixture');
const { actionNodeFields, validParameters, rl } = require('../support/parameterFields');

const fixture = useFixture();

/** What an expression may hand a field by mistake; an unsafe integer is refused by text and ID fields alike. */
function badValues(field) {
	const common = [
		['an object', '={{ { "caption": "hi" } }}'],
		['a list', '={{ ["x", "y"] }}'],
		['null', '={{ null }}'],
	];
	if (field.type === 'number') return [...common, ['text', '={{ "twelve" }}']];
	const text = [...common, ['a number', '={{ 12345678901234567890 }}']];
	return field.required ? [...text, ['empty text', '={{ "" }}'], ['whitespace', '={{ "   " }}']] : text;
}

function credentialFor(fx, node) {
	const { tokens, app } = fx.seed;
	if (node === 'whatsAppCloud') return fx.credential('metaAccessTokenApi', { accessToken: tokens.systemUser });
	return fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret });
}

const fields = actionNodeFields();

test('the enumeration finds the fields of every action node', () => {
	const nodes = new Set(fields.map((f) => f.node));
	expect([...nodes].sort()).toEqual(['instagramBusiness', 'metaAds', 'metaSetupDoctor', 'whatsAppCloud']);
	expect(fields.length).toBeGreaterThan(100);
	// A field behind another option is found too.
	expect(fields.find((f) => f.name === 'videoUrl')?.reveal).toMatchObject({ postType: expect.any(String) });
});

describe.each(['instagramBusiness', 'whatsAppCloud', 'metaAds', 'metaSetupDoctor'])('%s', (node) => {
	test('bad values are refused before any Meta call, naming the field', async () => {
		const fx = fixture();
		const failures = [];
		for (const field of fields.filter((f) => f.node === node)) {
			for (const [what, expression] of badValues(field)) {
				fx.reset();
				const parameters = validParameters(fx.seed, field);
				parameters[field.name] = field.type === 'resourceLocator' ? rl(expression) : expression;
				let message;
				try {
					const run = await fx.engine.runNode({ type: `n8n-nodes-meta-business.${node}`, parameters, credentials: credentialFor(fx, node) });
					message = run.error ? `${run.error.message} ${run.error.description ?? ''}` : '';
				} catch (error) {
					message = `n8n refused the workflow: ${error.message}`;
				}
				const calls = fx.calls().length;
				if (calls !== 0 || !message.includes(field.displayName)) {
					failures.push(`${field.resource ?? ''}.${field.operation} ${field.displayName} (${field.name}) given ${what}: ${calls} Meta call(s); error: ${message.slice(0, 160) || 'none'}`);
				}
			}
		}
		expect(failures).toEqual([]);
	}, 300_000);
});

// Insights and ads status/budget fields beyond text, IDs and numbers: metric lists (multiOptions) and dates mapped by
// expression. The enumeration above covers their pickers, Other Metrics and Budget Amount.
describe('insights metric lists, dates, and ads status and budget fields', () => {
	const seedOf = (fx) => fx.seed;
	const IG = 'instagramBusiness';

	test('the enumeration covers the new pickers, Other Metrics and Budget Amount', () => {
		const names = (node, resource, operation) => fields.filter((f) => f.node === node && f.resource === resource && f.operation === operation).map((f) => f.name).sort();
		expect(names(IG, 'insights', 'getMediaInsights')).toEqual(['account', 'media', 'otherMetrics']);
		expect(names(IG, 'insights', 'getAccountInsights')).toEqual(['account', 'otherMetrics']);
		expect(names('metaAds', 'adSet', 'setBudget')).toEqual(['adAccount', 'adSet', 'budgetAmount']);
		for (const resource of ['campaign', 'adSet', 'ad']) for (const operation of ['pause', 'resume', 'getStatus']) expect(names('metaAds', resource, operation)).toHaveLength(2);
	});

	const lists = [
		['getAccountInsights', { metricType: 'total_value' }, 'totalMetrics', 'Metrics'],
		['getAccountInsights', { metricType: 'time_series' }, 'dailyMetrics', 'Daily Metrics'],
		['getMediaInsights', { metricSelection: 'chosen', media: rl('17900000000000001') }, 'mediaMetrics', 'Chosen Metrics'],
	];
	const badLists = [
		['text', '={{ "reach" }}'],
		['an object', '={{ { "reach": 1 } }}'],
		['null', '={{ null }}'],
		['a list of numbers', '={{ [1, 2] }}'],
		['an empty list', '={{ [] }}'],
	];

	test.each(lists)('%s %s: %s given bad values is refused before any call, naming %s', async (operation, extra, name, label) => {
		const fx = fixture();
		const failures = [];
		for (const [what, expression] of badLists) {
			fx.reset();
			const parameters = { authentication: 'metaAccessTokenApi', resource: 'insights', operation, account: rl(seedOf(fx).instagram.id), ...extra, [name]: expression };
			let message;
			try {
				const run = await fx.engine.runNode({ type: `n8n-nodes-meta-business.${IG}`, parameters, credentials: credentialFor(fx, IG) });
				message = run.error ? `${run.error.message} ${run.error.description ?? ''}` : '';
			} catch (error) {
				message = `n8n refused the workflow: ${error.message}`;
			}
			if (fx.calls().length !== 0 || !message.startsWith(`${label} `)) failures.push(`${name} given ${what}: ${fx.calls().length} call(s); error: ${message.slice(0, 160) || 'none'}`);
		}
		expect(failures).toEqual([]);
	});

	test.each([
		['since', 'Since'],
		['until', 'Until'],
	])('a custom range with %s mapped to a non-date is refused before any call, naming %s', async (name, label) => {
		const fx = fixture();
		for (const expression of ['={{ { "day": 1 } }}', '={{ null }}', '={{ "next tuesday-ish" }}']) {
			fx.reset();
			const parameters = {
				authentication: 'metaAccessTokenApi',
				resource: 'insights',
				operation: 'getAccountInsights',
				account: rl(seedOf(fx).instagram.id),
				datePreset: 'custom',
				since: '2026-11-01',
				until: '2026-11-08',
				[name]: expression,
			};
			let message;
			try {
				const run = await fx.engine.runNode({ type: `n8n-nodes-meta-business.${IG}`, parameters, credentials: credentialFor(fx, IG) });
				message = run.error ? run.error.message : '';
			} catch (error) {
				message = `n8n refused the workflow: ${error.message}`;
			}
			expect({ expression, calls: fx.calls().length, names: message.startsWith(`${label} must be a date`) }).toEqual({ expression, calls: 0, names: true });
		}
	});

	test('Budget Amount of zero or less is refused before any call', async () => {
		const fx = fixture();
		for (const amount of [0, -5]) {
			fx.reset();
			const run = await fx.engine.runNode({
				type: 'n8n-nodes-meta-business.metaAds',
				parameters: { authentication: 'metaAccessTokenApi', resource: 'campaign', operation: 'setBudget', campaign: rl(seedOf(fx).adAccount.campaigns.springSale), budgetType: 'daily', budgetAmount: amount },
				credentials: credentialFor(fx, 'metaAds'),
			});
			expect(run.error.message).toMatch(/^Budget Amount must be more than 0/);
			expect(fx.calls()).toHaveLength(0);
		}
	});
});
