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
