# Sourced by the run scripts: stops the application a benchmark run started (and its PostgreSQL)
# should the benchmark not have done so — only the pids named in the state file and in that data
# directory's postmaster.pid, nothing else — and removes its temporary data directory.
# Needs: $state (bench/target/app.pid: pid, data dir).
stop_app() {
  [ -f "$state" ] || return 0
  local pid data pg me
  me="$(basename "$0")"
  pid="$(sed -n 1p "$state")"
  data="$(sed -n 2p "$state")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'danvan\.jar'; then
    echo "$me: stopping the application (pid $pid)" >&2
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  if [ -n "$data" ] && [ -f "$data/pg/postmaster.pid" ]; then
    pg="$(sed -n 1p "$data/pg/postmaster.pid")"
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null && tr '\0' ' ' < "/proc/$pg/cmdline" | grep -q "postgres"; then
      echo "$me: stopping its PostgreSQL (pid $pg)" >&2
      kill -TERM "$pg" 2>/dev/null || true
      for _ in $(seq 1 600); do kill -0 "$pg" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  case "$(basename "$data")" in danvan-bench-*) rm -rf -- "$data" ;; esac
  rm -f "$state"
}
trap stop_app EXIT
trap 'exit 130' INT TERM
