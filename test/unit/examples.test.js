'use strict';
// The example workflows (docs/examples) as a user imports them: each sticky note says what to change for real use,
// naming every credential the workflow uses; the Instagram and leads examples act instead of ending in No Op nodes.
// test/e2e/examples.test.js runs every one of them in a real n8n against the sandbox.
const { loadExamples } = require('../../scripts/demo/workflows');

const examples = loadExamples();
const byName = (name) => examples.find((e) => e.workflow.name === name).workflow;
const ours = (workflow) => workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-meta-business.'));

test.each(examples.map((e) => [e.file, e.workflow]))('%s: its sticky note says what to change for real use, naming each credential', (_file, workflow) => {
	const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => n.parameters.content);
	expect(notes.length).toBeGreaterThan(0);
	const note = notes.join('\n');
	expect(note).toMatch(/\*\*For real use, change/);
	const credentials = new Set(workflow.nodes.flatMap((n) => Object.values(n.credentials ?? {}).map((c) => c.name)));
	for (const name of credentials) expect({ credential: name, named: note.includes(name) }).toEqual({ credential: name, named: true });
});

test('action nodes added for the examples use the newest version, older ones keep theirs', () => {
	for (const { workflow } of examples) for (const node of ours(workflow)) expect([1, 2]).toContain(node.typeVersion);
	expect(ours(byName('Instagram DMs and comments')).filter((n) => n.type.endsWith('.instagramBusiness')).every((n) => n.typeVersion === 2)).toBe(true);
});

test('Instagram DMs and comments answers the DM and answers or hides comments: no branch ends in a No Op', () => {
	const workflow = byName('Instagram DMs and comments');
	expect(workflow.nodes.some((n) => n.type === 'n8n-nodes-base.noOp')).toBe(false);
	const operations = ours(workflow).map((n) => `${n.parameters.resource}:${n.parameters.operation}`);
	expect(operations).toEqual(expect.arrayContaining(['message:sendText', 'comment:hide', 'comment:reply']));
});

test('New leads ends with the person’s answers in a data table', () => {
	const workflow = byName('New leads from lead ads');
	expect(ours(workflow)[0].parameters).toMatchObject({ fields: 'leadgen', fetchLeadDetails: true });
	const insert = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.dataTable' && n.parameters.operation === 'insert');
	expect(Object.keys(insert.parameters.columns.value)).toEqual(expect.arrayContaining(['fullName', 'email', 'phone', 'answers']));
	expect(workflow.connections[insert.name]).toBeUndefined(); // the last node
});
