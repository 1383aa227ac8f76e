#!/usr/bin/env bash
# Times dvc-maven (through Maven, as users run it) against the real dvc on the same data in one run:
#   add of one big file (and md5sum's throughput on it), add of many small files, no-op status.
# Prints medians and ratios. Usage: bench/bench-tracked-data.sh   (env: RUNS, BIG_RUNS, SMALL_FILES, BIG_MB, BENCH_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${RUNS:-3}"
BIG_RUNS="${BIG_RUNS:-9}"   # a few seconds each, and noisier on a VM than the rest: medians of 9
SMALL_FILES="${SMALL_FILES:-100000}"
BIG_MB="${BIG_MB:-1024}"
DVC="${DVC:-$ROOT/.tools/dvc-venv/bin/dvc}"
WORK="${BENCH_DIR:-$(mktemp -d /tmp/dvc-bench.XXXXXX)}"
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
PLUGIN="io.github.dvcmaven:dvc-maven-plugin:$VERSION"
MVN="$(ls -d "$HOME"/.m2/wrapper/dists/apache-maven-3.9.16/*/bin/mvn 2>/dev/null | head -1)"
export DVC_NO_ANALYTICS=1 DVC_SITE_CACHE_DIR="$WORK/dvc-site" GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b

[ -x "$DVC" ] || { echo "real dvc not found at $DVC: run tools/install-dvc.sh" >&2; exit 2; }
echo "# building the plugin"
./mvnw -q -B install -DskipTests -Dinvoker.skip=true
[ -n "$MVN" ] || MVN="$ROOT/mvnw"

# ours DIR GOAL [TARGET] / theirs DIR COMMAND [TARGET]: the same operation through each tool
ours() { (cd "$1" && "$MVN" -q -B -o "$PLUGIN:$2" ${3:+"-Ddvc.targets=$3"}); }
theirs() { (cd "$1" && "$DVC" "$2" -q ${3:+"$3"}); }

. "$ROOT/bench/lib.sh"
trap empty_trash EXIT

fresh_repo() { discard "$1"; mkdir -p "$1"; (cd "$1" && git init -q && "$DVC" init -q); }

echo "# data in $WORK: one ${BIG_MB} MiB file ($BIG_RUNS runs each), ${SMALL_FILES} files of 1 KiB ($RUNS runs each); medians"
mkdir -p "$WORK/src"
[ -f "$WORK/src/big.bin" ] || head -c $((BIG_MB * 1024 * 1024)) /dev/urandom > "$WORK/src/big.bin"
if [ ! -d "$WORK/src/small" ]; then
  python3 - "$WORK/src/small" "$SMALL_FILES" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
per_dir = 1000
for i in range(n):
    d = os.path.join(root, "part-%03d" % (i // per_dir))
    if i % per_dir == 0:
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%06d.bin" % i), "wb") as f:
        f.write(os.urandom(1024))
PY
fi
cat "$WORK/src/big.bin" > /dev/null

# in a directory without a pom, like the goals below (a pom with big BOMs would be parsed too)
startup=(); for i in $(seq "$BIG_RUNS"); do startup+=("$(cd "$WORK" && seconds "$MVN" -q -B -o "$PLUGIN:help")"); done
t_start=$(median "${startup[@]}")
echo "maven + plugin startup (dvc:help): $t_start s"
net() { echo "scale=3; $1 - $t_start" | bc; }

# 1. one big file
md5=(); for i in $(seq "$BIG_RUNS"); do md5+=("$(seconds md5sum "$WORK/src/big.bin")"); done
t_md5=$(median "${md5[@]}")
# An add with cache type reflink,copy must also copy the file where reflinks are missing (ext4): a plain
# cp of it in the same conditions (a fresh repo that replaced one holding two copies) is a floor for any
# such add, ours and dvc's. On a VM the speed of writes into the page cache depends on what was freed
# shortly before, hence the same preparation for all three.
copying() { cp "$1/big.bin" "$1/copy.bin"; }
big_ours=(); big_theirs=(); big_cp=()
for i in $(seq "$BIG_RUNS"); do
  for who in ours theirs copying; do
    fresh_repo "$WORK/big-$who"; cp "$WORK/src/big.bin" "$WORK/big-$who/"; cat "$WORK/big-$who/big.bin" > /dev/null
    t=$(seconds "$who" "$WORK/big-$who" add big.bin)
    case $who in ours) big_ours+=("$t") ;; theirs) big_theirs+=("$t") ;; *) big_cp+=("$t") ;; esac
  done
