# Sourced by the in-process benchmarks (run-lifecycle-services.sh, run-value-writes.sh, run-value-reads.sh):
# builds the application and test classes (unless BENCH_SKIP_BUILD=1) and runs one benchmark main of src/test/java
# with only its own classes beside the application's — the tests' configuration (temporary non-durable database,
# fixed keys) must not be on the class path. JAVA_HOME picks the JDK; BENCH_APP_CLASSES another build's classes.
# Usage: run_in_process <main class> <JVM options> <test class file globs, relative to target/test-classes>...
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

run_in_process() {
  local main="$1" options="$2"
  shift 2
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
    ./mvnw -B -q -DskipTests test-compile
    ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
  fi
  classes="$(mktemp -d "$root/target/in-process.XXXX")"
  trap 'rm -rf -- "$classes"' EXIT
  local glob
  for glob in "vn/danvan/BenchMachine.class" "$@"; do
    for file in target/test-classes/$glob; do
      mkdir -p "$classes/$(dirname "${file#target/test-classes/}")"
      cp "$file" "$classes/${file#target/test-classes/}"
    done
  done
  cp -r "${BENCH_APP_CLASSES:-target/classes}" "$classes/app"
  # shellcheck disable=SC2086 # the options are several words
  "$java" $options -cp "$classes/app:$classes:$(cat target/runtime-classpath.txt)" "$main"
}
