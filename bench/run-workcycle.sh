#!/usr/bin/env bash
# Work-cycle benchmark (issue 6, point 12): documents, plans, tasks and meetings over 20 years on the real units;
# identifier lookup, document search, the implementation matrix, a province's overdue tasks and meetings via the
# API beside their raw SQL; writes bench/results/workcycle-<date>[-<size>].md.
# Settings: see bench/README.md (BENCH_DOCUMENTS, BENCH_TASKS, BENCH_MEETINGS, ...).
exec "$(dirname "$0")/run-dataset.sh" vn.danvan.bench.WorkCycleBench workcycle \
  "${BENCH_DOCUMENTS:-2000000} documents, ${BENCH_TASKS:-$(( ${BENCH_DOCUMENTS:-2000000} * 5 ))} tasks over ${BENCH_WORKCYCLE_YEARS:-20} years"
