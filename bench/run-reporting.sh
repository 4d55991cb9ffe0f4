#!/usr/bin/env bash
# Reporting benchmark (issue 8, point 12): 60 indicators and ~20 M values over the real units, the aggregation peer's
# questions via danvan's API beside their raw SQL and a DHIS2-style rebuilt analytics table, writes and freshness;
# writes bench/results/reporting-<date>[-reduced].md. Settings: see bench/README.md (BENCH_REPORTING_VALUES, ...).
exec "$(dirname "$0")/run-dataset.sh" vn.danvan.bench.ReportingBench reporting \
  "${BENCH_REPORTING_VALUES:-20000000} values"
