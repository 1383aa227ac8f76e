#!/usr/bin/env bash
# Times dvc-maven's push and pull (through Maven, as users run them) against the real dvc on one
# loopback S3 server (S3Proxy), same jobs, in one run: SMALL_FILES small files and one BIG_MB
# file. For the big file it also times a plain AWS SDK GetObject of the same object (the server's own
# delivery). Prints medians and ratios.
# Usage: bench/bench-remote.sh   (env: RUNS, SMALL_FILES, SMALL_BYTES, BIG_MB (0: small files only), JOBS, BENCH_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${RUNS:-3}"
SMALL_FILES="${SMALL_FILES:-10000}"
SMALL_BYTES="${SMALL_BYTES:-4096}"
BIG_MB="${BIG_MB:-1024}"
JOBS="${JOBS:-$(( 4 * $(nproc) ))}"
DVC="${DVC:-$ROOT/.tools/dvc-venv/bin/dvc}"
WORK="${BENCH_DIR:-$(mktemp -d /tmp/dvc-bench-remote.XXXXXX)}"
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
PLUGIN="io.github.dvcmaven:dvc-maven-plugin:$VERSION"
MVN="$(ls -d "$HOME"/.m2/wrapper/dists/apache-maven-3.9.16/*/bin/mvn 2>/dev/null | head -1)"
KEY_ID=AKIATESTDVCMAVEN0001
SECRET=testSecretKeyThatMustNeverBeLogged000001
BUCKET=dvc-lab-cache
export DVC_NO_ANALYTICS=1 DVC_SITE_CACHE_DIR="$WORK/dvc-site" GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b
# botocore's default checksums are not understood by S3Proxy and many S3-compatible servers
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required AWS_RESPONSE_CHECKSUM_VALIDATION=when_required

[ -x "$DVC" ] || { echo "real dvc not found at $DVC: run tools/install-dvc.sh" >&2; exit 2; }
. "$ROOT/bench/lib.sh"
echo "# building the plugin and the test classpath"
build_with_test_classpath
[ -n "$MVN" ] || MVN="$ROOT/mvnw"

# in memory (SERVER_STORE=memory, the default) the server's own cost per request is smallest, so the
# figures show the clients; SERVER_STORE=disk stores under $WORK/s3 instead
if [ "${SERVER_STORE:-memory}" = disk ]; then STORE="$WORK/s3"; rm -rf "$STORE"; mkdir -p "$STORE/$BUCKET"; else STORE=memory; fi
start_s3 "$(( 6 * BIG_MB * RUNS / 1024 + 4 ))g" "$STORE"

# a repo tracking $2 (copied from src), its remote at s3://bucket/<prefix $3>
repo() {
  local dir="$1" what="$2" prefix="$3"
  discard "$dir"; mkdir -p "$dir"
  (cd "$dir" && git init -q && "$DVC" init -q && cp -r "$WORK/src/$what" "$what" && "$DVC" add -q "$what" \
    && "$DVC" remote add -q -d s3 "s3://$BUCKET/$prefix" && "$DVC" remote modify s3 endpointurl "$ENDPOINT" \
    && "$DVC" remote modify --local s3 access_key_id "$KEY_ID" && "$DVC" remote modify --local s3 secret_access_key "$SECRET")
}
retarget() { (cd "$1" && "$DVC" remote modify s3 url "s3://$BUCKET/$2"); }
empty_workspace() { discard "$1/.dvc/cache" "$1/.dvc/tmp" "$1/$2"; }
# no -o: remote goals refuse offline Maven
ours() { (cd "$1" && "$MVN" -q -B "$PLUGIN:$2" -Ddvc.jobs="$JOBS"); }
theirs() { (cd "$1" && "$DVC" "$2" -q -j "$JOBS"); }

echo "# data in $WORK: ${SMALL_FILES} files of ${SMALL_BYTES} B, one ${BIG_MB} MiB file; jobs=$JOBS; $RUNS runs, medians"
mkdir -p "$WORK/src"
[ "$BIG_MB" -eq 0 ] || [ -f "$WORK/src/big.bin" ] || head -c $((BIG_MB * 1024 * 1024)) /dev/urandom > "$WORK/src/big.bin"
# a BENCH_DIR reused from a run with another SMALL_FILES gets a fresh set
if [ -d "$WORK/src/small" ] && [ "$(find "$WORK/src/small" -type f | wc -l)" -ne "$SMALL_FILES" ]; then discard "$WORK/src/small"; fi
if [ ! -d "$WORK/src/small" ]; then
  python3 - "$WORK/src/small" "$SMALL_FILES" "$SMALL_BYTES" <<'PY'
import os, sys
root, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    d = os.path.join(root, "part-%02d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%06d.bin" % i), "wb") as f:
        f.write(os.urandom(size))
