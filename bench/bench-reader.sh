#!/usr/bin/env bash
# The read API against the real dvc and the SDK, in one run, on one loopback S3 server (S3Proxy):
#  - RepoReader.open of a BIG_MB tracked file, read to its end (md5 checked), against a plain AWS SDK
#    GetObject of the same object read to its end (target: ours >= 80% of the SDK's throughput);
#  - a recursive listing of a tracked directory of LIST_FILES files at HEAD, RepoReader.list (a JVM
#    started for it) against `dvc ls -R` (target: under a tenth of dvc's time).
# Prints medians and ratios. Usage: bench/bench-reader.sh   (env: RUNS, BIG_MB, LIST_FILES, BENCH_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${RUNS:-3}"
BIG_MB="${BIG_MB:-1024}"
LIST_FILES="${LIST_FILES:-100000}"
DVC="${DVC:-$ROOT/.tools/dvc-venv/bin/dvc}"
WORK="${BENCH_DIR:-$(mktemp -d /tmp/dvc-bench-reader.XXXXXX)}"
KEY_ID=AKIATESTDVCMAVEN0001
SECRET=testSecretKeyThatMustNeverBeLogged000001
BUCKET=dvc-lab-cache
export DVC_NO_ANALYTICS=1 DVC_SITE_CACHE_DIR="$WORK/dvc-site" GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required AWS_RESPONSE_CHECKSUM_VALIDATION=when_required

[ -x "$DVC" ] || { echo "real dvc not found at $DVC: run tools/install-dvc.sh" >&2; exit 2; }
. "$ROOT/bench/lib.sh"
echo "# building the plugin and the test classpath"
build_with_test_classpath
# S3Proxy keeps a multipart upload several times over in its heap while it assembles it
start_s3 "$(( 6 * BIG_MB / 1024 + 4 ))g" memory
main() { java -cp "$CP" io.github.dvcmaven.core.bench.ReaderBenchMain "$@"; }

echo "# registry: one ${BIG_MB} MiB file and a directory of $LIST_FILES files, pushed to S3"
REG="$WORK/registry"
discard "$REG"; mkdir -p "$REG/big" "$REG/many"
head -c "$(( BIG_MB << 20 ))" /dev/urandom > "$REG/big/model.bin"
python3 - "$REG/many" "$LIST_FILES" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "d%03d" % (i % 500))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%06d.txt" % i), "w") as f:
        f.write("row %d\n" % i)
PY
(cd "$REG" && git init -q && "$DVC" init -q && "$DVC" add -q big/model.bin many \
  && "$DVC" remote add -q -d s3 "s3://$BUCKET/registry" && "$DVC" remote modify s3 endpointurl "$ENDPOINT" \
  && "$DVC" remote modify --local s3 access_key_id "$KEY_ID" && "$DVC" remote modify --local s3 secret_access_key "$SECRET" \
  && "$DVC" push -q big/model.bin.dvc && git add -A && git commit -qm registry)
# the big file's object comes from the remote, the directory's manifest from the registry's cache
MD5=$(sed -n 's/^- md5: //p' "$REG/big/model.bin.dvc")
KEY="registry/files/md5/${MD5:0:2}/${MD5:2}"
discard "$REG/big/model.bin" "$REG/.dvc/cache/files/md5/${MD5:0:2}/${MD5:2}"

sdk=(); ours=(); ls_ours=(); ls_dvc=()
for i in $(seq "$RUNS"); do
  sync; sleep 2; sdk+=("$(main sdk "$ENDPOINT" "$BUCKET" "$KEY" "$KEY_ID" "$SECRET" | cut -d' ' -f1)")
  sync; sleep 2; ours+=("$(main open "$REG" big/model.bin | cut -d' ' -f1)")
  ls_ours+=("$(seconds main list "$REG" many)")
  ls_dvc+=("$(seconds in_dir "$WORK" "$DVC" ls -R "$REG" many)")
done
n_ours=$(main list "$REG" many | cut -d' ' -f2)
n_dvc=$(cd "$WORK" && "$DVC" ls -R "$REG" many | wc -l)
[ "$n_ours" = "$n_dvc" ] || { echo "FAILED: listings differ ($n_ours vs $n_dvc entries)" >&2; exit 1; }

s=$(median "${sdk[@]}"); o=$(median "${ours[@]}"); lo=$(median "${ls_ours[@]}"); ld=$(median "${ls_dvc[@]}")
echo
echo "open ${BIG_MB} MiB from S3, read to the end:  SDK GetObject ${s}s  RepoReader.open ${o}s"
echo "  throughput ours/SDK: $(ratio "$s" "$o")   (target >= 0.80)"
echo "list -R of $LIST_FILES files:  dvc ls -R ${ld}s  RepoReader.list (JVM start included) ${lo}s"
echo "  time ours/dvc: $(ratio "$lo" "$ld")   (target < 0.10)"
