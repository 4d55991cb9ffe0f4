#!/usr/bin/env bash
# Computed indicators through GET /api/values/aggregate (issue 8, point 12): signs in as admin with curl on an
# application already running, then for each question 3 warm-ups and 20 timed requests, one after the other (whole
# body), and prints p50 / p95 / max in milliseconds — the questions of bench/results/reporting-computed-*-s12.txt.
#
#   bench/aggregate-computed.sh <port> <dataset dir with bench-dataset.properties>
#
# Settings: BENCH_WARMUP (3), BENCH_REQUESTS (20), BENCH_QUESTIONS (space-separated "CODE&unit=U&period=P").
# Reads nothing but the dataset's record (for the admin password) and writes nothing but a cookie jar in a temporary
# directory; start and stop the application yourself (DANVAN_DATA_DIR=<copy> SERVER_PORT=<port> java -jar target/danvan.jar).
set -euo pipefail
port=${1:?port}
dataset=${2:?dataset directory}
warmup=${BENCH_WARMUP:-3}
requests=${BENCH_REQUESTS:-20}
questions=${BENCH_QUESTIONS:-"DON_TIEP_NHAN&unit=VN&period=2025 DON_TIEP_NHAN&unit=VN&period=2024 DON_DA_XU_LY&unit=VN&period=2024 VU_VIEC_DA_GIAI_QUYET&unit=VN&period=2024 LUOT_TIEP_CONG_DAN&unit=VN&period=2024 DON_TIEP_NHAN&unit=20&period=2025Q2 VU_VIEC_DA_GIAI_QUYET&unit=20&period=2024"}
base="http://127.0.0.1:$port"
password=$(sed -n 's/^adminPassword=//p' "$dataset/bench-dataset.properties")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar="$work/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$csrf" "$base/login"
check=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/api/values/aggregate?indicator=DON_TIEP_NHAN&unit=VN&period=2025")
[ "$check" = 200 ] || { echo "not signed in (HTTP $check)" >&2; exit 1; }
for q in $questions; do
  url="$base/api/values/aggregate?indicator=$q"
  for _ in $(seq 1 "$warmup"); do curl -s -o /dev/null -b "$jar" "$url"; done
  times=()
  for _ in $(seq 1 "$requests"); do
    times+=("$(curl -s -o /dev/null -b "$jar" -w '%{time_total}' "$url")")
  done
  value=$(curl -s -b "$jar" "$url" | sed -n 's/.*"value":\([^,]*\),.*"previousValue":\([^,]*\),.*/\1 (a year before \2)/p')
  printf '%s\n' "${times[@]}" | sort -g | awk -v q="$q" -v v="$value" '
    { t[NR] = $1 * 1000 }
    END {
      # nearest rank: the ceil(p * n)-th of the sorted times
      n = NR; i50 = int(0.50 * n); if (i50 < 0.50 * n) i50++; i95 = int(0.95 * n); if (i95 < 0.95 * n) i95++
      printf "%-45s p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms   value %s\n", q, t[i50], t[i95], t[n], v
    }'
done
