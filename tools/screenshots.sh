#!/usr/bin/env bash
# Screenshots of the real window, for docs/screenshots/.
#   tools/screenshots.sh [build/app/ladder]
# Starts its own Xvfb (1600x1000) unless DISPLAY is set; drives the app
# with xdotool and grabs the screen with ImageMagick's import.
set -euo pipefail
cd "$(dirname "$0")/.."

ladder=$(realpath "${1:-build/app/ladder}")
out=docs/screenshots

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$ladder"
fi

export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
work=$(mktemp -d)
export XDG_DATA_HOME="$work/data"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# shoot NAME "XDOTOOL STEPS" LADDER-ARGS...: starts the app, waits for its
# window, runs the steps (a shell snippet; $X $Y are the window's corner),
# and saves the screen cropped to the window as $out/NAME.png.
# ONLY="de dark" tools/screenshots.sh takes just those.
shoot () {
  local name=$1 steps=$2 wid pid
  shift 2
  case " ${ONLY:-$name} " in *" $name "*) ;; *) return 0 ;; esac
  "$ladder" "$@" >"$work/log" 2>&1 &
  pid=$!
  wid=
  for _ in $(seq 1 50); do
    wid=$(xdotool search --onlyvisible --name " — Ladder" 2>/dev/null | head -n 1) || true
    [ -n "$wid" ] && break
    sleep 0.2
  done
  if [ -z "$wid" ]; then
    echo "$name: no window"; kill "$pid"; return 1
  fi
  sleep 1
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  eval "$steps"
  sleep 0.8
  import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" "$out/$name.png"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$out/$name.png"
}

cp examples/scale-up.ladder "$work/scale-up.ladder"
cp examples/enterprise.ladder "$work/enterprise.ladder"

# The example chart as it opens.
shoot overview ':' "$work/scale-up.ladder"

# A person selected (the keyboard: Down selects the top of the chart,
# then its first report), and the first finding's "Why?" opened.
shoot inspector-why '
  xdotool key Down Down
  sleep 0.3
  xdotool mousemove $((X + WIDTH - 300)) $((Y + 596)) click 1
  sleep 0.5' "$work/scale-up.ladder"

# Search: Ctrl+F, a few letters, Enter for the next match.
shoot search '
  xdotool key ctrl+f
  sleep 0.3
  xdotool type --delay 40 "senior"
  sleep 0.3
  xdotool key Return' "$work/scale-up.ladder"

# The bigger example, fitted to the window.
shoot enterprise ':' "$work/enterprise.ladder"

# An empty chart: the palette and the empty state.
shoot empty ':'

# German, from the build tree's translations; a person selected so that
# the inspector shows too.
LANGUAGE=de LANG=C.UTF-8 shoot de '
  xdotool key Down Down
  sleep 0.3' "$work/scale-up.ladder"

# Dark and high-contrast styles, with a person selected.
GTK_THEME=Adwaita:dark shoot dark '
  xdotool key Down Down
  sleep 0.3' "$work/scale-up.ladder"
GTK_THEME=HighContrast shoot high-contrast '
  xdotool key Down Down
  sleep 0.3' "$work/scale-up.ladder"

# The export dialog (Ctrl+E) with a person selected, so that "only the
# team of" names them; PDF chosen from the format list.
shoot export-dialog '
  xdotool key Down Down Down Down
  sleep 0.3
  xdotool key ctrl+e
  sleep 1
  xdotool key space
  sleep 0.5
  xdotool key Down Down Return
  sleep 0.5' "$work/scale-up.ladder"
LANGUAGE=de LANG=C.UTF-8 shoot export-dialog-de '
  xdotool key Down Down Down Down
  sleep 0.3
  xdotool key ctrl+e
  sleep 1' "$work/scale-up.ladder"

# A PDF tiled over A4 landscape pages (the enterprise example, with its
# findings): its first page as an image, through poppler's pdftoppm.
case " ${ONLY:-tiled-pdf-page} " in
  *" tiled-pdf-page "*)
    if command -v pdftoppm >/dev/null; then
      "$ladder" --export="$work/wall.pdf" --page=a4-landscape --findings examples/enterprise.ladder
      pdftoppm -f 1 -l 1 -r 96 -png -singlefile "$work/wall.pdf" "$out/tiled-pdf-page"
      echo "$out/tiled-pdf-page.png"
    else
      echo "tiled-pdf-page: pdftoppm (poppler-utils) is not installed: skipped"
    fi ;;
esac

# The steps below click at places measured on a 1600x1000 window.
full_window='
  xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0
  sleep 0.8
  eval "$(xdotool getwindowgeometry --shell "$wid")"'

# The findings list: errors, warnings, notes; Fay Gul, a PM under a PM,
# breaks two rules with one reporting line: one row, both rules named.
# Her row is chosen (she is selected on the canvas) and its Why? opened.
cat > "$work/findings.ladder" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<orgchart version="1" title="Product team">
  <person id="ceo" role="ceo" name="Ada Obi"/>
  <person id="cpo" role="cpo" name="Ben Cruz" manager="ceo"/>
  <person id="hal" role="senior-pm" name="Hal Ito" manager="cpo"/>
  <person id="spm" role="senior-pm" name="Dev Ray" manager="cpo"/>
  <person id="pm1" role="pm" name="Eve Fox" manager="spm"/>
  <person id="pm2" role="pm" name="Fay Gul" manager="pm1"/>
  <person id="jr" role="junior-pm" name="Gus Hay" manager="spm"/>
  <person id="solo" role="pm" name="Ike Jo"/>
</orgchart>
XML
findings_steps="$full_window"'
  xdotool mousemove $((X + 1422)) $((Y + 633)) click 1
  sleep 0.5
  xdotool mousemove $((X + 1305)) $((Y + 767)) click 1
  sleep 0.5
  xdotool mousemove $((X + 1000)) $((Y + 950))'
shoot findings "$findings_steps" "$work/findings.ladder"
LANGUAGE=de LANG=C.UTF-8 shoot findings-de "$findings_steps" "$work/findings.ladder"

# A chart built from nothing with the palette and Enter: a CEO, a CPO
# under her, three reports under him; then, with no one selected, a
# second CEO, who goes beside the whole chart (and is its first error).
shoot new-chart "$full_window"'
  add () {  # palette row y, then the name
    xdotool mousemove $((X + 115)) $((Y + $1)) click 1
    sleep 0.3
    xdotool key Return
    sleep 0.5
    xdotool type --delay 30 "$2"
    xdotool key Return
    sleep 0.5
  }
  add 176 "Ada Obi"
  add 228 "Ben Cruz"
  add 541 "Cleo Diaz"
  xdotool mousemove $((X + 735)) $((Y + 522)) click 1
  add 488 "Eve Fox"
  xdotool mousemove $((X + 735)) $((Y + 522)) click 1
  add 541 "Gus Hay"
  xdotool mousemove $((X + 400)) $((Y + 900)) click 1
  add 176 "Zoe Lin"
  xdotool mousemove $((X + 1000)) $((Y + 950))'
