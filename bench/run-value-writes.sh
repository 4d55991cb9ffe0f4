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
. "$(dirname "$0")/in-process.sh"
: "${DANVAN_DATA_DIR:?set DANVAN_DATA_DIR to a kept reporting dataset (BENCH_DATASET=… BENCH_ONLY=generate bench/run-reporting.sh)}"
run_in_process vn.danvan.reporting.ValueWriteServiceBench "-Xmx1g ${BENCH_JAVA_OPTS:-}" \
  "vn/danvan/reporting/ValueWriteServiceBench*.class" "vn/danvan/reporting/ValueWriteRawCeiling*.class" \
  "vn/danvan/reporting/ValueWriteMillis*.class"
