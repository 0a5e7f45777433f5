#!/usr/bin/env bash
# End-to-end: drag a role from the palette onto the CEO's card with the
# mouse, as a person would, type a name, press Ctrl+S, and check the file.
#   tests/e2e/drag-palette.sh path/to/ladder
# Needs a display (./run-tests runs the suite under xvfb-run) and xdotool.
# Exit 0: passed, 1: failed, 77: skipped.
set -u

ladder=${1:?usage: drag-palette.sh LADDER}

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
export XDG_DATA_HOME="$work/data"     # the recent-files list goes here
pid=
cleanup () {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

chart="$work/team.ladder"
cat > "$chart" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<orgchart version="1" title="E2E team">
  <person id="boss" role="ceo" name="Ada Obi"/>
</orgchart>
XML

"$ladder" "$chart" >"$work/log" 2>&1 &
pid=$!

wid=
for _ in $(seq 1 50); do
  wid=$(xdotool search --onlyvisible --name "E2E team" 2>/dev/null | head -n 1)
  [ -n "$wid" ] && break
  sleep 0.2
done
if [ -z "$wid" ]; then
  echo "the window did not appear"; cat "$work/log"; exit 1
fi
sleep 1
eval "$(xdotool getwindowgeometry --shell "$wid")"   # X Y WIDTH HEIGHT

# Where things are in the window (see ui/ladder-window.ui): the palette is
# 230 px wide on the left and lists the roles from the top of the
# catalogue, "Product Manager" eighth; the side pane is 360 px wide on the
# right.  A one-person chart is centred in the canvas at 100%.
header=46
row_x=$((X + 100))
row_y=$((Y + 178 + 7 * 52))
canvas_x=$((X + 231 + (WIDTH - 231 - 361) / 2))
canvas_y=$((Y + header + (HEIGHT - header) / 2))

xdotool mousemove --sync "$row_x" "$row_y"
sleep 0.3
xdotool mousedown 1
sleep 0.3
steps=12
for i in $(seq 1 $steps); do
  xdotool mousemove --sync $((row_x + (canvas_x - row_x) * i / steps)) \
                           $((row_y + (canvas_y - row_y) * i / steps))
  sleep 0.08
done
xdotool mousemove --sync $((canvas_x + 1)) "$canvas_y"
sleep 0.3
xdotool mouseup 1
sleep 1

# The new report's name entry is open: type the name, keep it, save.
xdotool type --delay 30 "Lin Wu"
xdotool key Return
sleep 0.5
xdotool key ctrl+s
sleep 1

if grep -q 'role="pm" name="Lin Wu" manager="boss"' "$chart"; then
  echo "ok: the dropped role was saved as a report of the CEO"
  exit 0
fi
echo "FAILED: the saved chart does not have the new report:"
cat "$chart"
cat "$work/log"
exit 1
