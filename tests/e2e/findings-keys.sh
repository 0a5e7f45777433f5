#!/usr/bin/env bash
# End-to-end: F8 pressed on the real window selects the first finding's
# person (the canvas sits in two GtkPaned, which want F8 for themselves),
# Delete removes that person, Ctrl+S saves; the file tells which one went.
#   tests/e2e/findings-keys.sh path/to/ladder
# Needs a display (./run-tests runs the suite under xvfb-run) and xdotool.
# Exit 0: passed, 1: failed, 77: skipped.
set -u

ladder=${1:?usage: findings-keys.sh LADDER}

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

"$ladder" "$chart" >"$work/log" 2>&1 &
pid=$!

wid=
for _ in $(seq 1 50); do
  wid=$(xdotool search --onlyvisible --name "F8 team" 2>/dev/null | head -n 1)
  [ -n "$wid" ] && break
  sleep 0.2
done
if [ -z "$wid" ]; then
  echo "the window did not appear"; cat "$work/log"; exit 1
fi
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
echo "FAILED: F8 then Delete did not remove Sam Lee:"
cat "$chart"
cat "$work/log"
exit 1
