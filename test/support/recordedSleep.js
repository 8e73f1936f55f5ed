'use strict';
/**
 * n8n-workflow with its `sleep` (the only way node code waits) recorded, so a test reads the waits a node took
 * exactly instead of timing them on a busy machine. In a test file:
 *   jest.mock('n8n-workflow', () => require('../support/recordedSleep').n8nWorkflowWithRecordedSleep());
 */
function n8nWorkflowWithRecordedSleep() {
	const actual = jest.requireActual('n8n-workflow');
	return { ...actual, sleep: jest.fn(async (ms, signal) => await actual.sleep(ms, signal)) };
}

/** The waits (ms) taken since the last clearWaits(). */
const waits = () => require('n8n-workflow').sleep.mock.calls.map(([ms]) => ms);
const clearWaits = () => require('n8n-workflow').sleep.mockClear();

module.exports = { n8nWorkflowWithRecordedSleep, waits, clearWaits };
