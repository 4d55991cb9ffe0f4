#!/usr/bin/env bash
# "Dân vận khéo" benchmark (issue 4, point 10): a million models and exemplars over the real units,
# dashboard, list and search via the API beside their raw SQL; writes bench/results/exemplars-<date>.md.
# Settings: see bench/README.md (BENCH_EXEMPLARS, BENCH_EXEMPLAR_YEARS, ...).
exec "$(dirname "$0")/run-dataset.sh" vn.danvan.bench.ExemplarBench exemplars \
  "${BENCH_EXEMPLARS:-1000000} models over ${BENCH_EXEMPLAR_YEARS:-15} years"