PY
fi
if [ ! -d "$WORK/src/warm" ]; then
  mkdir -p "$WORK/src/warm"; for i in $(seq 300); do head -c "$SMALL_BYTES" /dev/urandom > "$WORK/src/warm/w$i.bin"; done
fi

measure() {  # measure NAME WHAT: push and pull through each tool, fresh remote prefix per run
  local name="$1" what="$2" i who
  local -a push_ours=() push_theirs=() pull_ours=() pull_theirs=()
  for i in $(seq "$RUNS"); do
    for who in ours theirs; do
      repo "$WORK/$name-$who" "$what" "$name-$who-$i"
      t=$(seconds "$who" "$WORK/$name-$who" push)
      if [ $who = ours ]; then push_ours+=("$t"); else push_theirs+=("$t"); fi
      empty_workspace "$WORK/$name-$who" "$what"
      t=$(seconds "$who" "$WORK/$name-$who" pull)
      if [ $who = ours ]; then pull_ours+=("$t"); else pull_theirs+=("$t"); fi
      cmp -s <(cd "$WORK/$name-$who" && find "$what" -type f | sort | xargs cat | md5sum) \
             <(cd "$WORK/src" && find "$what" -type f | sort | xargs cat | md5sum) \
        || { echo "pulled data differs from the source ($who, $name)" >&2; exit 1; }
    done
  done
  P_OURS=$(median "${push_ours[@]}"); P_THEIRS=$(median "${push_theirs[@]}")
  L_OURS=$(median "${pull_ours[@]}"); L_THEIRS=$(median "${pull_theirs[@]}")
  echo "$name push: ours ${P_OURS} s   dvc ${P_THEIRS} s   dvc/ours = $(ratio "$P_THEIRS" "$P_OURS")x"
  echo "$name pull: ours ${L_OURS} s   dvc ${L_THEIRS} s   dvc/ours = $(ratio "$L_THEIRS" "$L_OURS")x"
}

# in a directory without a pom, like the goals below (a pom with big BOMs would be parsed too)
startup=(); for i in $(seq "$RUNS"); do startup+=("$(cd "$WORK" && seconds "$MVN" -q -B -o "$PLUGIN:help")"); done
T_START=$(median "${startup[@]}")
echo "maven + plugin startup (dvc:help): $T_START s (included in every 'ours' figure)"
# the server is a JVM too: warm it with a few hundred requests from each tool so that the first
# measured run is not the one that pays for its JIT
for who in ours theirs; do
  repo "$WORK/warm-$who" warm "warm-$who"; "$who" "$WORK/warm-$who" push > "$WORK/last.log" 2>&1
  empty_workspace "$WORK/warm-$who" warm; "$who" "$WORK/warm-$who" pull > "$WORK/last.log" 2>&1
done
echo
measure small small
[ "$BIG_MB" -gt 0 ] || exit 0
echo
measure big big.bin
BIG_MD5=$(md5sum "$WORK/src/big.bin" | cut -d' ' -f1)
KEY="big-ours-1/files/md5/${BIG_MD5:0:2}/${BIG_MD5:2}"
plain=(); for i in $(seq "$RUNS"); do
  sync; plain+=("$(java -cp "$CP" io.github.dvcmaven.core.bench.S3PlainDownloadMain "$ENDPOINT" "$BUCKET" "$KEY" "$WORK/plain.bin" "$KEY_ID" "$SECRET")")
done
T_PLAIN=$(median "${plain[@]}")
# the transfer alone (into the cache, hash-checked), without the 1 GiB workspace copy a pull adds
fetch_ours=(); for i in $(seq "$RUNS"); do
  empty_workspace "$WORK/big-ours" big.bin; fetch_ours+=("$(seconds ours "$WORK/big-ours" fetch)")
done
T_FETCH=$(median "${fetch_ours[@]}")
T_FETCH_CORE=$(echo "scale=3; $T_FETCH - $T_START" | bc)
T_CORE=$(echo "scale=3; $L_OURS - $T_START" | bc)
mbps() { echo "scale=0; $BIG_MB * 1048576 / $1 / 1000000" | bc; }
echo "big download: plain SDK GetObject to a file ${T_PLAIN} s ($(mbps "$T_PLAIN") MB/s);" \
     "our pull $(mbps "$L_OURS") MB/s whole mvn run, $(mbps "$T_CORE") MB/s without Maven's startup" \
     "= $(echo "scale=0; 100 * $T_PLAIN / $T_CORE" | bc)% of plain"
echo "big fetch (download into the cache, hash-checked, no workspace copy): ours ${T_FETCH} s whole mvn run," \
     "$(mbps "$T_FETCH_CORE") MB/s without Maven's startup = $(echo "scale=0; 100 * $T_PLAIN / $T_FETCH_CORE" | bc)% of plain"
