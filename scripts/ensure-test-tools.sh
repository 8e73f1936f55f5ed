#!/usr/bin/env bash
# What the browser and queue-mode tests need from the system: headless Chromium (driven by playwright-core, which
# never downloads a browser), PostgreSQL and Redis (the queue-mode test starts and stops its own servers on
# loopback). Installed from Debian when missing and allowed (root); otherwise it stops at once naming the command.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "The tests need ${missing[*]} (Debian package names), and this machine has no apt-get: install them, then run npm test again." >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "The tests need ${missing[*]}. Run once:  sudo sh -c '$command'  then npm test again." >&2
	exit 1
fi
echo "Installing ${missing[*]} from Debian (once; the browser and queue-mode tests need them)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
