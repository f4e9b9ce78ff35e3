#!/usr/bin/env bash
# Installs the external programs the integration tests run for real:
# Prometheus and promtool (Debian), Chromium (Debian) for the dashboard tests,
# Redis and PostgreSQL (Debian) for the fleet's item lock and comparison store.
# Idempotent: skips what is already installed. Needs root for apt-get.
set -euo pipefail
packages=()
command -v promtool >/dev/null 2>&1 || packages+=(prometheus)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
# The tests run the server binaries directly (initdb, postgres), never the packaged cluster.
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || packages+=(postgresql)
if [ "${#packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-system-deps: need root to install ${packages[*]} (or install them yourself)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
postgres_bin=$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -n1)
echo "install-system-deps: promtool $(promtool --version 2>&1 | head -n1 | awk '{print $3}'), $(chromium --version 2>/dev/null | head -n1), $(redis-server --version | awk '{print $3}'), $("$postgres_bin" --version)"
