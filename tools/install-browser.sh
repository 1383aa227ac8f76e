#!/usr/bin/env bash
# Chromium for the plots page test (PlotsBrowserTest), from Debian's packages. No-op when present.
set -euo pipefail
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then
    echo "browser: $(command -v "$b") ($("$b" --version 2>/dev/null | head -1))"
    exit 0
  fi
done
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 \
  || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null; }
echo "browser: $(command -v chromium) ($(chromium --version 2>/dev/null | head -1))"
