#!/usr/bin/env bash
# Installs a built Ladder into a temporary DESTDIR and checks that the
# desktop integration lands where the desktop looks for it and works there:
# desktop entry, metainfo, MIME type (by name and by content), icons,
# GSettings schema and the German messages.
#   tools/check-install.sh BUILD_DIR        (also run as the meson test "install")
# TAP output; the temporary tree is removed afterwards.
set -u

build=$(cd "$1" && pwd) || exit 1
app_id=io.github.ladderchart.Ladder
mime_type=application/x-ladder+xml

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
destdir=$tmp/destdir

n=0
failed=0
check () {
  local name=$1
  shift
  n=$((n + 1))
  if "$@" >"$tmp/out" 2>&1; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    sed 's/^/# /' "$tmp/out"
    failed=$((failed + 1))
  fi
}

equals () {
  [ "$1" = "$2" ] || { echo "expected: '$1'"; echo "     got: '$2'"; return 1; }
}

option () {
  meson introspect "$build" --buildoptions |
    python3 -c 'import json, sys
print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == sys.argv[1]))' "$1"
}

prefix=$(option prefix)
datadir=$(option datadir)
localedir=$(option localedir)
bindir=$(option bindir)
root=$destdir$prefix
share=$root/$datadir

check "meson install --destdir succeeds" \
  meson install -C "$build" --destdir "$destdir" --no-rebuild --quiet

installed () {
  local f missing=0
  for f in "$root/$bindir/ladder" \
           "$share/applications/$app_id.desktop" \
           "$share/metainfo/$app_id.metainfo.xml" \
           "$share/mime/packages/$app_id.xml" \
           "$share/icons/hicolor/scalable/apps/$app_id.svg" \
           "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
           "$share/glib-2.0/schemas/$app_id.gschema.xml" \
           "$root/$localedir/de/LC_MESSAGES/ladder.mo"; do
    [ -s "$f" ] || { echo "not installed: ${f#"$destdir"}"; missing=1; }
  done
  return $missing
}
check "desktop entry, metainfo, MIME type, icons, schema and locale are installed" installed

check "the installed ladder runs" \
  sh -c '"$1" --version | grep -q "^ladder "' sh "$root/$bindir/ladder"

check "the installed desktop entry validates" \
  desktop-file-validate "$share/applications/$app_id.desktop"
check "the installed metainfo validates" \
  appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml"
check "the installed schemas compile strictly" \
  glib-compile-schemas --strict --targetdir "$tmp" "$share/glib-2.0/schemas"

# What the desktop does with the files: update-mime-database builds the
# MIME database, GIO then sniffs files and finds the handler through it.
# gnome.post_install runs these on a real install; DESTDIR skips them.
check "update-mime-database registers $mime_type" \
  sh -c 'update-mime-database "$1" && test -s "$1/$2.xml"' sh "$share/mime" "$mime_type"
check "update-desktop-database indexes the desktop entry" \
  sh -c 'update-desktop-database "$1" && grep -qx "$2=$3.desktop;" "$1/mimeinfo.cache"' \
  sh "$share/applications" "$mime_type" "$app_id"

mkdir -p "$tmp/files" "$tmp/home"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<orgchart version="1">\n  <person id="p1" role="ceo" name="Ada Obi"/>\n</orgchart>\n' \
  >"$tmp/files/team.ladder"
cp "$tmp/files/team.ladder" "$tmp/files/team-chart"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<catalog/>\n' >"$tmp/files/catalog"

gio_with_install () {
  PATH=$root/$bindir:$PATH XDG_DATA_HOME=$tmp/home XDG_DATA_DIRS=$share:/usr/share \
    GIO_USE_VFS=local gio "$@"
}
content_type () {
  gio_with_install info -a standard::content-type "$1" |
    sed -n 's/^ *standard::content-type: //p'
}
check "a .ladder file is $mime_type" \
  equals "$mime_type" "$(content_type "$tmp/files/team.ladder")"
# GIO trusts a single glob match (a chart saved as .xml stays
# application/xml there); without an extension the magic decides.
check "a chart without an extension is $mime_type by its content" \
  equals "$mime_type" "$(content_type "$tmp/files/team-chart")"
check "other XML without an extension stays application/xml" \
  equals "application/xml" "$(content_type "$tmp/files/catalog")"
registered () {
  local out
  out=$(gio_with_install mime "$mime_type") || return 1
  echo "$out"
  echo "$out" | grep -q "$app_id\.desktop"
}
check "Ladder is the registered application for $mime_type" registered

check "the installed icons are the ones in resources/icons" \
  sh -c 'cmp "$1/resources/icons/$2.svg" "$3/scalable/apps/$2.svg" &&
         cmp "$1/resources/icons/$2-symbolic.svg" "$3/symbolic/apps/$2-symbolic.svg"' \
  sh "$(cd "$(dirname "$0")/.." && pwd)" "$app_id" "$share/icons/hicolor"

german () {
  msgunfmt "$root/$localedir/de/LC_MESSAGES/ladder.mo" >"$tmp/de.po" &&
    grep -A1 -x 'msgid "Head of Product"' "$tmp/de.po" | grep -qx 'msgstr "[^"]\+"' ||
    { echo "no German for \"Head of Product\" in the installed catalogue"; return 1; }
}
check "the installed German catalogue translates role names" german

echo "1..$n"
[ "$failed" -eq 0 ]
