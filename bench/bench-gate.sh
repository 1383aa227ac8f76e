#!/usr/bin/env bash
# The CI gate on a fresh clone, against the real dvc, in one run. A repository made by dvc: 20 stages
# and 100,000 tracked files (a tracked raw-data directory, and a directory of outputs per stage), all
# pushed to a loopback S3 server (S3Proxy). On fresh clones (no cache, no data):
# - the data-free gate inside `mvn verify`: the build's time minus the same build with -Ddvc.skip
#   (target: at most 2 s);
# - the release gate `mvn verify -Ddvc.cloud=true` against what dvc needs to make `dvc status` pass
#   there, `dvc pull` + `dvc status` (target: under a tenth);
# - the data objects each of our gates downloaded (goal: 0; directory manifests are not data).
# Usage: bench/bench-gate.sh   (env: RUNS, RAW_FILES, STAGE_FILES, JOBS, BENCH_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${RUNS:-3}"
STAGES=20
RAW_FILES="${RAW_FILES:-80000}"
STAGE_FILES="${STAGE_FILES:-1000}"
JOBS="${JOBS:-$(( 4 * $(nproc) ))}"
DVC="${DVC:-$ROOT/.tools/dvc-venv/bin/dvc}"
WORK="${BENCH_DIR:-$(mktemp -d /tmp/dvc-bench-gate.XXXXXX)}"
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
MVN="$(ls -d "$HOME"/.m2/wrapper/dists/apache-maven-3.9.16/*/bin/mvn 2>/dev/null | head -1)"
KEY_ID=AKIATESTDVCMAVEN0001
SECRET=testSecretKeyThatMustNeverBeLogged000001
BUCKET=dvc-lab-cache
export DVC_NO_ANALYTICS=1 DVC_SITE_CACHE_DIR="$WORK/dvc-site" GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
# credentials as a CI job has them: in the environment, never in a committed file
export AWS_ACCESS_KEY_ID="$KEY_ID" AWS_SECRET_ACCESS_KEY="$SECRET"

[ -x "$DVC" ] || { echo "real dvc not found at $DVC: run tools/install-dvc.sh" >&2; exit 2; }
. "$ROOT/bench/lib.sh"
echo "# building the plugin and the test classpath"
build_with_test_classpath
[ -n "$MVN" ] || MVN="$ROOT/mvnw"
start_s3 4g memory

ORIGIN="$WORK/origin"
if [ ! -f "$ORIGIN/.built" ]; then
  echo "# the origin: $RAW_FILES raw files, $STAGES stages of $STAGE_FILES files each, made and pushed by dvc"
  discard "$ORIGIN"; mkdir -p "$ORIGIN/src"; cd "$ORIGIN"
  git init -q && "$DVC" init -q
  python3 - "$RAW_FILES" "$STAGES" <<'PY'
import os, sys
n, stages = int(sys.argv[1]), int(sys.argv[2])
for i in range(n):
    d = "data/raw/part-%02d" % (i % stages)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "r%06d.csv" % i), "w") as f:
        f.write("id,value\n%d,%d\n" % (i, i * 7 % 1000))
PY
  cat > src/stage.py <<'PY'
import os, sys
stage, files = int(sys.argv[1]), int(sys.argv[2])
src = "data/raw/part-%02d" % stage
rows = sorted(os.listdir(src))
out = "out/s%02d" % stage
os.makedirs(out, exist_ok=True)
for i in range(files):
    with open(os.path.join(out, "f%05d.txt" % i), "w") as f:
        f.write("%d %s\n" % (i, rows[i % len(rows)]))
PY
  { echo "stages:"
    for s in $(seq 0 $((STAGES - 1))); do
      printf '  s%02d:\n    cmd: python3 src/stage.py %d %d\n    deps:\n    - data/raw/part-%02d\n    - src/stage.py\n' "$s" "$s" "$STAGE_FILES" "$s"
      printf '    params:\n    - stage.seed\n    outs:\n    - out/s%02d\n' "$s"
    done; } > dvc.yaml
  printf 'stage:\n  seed: 1\n' > params.yaml
  cat > pom.xml <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>gate</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.dvcmaven</groupId>
        <artifactId>dvc-maven-plugin</artifactId>
        <version>$VERSION</version>
        <extensions>true</extensions>
      </plugin>
    </plugins>
  </build>
</project>
POM
  "$DVC" add -q data/raw
  "$DVC" repro -q
  "$DVC" remote add -q -d s3 "s3://$BUCKET/gate" && "$DVC" remote modify s3 endpointurl "$ENDPOINT"
  "$DVC" push -q -j "$JOBS"
  git add -A && git commit -qm "pipeline" && touch .built
  cd "$ROOT"
else
  # a reused BENCH_DIR: the server is new and empty, push again
  (cd "$ORIGIN" && "$DVC" remote modify s3 endpointurl "$ENDPOINT" && "$DVC" push -q -j "$JOBS" && git commit -qam "endpoint" || true)
fi
N_OBJECTS=$(find "$ORIGIN/.dvc/cache/files/md5" -type f | wc -l)
echo "# $N_OBJECTS objects on the remote; jobs=$JOBS; $RUNS runs, medians"

clone() { local d="$WORK/clone-$1"; discard "$d"; git clone -q "$ORIGIN" "$d"; echo "$d"; }
data_objects() { [ -d "$1/.dvc/cache/files/md5" ] && find "$1/.dvc/cache/files/md5" -type f ! -name '*.dir' | wc -l || echo 0; }
manifests() { [ -d "$1/.dvc/cache/files/md5" ] && find "$1/.dvc/cache/files/md5" -type f -name '*.dir' | wc -l || echo 0; }
build() { local d="$1"; shift; (cd "$d" && "$MVN" -B -ntp verify "$@"); }

skip=(); gate=(); cloud=(); pull=(); gate_dl=0; cloud_dl=0
for i in $(seq "$RUNS"); do
  c=$(clone "skip-$i"); skip+=("$(seconds build "$c" -Ddvc.skip=true)")
  c=$(clone "gate-$i"); gate+=("$(seconds build "$c")"); grep -q "Data and pipelines are up to date." "$WORK/last.log"
  gate_dl=$((gate_dl + $(data_objects "$c")))
  c=$(clone "cloud-$i"); cloud+=("$(seconds build "$c" -Ddvc.cloud=true)"); grep -q "Remote 's3' has all" "$WORK/last.log"
  cloud_dl=$((cloud_dl + $(data_objects "$c"))); cloud_manifests=$(manifests "$c")
  c=$(clone "pull-$i"); pull+=("$(seconds in_dir "$c" sh -c "'$DVC' pull -q -j $JOBS && '$DVC' status")")
  grep -q "Data and pipelines are up to date." "$WORK/last.log"
done
T_SKIP=$(median "${skip[@]}"); T_GATE=$(median "${gate[@]}"); T_CLOUD=$(median "${cloud[@]}"); T_PULL=$(median "${pull[@]}")
echo "mvn verify -Ddvc.skip=true (the build without the gate): $T_SKIP s"
echo "data-free gate: mvn verify $T_GATE s, the gate's share $(echo "scale=3; $T_GATE - $T_SKIP" | bc) s (target <= 2 s);" \
     "data objects downloaded: $gate_dl in $RUNS runs"
echo "release gate: mvn verify -Ddvc.cloud=true $T_CLOUD s vs dvc pull + dvc status $T_PULL s:" \
     "$(ratio "$T_CLOUD" "$T_PULL") of dvc's time (target < 0.10); data objects downloaded: $cloud_dl in $RUNS runs" \
     "($cloud_manifests directory manifests read per run)"
