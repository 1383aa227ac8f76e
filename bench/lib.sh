# Sourced by the bench scripts (needs WORK). Timing, medians, ratios, and a trash for trees.

# Trees are never deleted while a bench runs: `discard` moves them to $WORK/trash, removed at exit.
# On ext4 without a journal (this VM's disk) every new inode skips the inodes freed in the last minutes
# (the kernel's recently_deleted check), so a pull or add right after an rm -rf of tens of thousands of
# files spent a third of the machine's CPU in that scan (perf), the same absolute cost for both tools,
# which flattened the ratios. A fresh clone does not pay it.
TRASH="$WORK/trash"
mkdir -p "$TRASH"
# (a tree of few files, say one big file, is deleted at once: it frees few inodes and much disk)
discard() {
  local d p; d=$(mktemp -d "$TRASH/XXXXXX")
  for p in "$@"; do
    [ -e "$p" ] || continue
    if [ "$(find "$p" | head -1000 | wc -l)" -lt 1000 ]; then chmod -R u+w "$p"; rm -rf "$p"; else mv "$p" "$d/"; fi
  done
}
empty_trash() { chmod -R u+w "$TRASH" 2>/dev/null || true; rm -rf "$TRASH"; }

# seconds CMD...: wall seconds of a command whose output goes to $WORK/last.log; before it, `sync` and
# SETTLE seconds (default 5) so that the previous run's writeback does not bleed in
seconds() {
  local s e; sync; sleep "${SETTLE:-5}"; s=$(date +%s%N)
  if ! "$@" >"$WORK/last.log" 2>&1; then echo "FAILED: $* (see $WORK/last.log)" >&2; cat "$WORK/last.log" >&2; exit 1; fi
  e=$(date +%s%N); echo "scale=3; ($e - $s) / 1000000000" | bc
}
# in_dir DIR CMD...: runs CMD in DIR (for `seconds in_dir DIR CMD...`)
in_dir() { (cd "$1" && "${@:2}"); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { echo "scale=2; $1 / $2" | bc; }

# build_with_test_classpath: installs the plugin and writes dvc-core's test classpath; sets CP (needs ROOT, WORK)
build_with_test_classpath() {
  (cd "$ROOT" && ./mvnw -q -B install -DskipTests -Dinvoker.skip=true \
    && ./mvnw -q -B -o -pl dvc-core test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt")
  CP="$ROOT/dvc-core/target/test-classes:$ROOT/dvc-core/target/classes:$(cat "$WORK/cp.txt")"
}
# start_s3 HEAP STORE: S3Proxy (STORE: memory or a directory) on a free loopback port until the bench
# exits (the trash is emptied then too); sets ENDPOINT
start_s3() {
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  ENDPOINT="http://127.0.0.1:$port"
  java -Xmx"$1" -cp "$CP" io.github.dvcmaven.core.bench.S3ServerMain "$port" "$2" > "$WORK/s3.log" 2>&1 &
  S3_SERVER=$!
  trap 'kill $S3_SERVER 2>/dev/null || true; empty_trash' EXIT
  for _ in $(seq 100); do curl -s -o /dev/null "$ENDPOINT" && break; sleep 0.2; done
}
