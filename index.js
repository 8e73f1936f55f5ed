// n8n loads this package's nodes and credentials from the `n8n` field of package.json; this entry point exists
// for tools that require the package directly.
module.exports = {};
