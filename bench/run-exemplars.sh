#!/usr/bin/env bash
# "Dân vận khéo" benchmark (issue 4, point 10): builds the application jar and the benchmark, starts the
# application on a fresh temporary data directory, generates a million models and exemplars, measures,
# writes bench/results/exemplars-<date>.md and prints it. Settings: see bench/README.md
# (BENCH_EXEMPLARS, BENCH_EXEMPLAR_YEARS, ...). JAVA_HOME picks the JDK.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
state="$root/bench/target/app.pid"   # written by the benchmark while the application runs: pid, data dir
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Stops the application this run started (and its PostgreSQL) should the benchmark not have done so.
# Only the pids named in the state file and in that data directory's postmaster.pid, nothing else.
stop_app() {
  [ -f "$state" ] || return 0
  local pid data pg
  pid="$(sed -n 1p "$state")"
  data="$(sed -n 2p "$state")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'danvan\.jar'; then
    echo "run-exemplars.sh: stopping the application (pid $pid)" >&2
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  if [ -n "$data" ] && [ -f "$data/pg/postmaster.pid" ]; then
    pg="$(sed -n 1p "$data/pg/postmaster.pid")"
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null && tr '\0' ' ' < "/proc/$pg/cmdline" | grep -q "postgres"; then
      echo "run-exemplars.sh: stopping its PostgreSQL (pid $pg)" >&2
      kill -TERM "$pg" 2>/dev/null || true
      for _ in $(seq 1 600); do kill -0 "$pg" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  case "$(basename "$data")" in danvan-bench-*) rm -rf -- "$data" ;; esac
  rm -f "$state"
}
trap stop_app EXIT
trap 'exit 130' INT TERM

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  echo "== building the application (target/danvan.jar)"
  ./mvnw -B -q -DskipTests package
  echo "== building the benchmark (bench/target/danvan-bench.jar)"
  ./mvnw -B -q -f bench/pom.xml package
fi

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD -- . ':(exclude)bench/results' 2>/dev/null || commit="$commit+uncommitted"

echo "== generating and measuring (${BENCH_EXEMPLARS:-1000000} models over ${BENCH_EXEMPLAR_YEARS:-15} years)"
log="$root/bench/target/exemplars.log"
# run from a copy, so that rebuilding the benchmark during a long run cannot pull classes from under it
jars="$(mktemp -d "$root/bench/target/exemplars-jar.XXXX")"
cp -r bench/target/danvan-bench.jar bench/target/lib "$jars/"
BENCH_COMMIT="$commit" "$java" -cp "$jars/danvan-bench.jar" vn.danvan.bench.ExemplarBench "$root" | tee "$log"

results="$(sed -n 's/^Results written to //p' "$log" | tail -1)"
echo
cat "$results"
