#!/usr/bin/env bash
# Reporting's write rates through danvan's own services, in process (contracts §7, issue 8 point 12):
# boots the application's context on DANVAN_DATA_DIR (a kept reporting dataset, see bench/README.md
# "Keeping a generated dataset"; stop the application first: the embedded PostgreSQL lives there) and
# runs vn.danvan.reporting.ValueWriteServiceBench (src/test/java). Settings: BENCH_WRITE_SECONDS (15),
# BENCH_WRITE_WORKERS (1,4,8), BENCH_WRITE_BATCH (1000), BENCH_WRITE_WAYS (save,raw,import,rawimport),
# BENCH_WRITE_WARMUP (2) seconds of warm-up per way, BENCH_SKIP_BUILD=1 to use the classes already compiled,
# BENCH_APP_CLASSES=<dir> to measure the application
# classes of another build (e.g. a copy of target/classes made before a change), BENCH_JAVA_OPTS extra JVM
# options (e.g. -XX:StartFlightRecording=filename=/tmp/w.jfr,settings=profile). JAVA_HOME picks the JDK.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
: "${DANVAN_DATA_DIR:?set DANVAN_DATA_DIR to a kept reporting dataset (BENCH_DATASET=… BENCH_ONLY=generate bench/run-reporting.sh)}"

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -DskipTests test-compile
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
fi
# Only the benchmark's classes beside the application's: the tests' configuration (temporary
# non-durable database, fixed keys) must not be on the class path.
classes="$(mktemp -d "$root/target/value-writes.XXXX")"
trap 'rm -rf -- "$classes"' EXIT
mkdir -p "$classes/vn/danvan/reporting"
cp target/test-classes/vn/danvan/reporting/ValueWrite{ServiceBench,RawCeiling,Millis}*.class "$classes/vn/danvan/reporting/"
cp -r "${BENCH_APP_CLASSES:-target/classes}" "$classes/app"
# shellcheck disable=SC2086
"$java" -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$classes/app:$classes:$(cat target/runtime-classpath.txt)" vn.danvan.reporting.ValueWriteServiceBench
