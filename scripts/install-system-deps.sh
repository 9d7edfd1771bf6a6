#!/usr/bin/env bash
# Debian packages the test tiers need; installs only what is missing (the machine may be fresh).
set -euo pipefail
need=()
# command -> package
# chromium drives code-server; neovim is the second LSP client; krb5-config (libkrb5-dev) and rg are
# what code-server's npm install needs offline.
for pair in "unzip:unzip" "chromium:chromium" "nvim:neovim" "krb5-config:libkrb5-dev" "rg:ripgrep"; do
  cmd=${pair%%:*}; pkg=${pair#*:}
  command -v "$cmd" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  echo "system packages present"
fi
