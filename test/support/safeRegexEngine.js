'use strict';
// n8n-workflow checks resource-locator and other regexes in a node:vm script with a 250 ms wall-clock timeout
// (safe-regex.ts, REGEX_TIMEOUT_MS). With the whole suite running on a 2-core machine, a jest worker can be
// descheduled that long, and an ordinary check fails with "Regular expression execution timed out". The engine
// tests keep n8n's vm engine and only give it a timeout a busy machine can meet; real n8n (e2e) is untouched.
const vm = require('vm');
const { setSafeRegexEngine } = require('n8n-workflow');

const TIMEOUT_MS = 10000;

function vmEngine() {
	const context = vm.createContext({ flags: '', input: '', pattern: '', replacement: '', result: undefined });
	const script = (source) => new vm.Script(source);
	const scripts = {
		exec: script('result = new RegExp(pattern, flags).exec(input)'),
		test: script('result = new RegExp(pattern, flags).test(input)'),
		replace: script('result = input.replace(new RegExp(pattern, flags), replacement)'),
		matchAll: script('result = Array.from(input.matchAll(new RegExp(pattern, flags)))'),
		split: script('result = input.split(new RegExp(pattern, flags))'),
	};
	const run = (name, pattern, input, flags, replacement) => {
		Object.assign(context, { pattern, input, flags: flags ?? '', replacement, result: undefined });
		try {
			scripts[name].runInContext(context, { timeout: TIMEOUT_MS });
		} catch (error) {
			if (error && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new Error('Regular expression execution timed out');
			throw error;
		}
		return context.result;
	};
	const globalFlags = (flags = '') => (flags.includes('g') ? flags : `${flags}g`);
	return {
		exec: (pattern, input, flags) => run('exec', pattern, input, flags),
		test: (pattern, input, flags) => run('test', pattern, input, flags),
		replace: (pattern, input, flags, replacement) => run('replace', pattern, input, flags, replacement),
		matchAll: (pattern, input, flags) => run('matchAll', pattern, input, globalFlags(flags)),
		split: (pattern, input, flags) => run('split', pattern, input, flags),
	};
}

setSafeRegexEngine(vmEngine());
