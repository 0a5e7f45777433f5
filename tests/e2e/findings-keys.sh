#!/usr/bin/env bash
# End-to-end: F8 pressed on the real window selects the first finding's
# person (the canvas sits in two GtkPaned, which want F8 for themselves),
# Delete removes that person, Ctrl+S saves; the file tells which one went.
#   tests/e2e/findings-keys.sh path/to/ladder
# Needs a display (./run-tests runs the suite under xvfb-run) and xdotool.
# Exit 0: passed, 1: failed, 77: skipped.
set -u

ladder=${1:?usage: findings-keys.sh LADDER}

. "$(dirname "$0")/common.sh"

# One finding, about Sam (a VP of Product under a Group PM).
chart="$work/team.ladder"
cat > "$chart" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<orgchart version="1" title="F8 team">
  <person id="boss" role="ceo" name="Ada Obi"/>
  <person id="cpo" role="cpo" name="Ben Cruz" manager="boss"/>
  <person id="gpm" role="group-pm" name="Cleo Diaz" manager="cpo"/>
  <person id="vp" role="vp-product" name="Sam Lee" manager="gpm"/>
</orgchart>
XML

start_ladder "$chart"
wid=$(wait_for "F8 team")
[ -n "$wid" ] || fail "the window did not appear"
sleep 1
eval "$(xdotool getwindowgeometry --shell "$wid")"   # X Y WIDTH HEIGHT

# A click on empty canvas (top left of it) gives the canvas the focus.
xdotool mousemove --sync $((X + 260)) $((Y + 80)) click 1
sleep 0.3
xdotool key F8
sleep 0.5
xdotool key Delete
sleep 0.5
xdotool key ctrl+s
sleep 1

if ! grep -q 'name="Sam Lee"' "$chart" && grep -q 'name="Cleo Diaz"' "$chart"; then
  echo "ok: F8 selected the person of the finding"
  exit 0
fi
fail "F8 then Delete did not remove Sam Lee: $(cat "$chart")"
