#!/usr/bin/env bash
# The whole test suite (`npm test`): the system tools the browser and queue-mode tests need, build, strict
# community lint, then every jest suite (sandbox, unit, engine, end-to-end, browser).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== system tools (Chromium, Redis, PostgreSQL)"
bash scripts/ensure-test-tools.sh
echo "== build"
npm run build
echo "== lint (n8n community lint, strict mode)"
npm run lint
echo "== tests"
mkdir -p test/artifacts
status=0
npx jest --ci --json --outputFile=test/artifacts/jest-results.json "$@" || status=$?
node -e '
const r = require("./test/artifacts/jest-results.json");
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
if (r.numTotalTests === 0) process.exitCode = 1;
' || status=1
exit $status
