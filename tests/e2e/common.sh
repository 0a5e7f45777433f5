# common.sh — sourced by the end-to-end scripts: skips without a display
# or xdotool (exit 77), sets the environment of the real program, makes
# $work (removed at exit, $XDG_DATA_HOME in it) and kills the program
# started with start_ladder when the script ends.
#   . "$(dirname "$0")/common.sh"

if [ -z "${DISPLAY:-}" ]; then
  echo "no DISPLAY: skipped"
  exit 77
fi
if ! command -v xdotool >/dev/null; then
  echo "xdotool not installed: skipped"
  exit 77
fi

export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
work=$(mktemp -d)
export XDG_DATA_HOME="$work/data"     # recent files and recovery copies go here
pid=
# The signal cleanup sends the program (recovery.sh: KILL, as a crash).
kill_signal=TERM
cleanup () {
  [ -n "$pid" ] && kill -s "$kill_signal" "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

fail () {
  echo "FAILED: $*"
  [ -f "$work/log" ] && cat "$work/log"
  exit 1
}

# start_ladder ARGS...: runs the program in the background, output in
# $work/log, its process id in $pid.
start_ladder () {
  "$ladder" "$@" >"$work/log" 2>&1 &
  pid=$!
}

# wait_for NAME: the id of the first visible window whose title has NAME
# (up to 30 s: a loaded CI machine can take that long to start GTK).
wait_for () {
  local wid=
  for _ in $(seq 1 150); do
    wid=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1)
    [ -n "$wid" ] && break
    sleep 0.2
  done
  echo "$wid"
}
