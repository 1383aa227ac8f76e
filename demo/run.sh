#!/usr/bin/env bash
# The main job: builds the plugin and runs it end to end on a fresh repository in a temp directory.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
PLUGIN="io.github.dvcmaven:dvc-maven-plugin:$VERSION"

echo "==> building dvc-maven $VERSION"
./mvnw -q -B install -DskipTests -Dinvoker.skip=true

WORK="${DEMO_DIR:-$(mktemp -d)}"
mkdir -p "$WORK"
echo "==> demo repository: $WORK"
cd "$WORK"
# run a goal, showing what the plugin says without Maven's banner lines
dvc() {
  "$ROOT/mvnw" -B -ntp "$PLUGIN:$1" "${@:2}" | sed -n \
    -e '/^\[INFO\] ---\|^\[INFO\] Scanning\|^\[INFO\] Building\|^\[INFO\] -----\|^\[INFO\] BUILD\|^\[INFO\] Total time\|^\[INFO\] Finished at\|^\[INFO\] *$/d' \
    -e 's/^\[INFO\] /    /p' -e '/^\[\(WARNING\|ERROR\)\]/p'
  return "${PIPESTATUS[0]}"
}
step() { echo; echo "==> $*"; }

git init -q
mkdir -p data/raw
for i in $(seq 1 50); do echo "customer_$i,$((i * 7 % 13)),$((i % 2))" > "data/raw/part-$i.csv"; done
printf 'model weights v1\n' > model.bin

step "mvn dvc:init"
dvc init
step "mvn dvc:add -Ddvc.targets=data,model.bin"
dvc add -Ddvc.targets=data,model.bin
cat data.dvc
step "mvn dvc:status (clean)"
dvc status
step "edit data/raw/part-1.csv, then mvn dvc:status -Ddvc.failOnStale=false"
echo "customer_1,99,1" > data/raw/part-1.csv
dvc status -Ddvc.failOnStale=false
step "mvn dvc:checkout -Ddvc.force=true restores it from the cache"
dvc checkout -Ddvc.force=true
step "delete model.bin and data/, then mvn dvc:checkout"
rm -rf model.bin data
dvc checkout
step "mvn dvc:status"
dvc status
echo
echo "demo finished in $WORK"
