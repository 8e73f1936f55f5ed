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
