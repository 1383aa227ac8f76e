#!/usr/bin/env bash
# Installs the real dvc CLI (the compatibility authority for the interop tests and benchmarks) into
# .tools/dvc-venv. Run once; idempotent. Override the location with DVC_VENV.
set -euo pipefail
cd "$(dirname "$0")/.."
DVC_VERSION="${DVC_VERSION:-3.67.1}"
VENV="${DVC_VENV:-.tools/dvc-venv}"
if [ -x "$VENV/bin/dvc" ] && [ "$("$VENV/bin/dvc" --version 2>/dev/null)" = "$DVC_VERSION" ]; then
  echo "dvc $DVC_VERSION already installed in $VENV"
  exit 0
fi
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet "dvc[s3,gs,azure]==$DVC_VERSION"
echo "installed $("$VENV/bin/dvc" --version) into $VENV"
