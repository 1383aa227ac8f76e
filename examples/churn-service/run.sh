#!/usr/bin/env bash
# Builds the churn service against a data repository made from examples/churn: the data team's
# pipeline run and pushed, tagged model-v1, then retrained (HEAD moves on); the service's build takes
# the model at model-v1 (dvc:inputs) and its tests check it is that tag's model, byte for byte.
set -euo pipefail
cd "$(dirname "$0")"
HERE="$PWD"
ROOT="$(cd ../.. && pwd)"
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$ROOT/pom.xml" | head -1)
PLUGIN="io.github.dvcmaven:dvc-maven-plugin:$VERSION"
MVN=("$ROOT/mvnw" -B -ntp -q)

echo "==> installing dvc-maven $VERSION"
(cd "$ROOT" && "${MVN[@]}" install -DskipTests -Dinvoker.skip=true -pl .,dvc-core,dvc-maven-plugin)

REG="$HERE/target/churn-registry"
rm -rf "$REG" "$REG.remote"
mkdir -p "$REG"
cp -r "$ROOT/examples/churn/." "$REG/"
export GIT_AUTHOR_NAME=data-team GIT_AUTHOR_EMAIL=data@example.com GIT_COMMITTER_NAME=data-team GIT_COMMITTER_EMAIL=data@example.com
echo "==> the data repository: $REG (train, push, tag model-v1, retrain)"
(
  cd "$REG"
  git init -q
  "${MVN[@]}" "$PLUGIN:init"
  "${MVN[@]}" "$PLUGIN:remote" -Ddvc.action=add -Ddvc.name=store -Ddvc.url="$REG.remote" -Ddvc.default=true
  "${MVN[@]}" "$PLUGIN:repro"
  "${MVN[@]}" "$PLUGIN:push"
  git add -A && git commit -qm "churn model, C=0.5" && git tag model-v1
  sed -i 's/C: 0.5/C: 1.5/' params.yaml
  "${MVN[@]}" "$PLUGIN:repro"
  "${MVN[@]}" "$PLUGIN:push"
  git commit -qam "churn model, C=1.5"
  rm -rf .dvc/cache   # what the service's build needs comes from the remote
)

echo "==> the service: mvn verify (dvc:inputs takes models/model.txt and metrics.json at model-v1)"
"$ROOT/mvnw" -B -ntp verify -Dchurn.registry="$REG" -Ddvc.inputsCache="$HERE/target/machine-cache"
python3 -m zipfile -l target/churn-service-*.jar | grep -E "models/model.txt|META-INF/dvc/inputs.json"
echo "churn service built with the model at model-v1"
