#!/usr/bin/env bash
# A dataset benchmark: builds the application jar and the benchmark (unless BENCH_SKIP_BUILD=1),
# runs the given benchmark class — it starts the application on a fresh temporary data directory,
# generates its dataset, measures and writes bench/results/<name>-<date>.md — and prints the results.
# Usage: bench/run-dataset.sh <main class> <name> <what is generated>. JAVA_HOME picks the JDK.
set -euo pipefail

main="$1"; name="$2"; what="$3"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
state="$root/bench/target/app.pid"   # written by the benchmark while the application runs: pid, data dir
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
. "$root/bench/app-stop.sh"

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  echo "== building the application (target/danvan.jar)"
  ./mvnw -B -q -DskipTests package
  echo "== building the benchmark (bench/target/danvan-bench.jar)"
  ./mvnw -B -q -f bench/pom.xml package
fi

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD -- . ':(exclude)bench/results' 2>/dev/null || commit="$commit+uncommitted"

echo "== generating and measuring ($what)"
log="$root/bench/target/$name.log"
# run from a copy, so that rebuilding the benchmark during a long run cannot pull classes from under it
jars="$(mktemp -d "$root/bench/target/$name-jar.XXXX")"
cp -r bench/target/danvan-bench.jar bench/target/lib "$jars/"
BENCH_COMMIT="$commit" "$java" -cp "$jars/danvan-bench.jar" "$main" "$root" | tee "$log"

results="$(sed -n 's/^Results written to //p' "$log" | tail -1)"
echo
cat "$results"
