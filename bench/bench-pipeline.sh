#!/usr/bin/env bash
# Times a no-op repro of a 200-stage pipeline: dvc-maven (a whole `mvn -o dvc:repro`) against `dvc repro`
# on the same pipeline in one run, and prints the ratio. Env: RUNS (3), STAGES (200), BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${RUNS:-3}"
STAGES="${STAGES:-200}"
DVC="${DVC:-$ROOT/.tools/dvc-venv/bin/dvc}"
WORK="${BENCH_DIR:-$(mktemp -d /tmp/dvc-bench-pipeline.XXXXXX)}"
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
PLUGIN="io.github.dvcmaven:dvc-maven-plugin:$VERSION"
MVN="$(ls -d "$HOME"/.m2/wrapper/dists/apache-maven-3.9.16/*/bin/mvn 2>/dev/null | head -1)"
export DVC_NO_ANALYTICS=1 DVC_SITE_CACHE_DIR="$WORK/dvc-site"
[ -x "$DVC" ] || { echo "real dvc not found at $DVC: run tools/install-dvc.sh" >&2; exit 2; }
./mvnw -q -B install -DskipTests -Dinvoker.skip=true
[ -n "$MVN" ] || MVN="$ROOT/mvnw"

make_repo() {
  rm -rf "$1"; mkdir -p "$1"; cd "$1"
  git init -q; "$DVC" init -q
  printf 'seed: 1\n' > params.yaml
  echo "stages:" > dvc.yaml
  for i in $(seq 1 "$STAGES"); do
    prev=$((i - 1))
    {
      echo "  s$i:"
      echo "    cmd: echo $i > out$i.txt"
      if [ "$i" -gt 1 ]; then echo "    deps: [out$prev.txt]"; else echo "    params: [seed]"; fi
      echo "    outs: [out$i.txt]"
    } >> dvc.yaml
  done
  cd - >/dev/null
}
SETTLE="${SETTLE:-0}"   # no-op repros write nothing to settle
. "$ROOT/bench/lib.sh"

make_repo "$WORK/ours"; make_repo "$WORK/theirs"
echo "# $STAGES-stage pipeline in $WORK; first runs (not timed)"
(cd "$WORK/theirs" && "$DVC" repro -q >/dev/null)
(cd "$WORK/ours" && "$MVN" -q -B -o "$PLUGIN:repro" >/dev/null)
cmp "$WORK/ours/dvc.lock" "$WORK/theirs/dvc.lock" && echo "# dvc.lock identical"
ours=(); theirs=()
for i in $(seq "$RUNS"); do
  ours+=("$(seconds in_dir "$WORK/ours" "$MVN" -q -B -o "$PLUGIN:repro")")
  theirs+=("$(seconds in_dir "$WORK/theirs" "$DVC" repro -q)")
done
o=$(median "${ours[@]}"); t=$(median "${theirs[@]}")
echo "no-op repro, $STAGES stages:  ours $o s   dvc $t s   dvc/ours = $(ratio "$t" "$o")x   (medians of $RUNS)"
startup=(); for i in $(seq "$RUNS"); do startup+=("$(seconds in_dir "$WORK" "$MVN" -q -B -o "$PLUGIN:help")"); done
s=$(median "${startup[@]}"); n=$(echo "scale=3; $o - $s" | bc)
echo "  maven + plugin startup (dvc:help) $s s; net of it: ours $n s   dvc/ours = $(ratio "$t" "$n")x"

# in a Maven build (the CI-gating use): see bench/in-build.sh
. "$ROOT/bench/in-build.sh"
read -r w wo m < <(in_build_share "$WORK/ours" repro)
echo "  in a build: mvn validate with repro bound $w s, skipped $wo s; the goal's share $m s   dvc/ours = $(ratio "$t" "$m")x"
