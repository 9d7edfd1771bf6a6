#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100 served to a browser) into tools/code-server from its own
# lockfile, so the development `npm ci` stays small. Works with only the npm registry reachable: the four
# offline fixes below are the ones code-server's install needs on a fresh Debian machine as root.
# Skips the install when the pinned version is already there (local runs keep it between runs).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/tools/code-server"
want=$(node -p "require('$dir/package.json').dependencies['code-server']")

installed=""
if [ -f "$dir/node_modules/code-server/package.json" ]; then
  installed=$(node -p "require('$dir/node_modules/code-server/package.json').version")
fi
if [ "$installed" = "$want" ] && [ -x "$dir/node_modules/.bin/code-server" ]; then
  echo "code-server $installed already installed in tools/code-server"
  exit 0
fi

# 2. kerberos builds against gssapi headers; 3. @vscode/ripgrep would fetch rg from GitHub.
for cmd in rg krb5-config; do
  if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "missing $cmd: run scripts/install-system-deps.sh first" >&2
    exit 1
  fi
done

# 3. @vscode/ripgrep's postinstall looks in this cache before downloading; give it Debian's rg.
cache=/tmp/vscode-ripgrep-cache-1.15.11
mkdir -p "$cache"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
[ -s "$tarball" ] || tar czf "$tarball" -C "$(dirname "$(command -v rg)")" rg

# 1. postinstall scripts refuse to run as root without unsafe-perm; 4. node-pty calls `npx node-gyp`.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false

cd "$dir"
start=$SECONDS
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
echo "code-server $(node -p "require('./node_modules/code-server/package.json').version") installed in $((SECONDS - start))s"
