#!/usr/bin/env bash
# Oversight benchmark (issue 7, point 10): ten years of inspections, dialogues and People's Inspection Board activity on
# the real communes; a province's overdue recommendations, a commune's public accountability page (both tabs) and the
# country's figures for a year via the application beside their raw SQL; writes bench/results/oversight-<date>[-reduced-…].md.
# Settings: see bench/README.md (BENCH_OVERSIGHT_YEARS, BENCH_OVERSIGHT_SCALE, ...).
exec "$(dirname "$0")/run-dataset.sh" vn.danvan.bench.OversightBench oversight \
  "${BENCH_OVERSIGHT_YEARS:-10} years of oversight, communes at scale ${BENCH_OVERSIGHT_SCALE:-1}"
