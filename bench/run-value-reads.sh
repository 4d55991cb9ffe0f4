#!/usr/bin/env bash
# Reporting's answers through danvan's own services, in process (contracts §7, issue 8 point 12): boots the
# application's context on DANVAN_DATA_DIR (a kept reporting dataset, see bench/README.md "Keeping a generated
# dataset"; stop the application first: the embedded PostgreSQL lives there) and runs
# vn.danvan.reporting.ValueReadServiceBench (src/test/java): q1–q4 through the services the controllers call, beside
# the raw SQL of the same questions by JDBC in the same JVM. Settings: BENCH_READ_WARMUP (2000), BENCH_READ_SAMPLES
# (1000), BENCH_READ_SQL_WARMUP (5), BENCH_READ_SQL_SAMPLES (30), BENCH_READ_QUESTIONS (q1,q2,q3,q4),
# BENCH_READ_USER (admin), BENCH_SKIP_BUILD=1 to use the classes already compiled, BENCH_APP_CLASSES=<dir> to
# measure the application classes of another build (e.g. a copy of target/classes made before a change).
# BENCH_JAVA_OPTS adds JVM options (e.g. a JFR recording). JAVA_HOME picks the JDK.
. "$(dirname "$0")/in-process.sh"
: "${DANVAN_DATA_DIR:?set DANVAN_DATA_DIR to a kept reporting dataset (BENCH_DATASET=… BENCH_ONLY=generate bench/run-reporting.sh)}"
run_in_process vn.danvan.reporting.ValueReadServiceBench "-Xmx1g ${BENCH_JAVA_OPTS:-}" \
  "vn/danvan/reporting/ValueReadServiceBench*.class" "vn/danvan/reporting/ValueReadSql*.class" \
  "vn/danvan/reporting/ValueWriteMillis*.class" "vn/danvan/identity/BenchSignIn.class"
