#!/usr/bin/env bash
# Complaint lifecycles per second through danvan's own services, in process (contracts §7): boots the
# application's context on DANVAN_DATA_DIR (stop the application first: the embedded PostgreSQL lives
# there) and runs vn.danvan.petition.LifecycleServiceBench (src/test/java). Settings:
# BENCH_LIFECYCLE_SECONDS (30), BENCH_LIFECYCLE_WARMUP_SECONDS (20), BENCH_LIFECYCLE_WORKERS (1,4,8),
# BENCH_SKIP_BUILD=1 to use the classes already compiled, BENCH_JAVA_OPTS (-Xmx512m) the JVM's options.
# JAVA_HOME picks the JDK.
. "$(dirname "$0")/in-process.sh"
: "${DANVAN_DATA_DIR:?set DANVAN_DATA_DIR to a data directory with generated petitions (see README)}"
run_in_process vn.danvan.petition.LifecycleServiceBench "${BENCH_JAVA_OPTS:--Xmx512m}" "vn/danvan/petition/LifecycleServiceBench*.class"
