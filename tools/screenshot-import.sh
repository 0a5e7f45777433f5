#!/usr/bin/env bash
# Screenshots of the import dialog counting a million rows
# (docs/screenshots/import-counting*.png).
#   tools/screenshot-import.sh [BUILD]
# Writes an HR export of a million people (tests/bench/gen-hr-csv), opens
# it with `ladder FILE` under its own Xvfb and grabs the screen while the
# dialog counts, in English and in German.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$build"
fi

export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
work=$(mktemp -d)
export XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
trap 'rm -rf "$work"' EXIT
tests/bench/gen-hr-csv 1000000 "$work/hr-1M.csv"

shoot () {
  local name=$1 pid
  shift
  env "$@" "$build/app/ladder" "$work/hr-1M.csv" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    xdotool search --onlyvisible --name "hr-1M.csv" >/dev/null 2>&1 && break
    sleep 0.1
  done
  sleep 0.5
  import -window root "docs/screenshots/$name.png"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  sleep 1
}

shoot import-counting LANG=C.UTF-8
shoot import-counting-de LANGUAGE=de LANG=C.UTF-8
