// n8n-core's InstanceSettings writes an encryption key into the user folder on first load;
// keep that out of the developer's home and give every run a stable key.
const os = require('os');
const path = require('path');
const fs = require('fs');

if (!process.env.N8N_USER_FOLDER) {
	const dir = path.join(os.tmpdir(), 'n8n-nodes-meta-business-test-home');
	fs.mkdirSync(dir, { recursive: true });
	process.env.N8N_USER_FOLDER = dir;
}
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'test-only-encryption-key';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';

// n8n's regex checks get a timeout a loaded CI machine can meet (see the module).
require('./safeRegexEngine');
