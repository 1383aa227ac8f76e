#!/usr/bin/env bash
# Installs the storage emulators the remote tests start on loopback: fake-gcs-server (Go module) into
# .tools/bin and Azurite (npm) into .tools/azurite. Run once; idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
FAKE_GCS_VERSION="${FAKE_GCS_VERSION:-v1.56.1}"
AZURITE_VERSION="${AZURITE_VERSION:-3.35.0}"
TOOLS="$PWD/.tools"
mkdir -p "$TOOLS/bin"

if [ -x "$TOOLS/bin/fake-gcs-server" ] && go version -m "$TOOLS/bin/fake-gcs-server" | grep -q "$FAKE_GCS_VERSION"; then
  echo "fake-gcs-server $FAKE_GCS_VERSION already installed"
else
  GOBIN="$TOOLS/bin" go install "github.com/fsouza/fake-gcs-server@$FAKE_GCS_VERSION"
  echo "installed fake-gcs-server $FAKE_GCS_VERSION into $TOOLS/bin"
fi

if [ -f "$TOOLS/azurite/node_modules/azurite/package.json" ] \
    && grep -q "\"version\": \"$AZURITE_VERSION\"" "$TOOLS/azurite/node_modules/azurite/package.json"; then
  echo "azurite $AZURITE_VERSION already installed"
else
  mkdir -p "$TOOLS/azurite"
  (cd "$TOOLS/azurite" && npm install --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null)
  echo "installed azurite $AZURITE_VERSION into $TOOLS/azurite"
fi
