#!/usr/bin/env bash
# The main job: builds the plugin, then runs the course lab's churn pipeline (examples/churn, stages in
# plain Java) end to end in a fresh git repository with a local remote: repro, metrics, push, pull into
# an emptied workspace, a change of C with the proof that only train and eval reran, push again.
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
cp -r examples/churn/. "$WORK/"
cd "$WORK"
export GIT_AUTHOR_NAME=demo GIT_AUTHOR_EMAIL=demo@example.com GIT_COMMITTER_NAME=demo GIT_COMMITTER_EMAIL=demo@example.com

# run a goal, showing what the plugin says without Maven's banner lines; the log is kept in $LAST
LAST="$WORK.last-goal.log"
dvc() {
  "$ROOT/mvnw" -B -ntp "$PLUGIN:$1" "${@:2}" > "$LAST" 2>&1 || { cat "$LAST"; return 1; }
  sed -n \
    -e '/^\[INFO\] ---\|^\[INFO\] Scanning\|^\[INFO\] Building\|^\[INFO\] -----\|^\[INFO\] BUILD\|^\[INFO\] Total time\|^\[INFO\] Finished at\|^\[INFO\] *$/d' \
    -e 's/^\[INFO\] /    /p' -e 't' -e '/^\[\(WARNING\|ERROR\)\]/p' -e '/^[^[]/p' "$LAST"
}
step() { echo; echo "==> $*"; }

git init -q
step "mvn dvc:init"
dvc init
step "mvn dvc:dag"
dvc dag
step "mvn dvc:repro   (all three stages run)"
dvc repro
step "mvn dvc:metrics-show   (metrics.json, owned by the eval stage)"
dvc metrics-show
step "mvn dvc:remote: a local directory as the default remote, then mvn dvc:push"
dvc remote -Ddvc.action=add -Ddvc.name=local-store -Ddvc.url="$WORK.remote" -Ddvc.default=true
dvc push
git add -A >/dev/null && git commit -qm "churn pipeline, C=0.5"

step "delete the data, models, plots, metrics and the cache, then mvn dvc:pull"
find data models plots -type f ! -name .gitignore -delete
rm -rf metrics.json .dvc/cache
dvc pull
test -f metrics.json && test -f models/model.txt || { echo "FAIL: pull did not restore the outputs" >&2; exit 1; }
dvc status

step "change train.C from 0.5 to 1.5, then mvn dvc:status"
sed -i 's/C: 0.5/C: 1.5/' params.yaml
dvc status -Ddvc.failOnStale=false
step "mvn dvc:repro"
dvc repro
grep -q "Running stage 'load'" "$LAST" && { echo "FAIL: load reran" >&2; exit 1; }
grep -q "Stage 'load' didn't change, skipping" "$LAST" || { echo "FAIL: load was not skipped" >&2; exit 1; }
grep -q "Running stage 'train'" "$LAST" || { echo "FAIL: train did not rerun" >&2; exit 1; }
grep -q "Running stage 'eval'" "$LAST" || { echo "FAIL: eval did not rerun" >&2; exit 1; }
echo "    PROOF: load was skipped; only train and eval reran"
step "mvn dvc:params-diff and mvn dvc:metrics-diff   (HEAD against the workspace)"
dvc params-diff
dvc metrics-diff
step "the same metrics diff as Markdown, for a pull-request comment (-Ddvc.md=true)"
"$ROOT/mvnw" -q -B -ntp "$PLUGIN:metrics-diff" -Ddvc.md=true
git --no-pager diff --stat -- dvc.lock params.yaml
step "mvn dvc:plots-diff: the confusion matrix and its image, HEAD against the workspace, in one offline page"
dvc plots-diff
test -s dvc_plots/index.html || { echo "FAIL: no plots page" >&2; exit 1; }
step "mvn dvc:push (only the new model, holdout and metrics), then mvn dvc:status -Ddvc.cloud=true"
dvc push
dvc status -Ddvc.cloud=true
step "mvn dvc:status"
dvc status
echo
echo "demo finished in $WORK (remote: $WORK.remote)"
