#!/usr/bin/env bash
# End-to-end: folding is the view, not an edit, in the real window.
#   1. Space on a team, then Ctrl+W: the window closes without asking.
#   2. An edit, a fold, Ctrl+Z: the edit is undone, not the fold; Ctrl+S
#      writes the fold.
#   3. Ctrl+F on a name inside a folded team unfolds it and selects the
#      card (Delete then removes that person).
#   4. F8 reaches a finding inside a folded team the same way.
#   5. A role added from the palette, then Escape in the name box: the add
#      is taken back (nothing to save, nothing to undo).
#   tests/e2e/view-state.sh path/to/ladder
# With LADDER_SCREENSHOTS=DIR, a screenshot of each step goes to DIR.
# Needs a display (./run-tests runs the suite under xvfb-run) and xdotool.
# Exit 0: passed, 1: failed, 77: skipped.
set -u

ladder=${1:?usage: view-state.sh LADDER}

. "$(dirname "$0")/common.sh"

shots=${LADDER_SCREENSHOTS:-}
shoot () {
  [ -n "$shots" ] && import -window root "$shots/$1.png"
  return 0
}

# One finding, about Sam (a VP of Product under a Group PM), whose team
# (Cleo's) is folded in the file.
write_chart () {
  cat > "$chart" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<orgchart version="1" title="$1">
  <person id="boss" role="ceo" name="Ada Obi"/>
  <person id="cpo" role="cpo" name="Ben Cruz" manager="boss"/>
  <person id="gpm" role="group-pm" name="Cleo Diaz" manager="cpo"$2/>
  <person id="vp" role="vp-product" name="Sam Lee" manager="gpm"/>
  <person id="pm" role="pm" name="Tom Berg" manager="gpm"/>
  <person id="eng" role="other" name="Eva Kim" manager="boss" title="Head of Engineering"/>
  <person id="dev" role="other" name="Dan Wu" manager="eng" title="Engineer"/>
</orgchart>
XML
}

# open TITLE: starts the program on $chart, waits for its window, and
# gives the canvas the focus (a click on empty canvas).
open_chart () {
  start_ladder "$chart"
  wid=$(wait_for "$1")
  [ -n "$wid" ] || fail "the window on “$1” did not appear"
  sleep 1
  eval "$(xdotool getwindowgeometry --shell "$wid")"   # X Y WIDTH HEIGHT
  xdotool mousemove --sync $((X + 260)) $((Y + 80)) click 1
  sleep 0.3
}

# gone: TRUE once the program has exited by itself.
gone () {
  for _ in $(seq 1 25); do
    kill -0 "$pid" 2>/dev/null || { pid=; return 0; }
    sleep 0.2
  done
  return 1
}

quit_ladder () {
  xdotool key ctrl+q
  gone || { kill "$pid"; pid=; }
  sleep 0.3
}

chart="$work/team.ladder"

# 1. Space, then Ctrl+W.
write_chart "Fold then close" ""
open_chart "Fold then close"
xdotool key Down          # the first root: Ada Obi
sleep 0.3
xdotool key space
sleep 0.5
shoot fold-then-close
xdotool key ctrl+w
gone || { shoot fold-then-close-asked; fail "Ctrl+W after a fold did not close the window"; }
grep -q 'collapsed' "$chart" && fail "closing wrote the fold"
echo "ok: Space then Ctrl+W closed without asking"

# 2. An edit (Delete Tom Berg), a fold of Eva's team, Ctrl+Z, Ctrl+S.
write_chart "Undo after fold" ""
open_chart "Undo after fold"
xdotool key ctrl+f
sleep 0.3
xdotool type --delay 40 "Tom Berg"
sleep 0.6
xdotool key Escape
sleep 0.3
xdotool key Delete
sleep 0.4
xdotool key ctrl+f
sleep 0.3
xdotool type --delay 40 "Eva Kim"
sleep 0.6
xdotool key Escape
sleep 0.3
xdotool key space
sleep 0.4
xdotool key ctrl+z
sleep 0.5
shoot undo-after-fold
xdotool key ctrl+s
sleep 1
quit_ladder
grep -q 'name="Tom Berg"' "$chart" || fail "Ctrl+Z after a fold did not bring Tom Berg back: $(cat "$chart")"
grep -q 'id="eng".*collapsed="true"' "$chart" || fail "the fold was not kept and saved: $(cat "$chart")"
echo "ok: Ctrl+Z after a fold undid the edit and kept the fold"

# 3. Ctrl+F on Tom Berg, folded away under Cleo.
write_chart "Search in a fold" ' collapsed="true"'
open_chart "Search in a fold"
xdotool key ctrl+f
sleep 0.3
xdotool type --delay 40 "Tom Berg"
sleep 0.8
shoot search-unfolds
xdotool key Escape
sleep 0.3
xdotool key Delete
sleep 0.4
xdotool key ctrl+s
sleep 1
quit_ladder
grep -q 'name="Tom Berg"' "$chart" && fail "Ctrl+F did not select Tom Berg in the folded team: $(cat "$chart")"
grep -q 'collapsed' "$chart" && fail "the team stayed folded: $(cat "$chart")"
echo "ok: Ctrl+F unfolded the team and selected the card"

# 4. F8 to Sam Lee's finding, folded away under Cleo.
write_chart "F8 in a fold" ' collapsed="true"'
open_chart "F8 in a fold"
xdotool key F8
sleep 0.8
shoot f8-unfolds
xdotool key Delete
sleep 0.4
xdotool key ctrl+s
sleep 1
quit_ladder
grep -q 'name="Sam Lee"' "$chart" && fail "F8 did not select Sam Lee in the folded team: $(cat "$chart")"
grep -q 'name="Tom Berg"' "$chart" || fail "F8 then Delete removed someone else: $(cat "$chart")"
echo "ok: F8 unfolded the team and selected the finding's card"

# 5. Ada selected, "Product Manager" chosen in the palette and Enter (a
# new report of Ada, its name box open), Escape.
write_chart "Escape an add" ""
open_chart "Escape an add"
xdotool key Down
sleep 0.3
xdotool mousemove --sync $((X + 100)) $((Y + 178 + 7 * 52)) click 1
sleep 0.3
xdotool key Return
sleep 0.8
shoot add-name-box
xdotool key Escape
sleep 0.5
shoot add-escaped
xdotool mousemove --sync $((X + 260)) $((Y + 80)) click 1
sleep 0.3
xdotool key ctrl+z
sleep 0.3
xdotool key ctrl+s
sleep 1
quit_ladder
[ "$(grep -c '<person ' "$chart")" = 7 ] || fail "Escape did not take the add back: $(cat "$chart")"
grep -q 'name="Tom Berg"' "$chart" || fail "Ctrl+Z after the cancelled add undid something else: $(cat "$chart")"
echo "ok: Escape in the name box took the add back"
exit 0
