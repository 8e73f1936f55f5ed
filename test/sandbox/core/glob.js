'use strict';
// Path globs for faults, latency rules and call-log filters: '*' = one segment, '**' = any number.

const VERSION_SEGMENT = /^v\d+\.\d+$/;

/** Strip an optional leading host segment and version so patterns match normalized paths. */
function normalizePattern(pattern, knownHosts) {
	const segments = String(pattern || '/**').split('/').filter((s, i) => !(i === 0 && s === ''));
	let host;
	if (segments.length && knownHosts && knownHosts.includes(segments[0])) host = segments.shift();
	if (segments.length && VERSION_SEGMENT.test(segments[0])) segments.shift();
	return { host, path: '/' + segments.join('/') };
}

/** @param {string} pattern normalized ('/me/**') @returns {RegExp} */
function globToRegExp(pattern) {
	const segments = pattern.split('/').slice(1);
	let re = '^';
	segments.forEach((seg) => {
		if (seg === '**') re += '(?:/.*)?';
		else if (seg === '*') re += '/[^/]+';
		else re += '/' + seg.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
	});
	if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) re = '^/?';
	return new RegExp(re + '/?$');
}

function globMatch(pattern, path) {
	return globToRegExp(pattern).test(path);
}

module.exports = { normalizePattern, globToRegExp, globMatch, VERSION_SEGMENT };