done
discard "$WORK/big-copying"
t_big_ours=$(median "${big_ours[@]}"); t_big_theirs=$(median "${big_theirs[@]}"); t_cp=$(median "${big_cp[@]}")
mbps() { echo "scale=0; $BIG_MB * 1048576 / $1 / 1000000" | bc; }
echo
echo "add ${BIG_MB} MiB file:   ours ${t_big_ours} s   dvc ${t_big_theirs} s   dvc/ours = $(ratio "$t_big_theirs" "$t_big_ours")x"
echo "  net of maven startup: ours $(net "$t_big_ours") s   dvc/ours = $(ratio "$t_big_theirs" "$(net "$t_big_ours")")x"
echo "  throughput: md5sum $(mbps "$t_md5") MB/s, ours (whole mvn invocation) $(mbps "$t_big_ours") MB/s = $(ratio "$t_md5" "$t_big_ours")x md5sum, net of startup $(mbps "$(net "$t_big_ours")") MB/s = $(ratio "$t_md5" "$(net "$t_big_ours")")x md5sum"
echo "  for scale: cp of the file $(mbps "$t_cp") MB/s = $(ratio "$t_md5" "$t_cp")x md5sum (a copying add cannot beat cp)"

# 2. many small files, then a no-op status with a warm state
small_ours=(); small_theirs=()
for i in $(seq "$RUNS"); do
  for who in ours theirs; do
    fresh_repo "$WORK/small-$who"; cp -r "$WORK/src/small" "$WORK/small-$who/data"
    t=$(seconds "$who" "$WORK/small-$who" add data)
    if [ $who = ours ]; then small_ours+=("$t"); else small_theirs+=("$t"); fi
  done
done
t_small_ours=$(median "${small_ours[@]}"); t_small_theirs=$(median "${small_theirs[@]}")
echo
echo "add ${SMALL_FILES} x 1 KiB:  ours ${t_small_ours} s   dvc ${t_small_theirs} s   dvc/ours = $(ratio "$t_small_theirs" "$t_small_ours")x"
echo "  net of maven startup: ours $(net "$t_small_ours") s   dvc/ours = $(ratio "$t_small_theirs" "$(net "$t_small_ours")")x"

# the data must be what was added, and both tools must agree on it
cmp "$WORK/small-ours/data.dvc" "$WORK/small-theirs/data.dvc" || { echo "data.dvc differs between the tools" >&2; exit 1; }
cmp "$WORK/big-ours/big.bin.dvc" "$WORK/big-theirs/big.bin.dvc" || { echo "big.bin.dvc differs between the tools" >&2; exit 1; }
ours "$WORK/small-ours" status >/dev/null; theirs "$WORK/small-theirs" status >/dev/null   # warm each tool's state
st_ours=(); st_theirs=()
for i in $(seq "$RUNS"); do
  st_ours+=("$(seconds ours "$WORK/small-ours" status)")
  st_theirs+=("$(seconds theirs "$WORK/small-theirs" status)")
done
t_st_ours=$(median "${st_ours[@]}"); t_st_theirs=$(median "${st_theirs[@]}")
echo "no-op status, ${SMALL_FILES} files, warm state:  ours ${t_st_ours} s   dvc ${t_st_theirs} s   dvc/ours = $(ratio "$t_st_theirs" "$t_st_ours")x"
echo "  net of maven startup: ours $(net "$t_st_ours") s   dvc/ours = $(ratio "$t_st_theirs" "$(net "$t_st_ours")")x"
# in a Maven build (the CI-gating use): see bench/in-build.sh
. "$ROOT/bench/in-build.sh"
read -r w wo m < <(in_build_share "$WORK/small-ours" status)
echo "  in a build: mvn validate with status bound $w s, skipped $wo s; the goal's share $m s   dvc/ours = $(ratio "$t_st_theirs" "$m")x"
echo
echo "(ours = a whole 'mvn -o dvc:<goal>' process, startup included; medians of the runs above)"
