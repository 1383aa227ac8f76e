# Sourced by the bench scripts. The cost of a goal inside a Maven build (the CI-gating use, where the
# build pays Maven's startup anyway): the goal bound to `validate` in a throwaway pom in DIR, timed as
# the build's time minus the same build with -Ddvc.skip, over RUNS pairs.
# Usage: in_build_share DIR GOAL   (needs MVN, VERSION, RUNS and bench/lib.sh); prints "with skipped share", medians in s.
in_build_share() {
  local dir="$1" goal="$2" i with=() without=()
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
  _in_build_seconds() { SETTLE=0 seconds in_dir "$dir" "$MVN" -q -B -o validate "$@"; }
  for i in $(seq "$RUNS"); do
    with+=("$(_in_build_seconds)")
    without+=("$(_in_build_seconds -Ddvc.skip=true)")
  done
  rm "$dir/pom.xml"
  local w wo
  w=$(median "${with[@]}")
  wo=$(median "${without[@]}")
  echo "$w $wo $(echo "scale=3; $w - $wo" | bc)"
}
