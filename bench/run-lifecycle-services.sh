#!/usr/bin/env bash
# Complaint lifecycles per second through danvan's own services, in process (contracts §7): boots the
# application's context on DANVAN_DATA_DIR (stop the application first: the embedded PostgreSQL lives
# there) and runs vn.danvan.petition.LifecycleServiceBench (src/test/java). Settings:
# BENCH_LIFECYCLE_SECONDS (30), BENCH_LIFECYCLE_WARMUP_SECONDS (5), BENCH_LIFECYCLE_WORKERS (1,4,8),
# BENCH_SKIP_BUILD=1 to use the classes already compiled, BENCH_JAVA_OPTS (-Xmx512m) the JVM's options.
# JAVA_HOME picks the JDK.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
: "${DANVAN_DATA_DIR:?set DANVAN_DATA_DIR to a data directory with generated petitions (see README)}"

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -DskipTests test-compile
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
fi
# Only the benchmark's classes beside the application's: the tests' configuration (temporary
# non-durable database, fixed keys) must not be on the class path.
classes="$(mktemp -d "$root/target/lifecycle-services.XXXX")"
trap 'rm -rf -- "$classes"' EXIT
mkdir -p "$classes/vn/danvan/petition"
cp target/test-classes/vn/danvan/petition/LifecycleServiceBench*.class "$classes/vn/danvan/petition/"
cp -r target/classes "$classes/app"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
"$java" ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$classes/app:$classes:$(cat target/runtime-classpath.txt)" vn.danvan.petition.LifecycleServiceBench
