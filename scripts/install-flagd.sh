#!/usr/bin/env bash
# Installs the pinned flagd the end-to-end tests run for real, into
# .tools/bin/flagd. `go install github.com/open-feature/flagd/flagd@<v>` cannot
# be used: the Go module proxy refuses the module's version list and the
# checksum database has no entry for it. The proxy does serve the module zip of
# the pinned version, so this script downloads it and builds it in place; its
# dependencies come from the proxy and are checked against the module's own
# go.sum. Reuses a flagd that is already installed when its version matches
# (FLAGD_BIN, PATH, .tools/bin, $(go env GOPATH)/bin). Idempotent.
set -euo pipefail
FLAGD_VERSION="${FLAGD_VERSION:-v0.11.2}"
MODULE=github.com/open-feature/flagd/flagd
cd "$(dirname "$0")/.."
DEST_DIR="$PWD/.tools/bin"
DEST="$DEST_DIR/flagd"

# `flagd version` prints a banner, then "flagd: <version> (<commit>), built at: <date>".
version_of() {
  "$1" version 2>/dev/null | sed -n 's/^flagd: \([^ ]*\).*/\1/p' | head -n1
}

candidates=()
[ -n "${FLAGD_BIN:-}" ] && candidates+=("$FLAGD_BIN")
command -v flagd >/dev/null 2>&1 && candidates+=("$(command -v flagd)")
candidates+=("$DEST")
command -v go >/dev/null 2>&1 && candidates+=("$(go env GOPATH)/bin/flagd")
for candidate in "${candidates[@]}"; do
  [ -x "$candidate" ] || continue
  found="$(version_of "$candidate")"
  if [ "$found" = "$FLAGD_VERSION" ]; then
    echo "install-flagd: using $candidate ($found)"
    if [ "$candidate" != "$DEST" ]; then mkdir -p "$DEST_DIR" && ln -sf "$candidate" "$DEST"; fi
    exit 0
  fi
  echo "install-flagd: ignoring $candidate (version ${found:-unknown}, want $FLAGD_VERSION)"
done

if ! command -v go >/dev/null 2>&1; then
  echo "install-flagd: Go is needed to build flagd $FLAGD_VERSION, or set FLAGD_BIN to a flagd $FLAGD_VERSION" >&2
  exit 1
fi
proxy="$(go env GOPROXY | tr ',|' '\n\n' | grep -v -e '^direct$' -e '^off$' | head -n1)"
if [ -z "$proxy" ]; then
  echo "install-flagd: GOPROXY names no module proxy ($(go env GOPROXY)); flagd is built from the proxy's module zip" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
echo "install-flagd: building flagd $FLAGD_VERSION from $proxy/$MODULE/@v/$FLAGD_VERSION.zip"
curl -sSfL --retry 3 -o "$work/flagd.zip" "$proxy/$MODULE/@v/$FLAGD_VERSION.zip"
(cd "$work" && unzip -q flagd.zip)
mkdir -p "$DEST_DIR"
(
  cd "$work/$MODULE@$FLAGD_VERSION"
  # -mod=mod: the zip has no vendor dir; GOSUMDB=off: sum.golang.org has no entry for
  # this module, its dependencies are still verified against its go.sum.
  GOSUMDB=off GOFLAGS=-mod=mod go build -trimpath \
    -ldflags "-s -w -X main.version=$FLAGD_VERSION -X main.commit=module-proxy -X main.date=$(date -u +%Y-%m-%d)" \
    -o "$DEST.tmp" .
)
mv "$DEST.tmp" "$DEST"
echo "install-flagd: installed $DEST ($(version_of "$DEST"))"
