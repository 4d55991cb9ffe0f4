#!/usr/bin/env bash
# Petition benchmark (issue point 12): national-scale petitions over the real units, the officer's
# questions via the API beside their raw SQL, complaint lifecycles over REST; writes
# bench/results/petitions-<date>.md. Settings: see bench/README.md (BENCH_PETITION_YEARS,
# BENCH_PETITIONS_PER_YEAR, ...).
exec "$(dirname "$0")/run-dataset.sh" vn.danvan.bench.PetitionBench petitions \
  "${BENCH_PETITION_YEARS:-10} years x ${BENCH_PETITIONS_PER_YEAR:-450000} petitions"
