'use strict';
// Every timer the sandbox starts goes through here so stop() can clear them (jest must exit cleanly).

function createTimers() {
	const pending = new Set();
	return {
		/** @param {() => void} fn @param {number} ms */
		after(fn, ms) {
			const t = setTimeout(() => {
				pending.delete(t);
				fn();
			}, ms);
			pending.add(t);
			return t;
		},
		/** @param {number} ms */
		sleep(ms) {
			return new Promise((resolve) => this.after(resolve, ms));
		},
		cancel(t) {
			clearTimeout(t);
			pending.delete(t);
		},
		clearAll() {
			for (const t of pending) clearTimeout(t);
			pending.clear();
		},
	};
}

module.exports = { createTimers };
