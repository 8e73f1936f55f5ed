'use strict';
/**
 * An in-memory IDataDeduplicator that behaves like n8n's own (packages/cli DeduplicationHelper, backed by the
 * processed_data table): one record per workflow and node id holding md5 hashes of the values, read, changed and
 * written back with an await in between (as a database round trip is), so callers that overlap lose updates just as
 * they would against n8n's database.
 */
const crypto = require('crypto');

const hashOf = (value) => crypto.createHash('md5').update(String(value)).digest('base64');
const tick = () => new Promise((resolve) => setImmediate(resolve));

class MemoryDeduplicator {
	constructor() {
		this.rows = new Map();
		this.calls = 0;
	}

	rowKey(scope, contextData) {
		if (!contextData.workflow.id) throw new Error('Deduplication needs a saved workflow (no workflow id)');
		return `${contextData.workflow.id}|${scope === 'node' ? `n:${contextData.node.id}` : ''}`;
	}

	async read(key) {
		await tick();
		const row = this.rows.get(key);
		return row ? { mode: row.mode, data: [...row.data] } : null;
	}

	async write(key, value) {
		await tick();
		this.rows.set(key, value);
	}

	async checkProcessedAndRecord(items, scope, contextData, options) {
		this.calls++;
		if (options.mode !== 'entries') throw new Error('The harness deduplicator supports mode "entries" only');
		const key = this.rowKey(scope, contextData);
		const row = (await this.read(key)) ?? { mode: 'entries', data: [] };
		const seen = new Set(row.data);
		const result = { new: [], processed: [] };
		for (const item of items) {
			const hash = hashOf(item);
			if (seen.has(hash)) result.processed.push(item);
			else {
				result.new.push(item);
				row.data.push(hash);
			}
		}
		if (options.maxEntries) row.data.splice(0, Math.max(0, row.data.length - options.maxEntries));
		await this.write(key, row);
		return result;
	}

	async removeProcessed(items, scope, contextData) {
		this.calls++;
		const key = this.rowKey(scope, contextData);
		const row = await this.read(key);
		if (!row) return;
		for (const item of items) {
			const index = row.data.indexOf(hashOf(item));
			if (index !== -1) row.data.splice(index, 1);
		}
		await this.write(key, row);
	}

	async clearAllProcessedItems(scope, contextData) {
		this.rows.delete(this.rowKey(scope, contextData));
	}

	async getProcessedDataCount(scope, contextData) {
		return this.rows.get(this.rowKey(scope, contextData))?.data.length ?? 0;
	}

	reset() {
		this.rows.clear();
		this.calls = 0;
	}
}

/** n8n initialises one DataDeduplicationService per process; so does the harness (the first engine does it). */
let shared;
function harnessDeduplicator() {
	if (shared) return shared;
	const core = require('n8n-core');
	shared = new MemoryDeduplicator();
	core.DataDeduplicationService.init(shared);
	return shared;
}

module.exports = { MemoryDeduplicator, harnessDeduplicator };
