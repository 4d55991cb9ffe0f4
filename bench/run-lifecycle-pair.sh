#!/usr/bin/env bash
# Two builds of the complaint lifecycle compared at the same time (session 22): this machine's speed varies by up to
# 1.7x within minutes (bench/results/lifecycle-services-2026-12-02-s21.md), more than most changes are worth, so runs
# one after the other cannot tell a change of 10 % from the machine. Here both arms run side by side, each with its
# own JVM and its own embedded PostgreSQL, and live through the same machine: compare their lifecycles per second and
# CPU per lifecycle round by round.
#
# Each arm is a work tree with its classes compiled (./mvnw -q -DskipTests test-compile, and
# target/runtime-classpath.txt as bench/in-process.sh writes it) and a data directory of its own (stop the
# application first). Usage:
#   BENCH_PAIR_A=<tree>:<data dir> BENCH_PAIR_B=<tree>:<data dir> bench/run-lifecycle-pair.sh [rounds]
# BENCH_LIFECYCLE_WORKERS (2: four in all on two cores) and BENCH_LIFECYCLE_SECONDS (30) apply to each arm. Each
# arm's full report is written to target/pair-<arm>-<round>.log of the tree the script runs from.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${BENCH_PAIR_A:?set BENCH_PAIR_A=<work tree>:<data dir>}"
: "${BENCH_PAIR_B:?set BENCH_PAIR_B=<work tree>:<data dir>}"
rounds="${1:-3}"
workers="${BENCH_LIFECYCLE_WORKERS:-2}"
mkdir -p "$root/target"

arm() { # name tree:data round
  local tree="${2%%:*}" data="${2#*:}"
  (cd "$tree" && BENCH_SKIP_BUILD=1 BENCH_LIFECYCLE_WORKERS="$workers" DANVAN_DATA_DIR="$data" \
      bench/run-lifecycle-services.sh > "$root/target/pair-$1-$3.log" 2>&1)
}

echo "| Round | Arm | Workers | Seconds | Lifecycles | Lifecycles/s | Errors | Lifecycle p50 / p95 (ms) | Step p50 / p95 (ms) | Commits per lifecycle | WAL per lifecycle (kB) | CPU per lifecycle: JVM + PostgreSQL (ms) | Load average |"
echo "|--:|---|--:|--:|--:|--:|--:|---|---|--:|--:|--:|---|"
for round in $(seq 1 "$rounds"); do
  arm A "$BENCH_PAIR_A" "$round" &
  a=$!
  arm B "$BENCH_PAIR_B" "$round" &
  b=$!
  wait "$a" "$b"
  for name in A B; do
    line="$(grep "^| $workers |" "$root/target/pair-$name-$round.log" || true)"
    echo "| $round | $name ${line:-| (no result: see target/pair-$name-$round.log) |}"
  done
done
