#!/usr/bin/env bash
# Foundation benchmark: builds the application jar and the benchmark, starts the application on a
# fresh temporary data directory, measures, writes bench/results/foundation-<date>.md and prints it.
# Settings: see bench/README.md (BENCH_* environment variables). JAVA_HOME picks the JDK.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
state="$root/bench/target/app.pid"   # written by the benchmark while the application runs: pid, data dir
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

. "$root/bench/app-stop.sh"

echo "== building the application (target/danvan.jar)"
./mvnw -B -q -DskipTests package
echo "== building the benchmark (bench/target/danvan-bench.jar)"
./mvnw -B -q -f bench/pom.xml package

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD -- . ':(exclude)bench/results' 2>/dev/null || commit="$commit+uncommitted"

echo "== measuring (several minutes)"
log="$root/bench/target/bench.log"
BENCH_COMMIT="$commit" "$java" -jar bench/target/danvan-bench.jar "$root" | tee "$log"

results="$(sed -n 's/^Results written to //p' "$log" | tail -1)"
echo
cat "$results"
