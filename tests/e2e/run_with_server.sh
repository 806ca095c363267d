#!/usr/bin/env bash
# Usage: tests/e2e/run_with_server.sh CMD [ARG...]
#
# Starts the built skolnav-server with a fresh data folder (the demo municipality) on a
# free loopback port, waits until it answers, runs CMD with
#   SKOLNAV_URL, SKOLNAV_GUARDIAN_USER, SKOLNAV_PUPIL_USER, SKOLNAV_PASSWORD, SKOLNAV_SHOTS
#   SKOLNAV_SERVER_LOG (what the server printed: the demo sign-ins and their personnummer)
# in its environment, stops the server and exits with CMD's exit code.
#
# Overrides: SKOLNAV_BUILD_DIR (default: <repo>/build), SKOLNAV_SERVER (the executable),
# SKOLNAV_WEB_DIR (the built web client), SKOLNAV_NOW (fix the server's clock, e.g.
# 2026-11-30T09:00:00Z), SKOLNAV_SERVER_ARGS (more options, e.g. "--secure-cookies"),
# SKOLNAV_KEEP_DATA=1 (keep the data folder and log).
set -u

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SKOLNAV_BUILD_DIR:-$repo/build}
server=${SKOLNAV_SERVER:-$build/server/skolnav-server}
web=${SKOLNAV_WEB_DIR:-$build/web}

if [ ! -x "$server" ]; then
  echo "run_with_server: no server at $server (build the skolnav-server target)" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/skolnav-e2e.XXXXXX")
log="$work/server.log"
args=(--host 127.0.0.1 --port 0 --data "$work/data" --web "$web")
if [ -n "${SKOLNAV_NOW:-}" ]; then args+=(--now "$SKOLNAV_NOW"); fi
if [ -n "${SKOLNAV_SERVER_ARGS:-}" ]; then
  read -r -a more <<<"$SKOLNAV_SERVER_ARGS"
  args+=("${more[@]}")
fi

"$server" "${args[@]}" >"$log" 2>&1 &
server_pid=$!

stop_server() {
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 1 100); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$server_pid" 2>/dev/null && kill -KILL "$server_pid" 2>/dev/null
  fi
  wait "$server_pid" 2>/dev/null
  if [ "${SKOLNAV_KEEP_DATA:-0}" = 1 ]; then
    echo "run_with_server: data and log kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The server prints "Listening on http://HOST:PORT/" once its socket accepts.
url=""
for _ in $(seq 1 600); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run_with_server: the server exited during start-up:" >&2
    cat "$log" >&2
    exit 2
  fi
  url=$(sed -n 's#^Listening on \(http://[^ ]*[0-9]\)/\?$#\1#p' "$log" | head -n 1)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "run_with_server: the server did not start within 60 s:" >&2
  cat "$log" >&2
  exit 2
fi
# ...and answers (an API reply without a session is a 401).
for _ in $(seq 1 100); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/me" 2>/dev/null || true)
  [ "$code" != "000" ] && [ -n "$code" ] && break
  sleep 0.1
done

export SKOLNAV_URL="$url"
export SKOLNAV_SERVER_LOG="$log"
export SKOLNAV_GUARDIAN_USER=demo.vh
export SKOLNAV_PUPIL_USER=demo.elev
export SKOLNAV_PASSWORD=demo
export SKOLNAV_SHOTS="${SKOLNAV_SHOTS:-$build/screenshots}"
mkdir -p "$SKOLNAV_SHOTS"
echo "run_with_server: $url (log: $log)" >&2

"$@"
status=$?
if [ $status -ne 0 ]; then
  echo "run_with_server: '$*' exited with $status; server log:" >&2
  tail -n 50 "$log" >&2
fi
exit $status
