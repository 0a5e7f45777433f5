#!/usr/bin/env bash
# End-to-end: an edit, then the app is killed (kill -9) before saving; the
# next start offers the chart back, Return restores it, Ctrl+S saves it to
# the original file.  As a person would, with xdotool.
#   tests/e2e/recovery.sh path/to/ladder [SCREENSHOT.png [RESTORED.png]]
# Needs a display (./run-tests runs the suite under xvfb-run) and xdotool.
# With SCREENSHOT, the restore offer is saved there (ImageMagick import),
# and with RESTORED the window with the restored chart.
# Exit 0: passed, 1: failed, 77: skipped.
set -u

ladder=${1:?usage: recovery.sh LADDER [SCREENSHOT.png]}
shot=${2:-}
shot_restored=${3:-}

. "$(dirname "$0")/common.sh"
kill_signal=KILL
recovery="$XDG_DATA_HOME/ladder/recovery"

chart="$work/team.ladder"
cat > "$chart" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<orgchart version="1" title="Recovery team">
  <person id="boss" role="ceo" name="Ada Obi"/>
</orgchart>
XML
original=$(cat "$chart")

start_ladder "$chart"
wid=$(wait_for "Recovery team")
[ -n "$wid" ] || fail "the window did not appear"
sleep 1
eval "$(xdotool getwindowgeometry --shell "$wid")"   # X Y WIDTH HEIGHT

# The one card is centred in the canvas (see drag-palette.sh for the
# layout): click it, rename it with F2, and leave the edit unsaved.
header=46
canvas_x=$((X + 231 + (WIDTH - 231 - 361) / 2))
canvas_y=$((Y + header + (HEIGHT - header) / 2))
xdotool mousemove --sync "$canvas_x" "$canvas_y" click 1
sleep 0.5
xdotool key F2
sleep 0.5
xdotool key ctrl+a
xdotool type --delay 30 "Grace Hopper"
xdotool key Return

# The recovery copy follows within a few seconds.
for _ in $(seq 1 50); do
  grep -qs 'name="Grace Hopper"' "$recovery"/*.ladder && break
  sleep 0.2
done
grep -qs 'name="Grace Hopper"' "$recovery"/*.ladder || fail "no recovery copy with the edit"
[ "$(cat "$chart")" = "$original" ] || fail "the user's file was written"

kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=

# The next start, without a file: the offer comes over the empty window.
start_ladder
dialog=$(wait_for "Recover Charts")
[ -n "$dialog" ] || fail "no restore offer after the kill"
sleep 1
if [ -n "$shot" ]; then
  # Xvfb has no window manager to centre the dialog over its window.
  eval "$(xdotool getwindowgeometry --shell "$dialog" | sed 's/^/D_/')"
  main=$(xdotool search --onlyvisible --name " — Ladder" | head -n 1)
  eval "$(xdotool getwindowgeometry --shell "$main")"
  xdotool windowmove --sync "$dialog" $((X + (WIDTH - D_WIDTH) / 2)) $((Y + 60))
  sleep 0.5
  import -window root "$shot" || fail "no screenshot"
fi
xdotool windowactivate --sync "$dialog" 2>/dev/null
xdotool key --window "$dialog" Return          # Restore is the default
restored=$(wait_for "Recovery team")
[ -n "$restored" ] || fail "the restored chart did not appear"
sleep 1
if [ -n "$shot_restored" ]; then
  import -window root "$shot_restored" || fail "no screenshot"
fi
xdotool windowactivate --sync "$restored" 2>/dev/null
xdotool key ctrl+s
for _ in $(seq 1 25); do
  grep -q 'name="Grace Hopper"' "$chart" && break
  sleep 0.2
done
grep -q 'role="ceo" name="Grace Hopper"' "$chart" || fail "the restored chart was not saved to $chart"
sleep 0.5
ls "$recovery"/*.ladder >/dev/null 2>&1 && fail "the recovery copy is still there after saving"
echo "ok: killed with an unsaved edit, offered at the next start, restored and saved"
exit 0
