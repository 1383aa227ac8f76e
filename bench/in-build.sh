# Sourced by the bench scripts. The cost of a goal inside a Maven build (the CI-gating use, where the
# build pays Maven's startup anyway): the goal bound to `validate` in a throwaway pom in DIR, timed as
# the build's time minus the same build with -Ddvc.skip, over RUNS pairs.
# Usage: in_build_share DIR GOAL   (needs MVN, VERSION, RUNS); prints "with skipped share", medians in s.
in_build_share() {
  local dir="$1" goal="$2" i s e with=() without=()
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>in-build</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.github.dvcmaven</groupId><artifactId>dvc-maven-plugin</artifactId><version>$VERSION</version>
    <executions><execution><id>gate</id><phase>validate</phase><goals><goal>$goal</goal></goals></execution></executions>
  </plugin></plugins></build>
</project>
POM
  _in_build_seconds() {
    sync; s=$(date +%s%N)
    (cd "$dir" && "$MVN" -q -B -o validate "$@" > /dev/null 2>&1) || { echo "FAILED: mvn validate $* in $dir" >&2; exit 1; }
    e=$(date +%s%N); echo "scale=3; ($e - $s) / 1000000000" | bc
  }
  for i in $(seq "$RUNS"); do
    with+=("$(_in_build_seconds)")
    without+=("$(_in_build_seconds -Ddvc.skip=true)")
  done
  rm "$dir/pom.xml"
  local w wo
  w=$(printf '%s\n' "${with[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  wo=$(printf '%s\n' "${without[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  echo "$w $wo $(echo "scale=3; $w - $wo" | bc)"
}
