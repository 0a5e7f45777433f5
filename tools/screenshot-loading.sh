#!/usr/bin/env bash
# Screenshots of the bar a long open shows (docs/screenshots/loading*.png).
#   tools/screenshot-loading.sh [BUILD]
# Generates a million-person chart with BUILD/tests/bench/ladder-bench,
# opens it with `ladder FILE` under its own Xvfb and grabs the screen while
# it is read, in English and in German.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$build"
fi

export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
work=$(mktemp -d)
export XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
trap 'rm -rf "$work"' EXIT
"$build/tests/bench/ladder-bench" --generate="$work" --sizes=1M --shapes=org >/dev/null

shoot () {
  local name=$1 delay=$2 pid
  shift 2
  env "$@" "$build/app/ladder" "$work/org-1M.ladder" >/dev/null 2>&1 &
  pid=$!
  # DELAY after the window shows (a loaded machine takes a while to start).
  for _ in $(seq 1 100); do
    xdotool search --onlyvisible --name " — Ladder" >/dev/null 2>&1 && break
    sleep 0.1
  done
  sleep "$delay"
  import -window root "docs/screenshots/$name.png"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  sleep 1
}

shoot loading 0.2 LANG=C.UTF-8
shoot loading-people 0.8 LANG=C.UTF-8
shoot loading-de 0.8 LANGUAGE=de LANG=C.UTF-8
