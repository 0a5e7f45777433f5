#!/usr/bin/env bash
# End-to-end: drag a role from the palette onto the CEO's card with the
# mouse, as a person would, type a name, press Ctrl+S, and check the file.
#   tests/e2e/drag-palette.sh path/to/ladder
# Needs a display (./run-tests runs the suite under xvfb-run) and xdotool.
# Exit 0: passed, 1: failed, 77: skipped.
set -u

ladder=${1:?usage: drag-palette.sh LADDER}

. "$(dirname "$0")/common.sh"

chart="$work/team.ladder"
cat > "$chart" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<orgchart version="1" title="E2E team">
  <person id="boss" role="ceo" name="Ada Obi"/>
</orgchart>
XML

start_ladder "$chart"
wid=$(wait_for "E2E team")
[ -n "$wid" ] || fail "the window did not appear"
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
fail "the saved chart does not have the new report: $(cat "$chart")"
