#!/usr/bin/env bash
# Validates Ladder's desktop integration files as the build produces them:
# the merged desktop entry and metainfo, the MIME type, the icons and the
# GSettings schema, and that they agree with each other and with meson.
#   tests/test-data.sh SOURCE_DIR BUILD_DIR VERSION
# TAP output, one test per check.
set -u

src=$1
build=$2
version=$3
app_id=io.github.ladderchart.Ladder
mime_type=application/x-ladder+xml
desktop=$build/resources/$app_id.desktop
metainfo=$build/resources/$app_id.metainfo.xml
mime=$src/resources/$app_id.mime.xml
schema=$src/resources/$app_id.gschema.xml

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
# check NAME COMMAND...: one TAP line; the command's output goes to the
# log as a diagnostic when it fails.
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

# xpath FILE EXPR: the string value of EXPR, namespaces stripped by
# local-name() in the callers.
xpath () {
  xmllint --xpath "$2" "$1" 2>/dev/null
}

# equals WANT GOT: prints both when they differ.
equals () {
  [ "$1" = "$2" ] || { echo "expected: '$1'"; echo "     got: '$2'"; return 1; }
}

desktop_key () {
  sed -n "s/^$1=//p" "$desktop"
}

# --- desktop entry
check "desktop-file-validate accepts the merged desktop entry" \
  desktop-file-validate "$desktop"
check "desktop entry runs the ladder binary with files" \
  equals "ladder %F" "$(desktop_key Exec)"
check "desktop entry names the application icon" \
  equals "$app_id" "$(desktop_key Icon)"
check "desktop entry opens $mime_type" \
  equals "$mime_type;" "$(desktop_key MimeType)"
check "desktop entry carries the German translation" \
  grep -qx 'Comment\[de\]=.\+' "$desktop"
check "desktop entry keeps the Keywords' semicolons in German" \
  grep -qx 'Keywords\[de\]=\([^;]\+;\)\+' "$desktop"

# --- metainfo
check "appstreamcli validate --no-net accepts the merged metainfo" \
  appstreamcli validate --no-net "$metainfo"
check "metainfo id is the application id" \
  equals "$app_id" "$(xpath "$metainfo" 'string(/component/id)')"
check "metainfo launches the desktop entry" \
  equals "$app_id.desktop" "$(xpath "$metainfo" 'string(/component/launchable[@type="desktop-id"])')"
check "metainfo provides the binary and the MIME type" \
  equals "ladder $mime_type" \
  "$(xpath "$metainfo" 'concat(/component/provides/binary, " ", /component/provides/mediatype)')"
check "metainfo has an OARS content rating" \
  equals "oars-1.1" "$(xpath "$metainfo" 'string(/component/content_rating/@type)')"
check "the newest release in the metainfo is the project version" \
  equals "$version" "$(xpath "$metainfo" 'string(/component/releases/release[1]/@version)')"
check "every release has notes" \
  equals "0" "$(xpath "$metainfo" 'count(/component/releases/release[not(description/p)])')"
check "metainfo carries the German translation" \
  equals "1" "$(xpath "$metainfo" 'count(/component/summary[@xml:lang="de"])')"

# Screenshots point at the repository's docs/screenshots, which must hold them.
screenshots_ok () {
  local base=https://raw.githubusercontent.com/ladderchart/ladder/main/
  local urls url count=0
  urls=$(xpath "$metainfo" '/component/screenshots/screenshot/image/text()')
  for url in $urls; do
    count=$((count + 1))
    case $url in
      "$base"docs/screenshots/*.png) ;;
      *) echo "not a docs/screenshots URL: $url"; return 1 ;;
    esac
    [ -f "$src/${url#"$base"}" ] || { echo "missing in the repository: ${url#"$base"}"; return 1; }
  done
  [ "$count" -ge 1 ] || { echo "no screenshot"; return 1; }
}
check "screenshots are docs/screenshots/*.png of the repository" screenshots_ok

# --- MIME type
mime_xpath () {
  xpath "$mime" "string(/*[local-name()='mime-info']/*[local-name()='mime-type']$1)"
}
check "MIME type description is well-formed XML" xmllint --noout "$mime"
check "MIME type is $mime_type" equals "$mime_type" "$(mime_xpath '/@type')"
check "MIME type globs *.ladder" equals "*.ladder" "$(mime_xpath "/*[local-name()='glob']/@pattern")"
check "MIME type recognises an <orgchart> root" \
  equals "orgchart" "$(mime_xpath "/*[local-name()='root-XML']/@localName")"
check "MIME type is a kind of XML" \
  equals "application/xml" "$(mime_xpath "/*[local-name()='sub-class-of']/@type")"

# --- icons
check "application icon is a 128 px SVG" \
  equals "128 128" "$(xpath "$src/resources/icons/$app_id.svg" 'concat(/*/@width, " ", /*/@height)')"
check "symbolic icon is a 16 px SVG" \
  equals "16 16" "$(xpath "$src/resources/icons/$app_id-symbolic.svg" 'concat(/*/@width, " ", /*/@height)')"

# --- GSettings schema
check "glib-compile-schemas --strict accepts the schema" \
  glib-compile-schemas --strict --dry-run "$(dirname "$schema")"
check "the build tree has the compiled schema" \
  test -s "$build/resources/gschemas.compiled"
schema_keys () {
  GSETTINGS_SCHEMA_DIR=$build/resources GSETTINGS_BACKEND=memory \
    gsettings list-keys "$app_id" | sort | tr '\n' ' '
}
check "the schema has the window, panel, layout, export, report-count, overview-map and rules-file keys" \
  equals "default-layout last-export-folder palette-width rules-file show-overview-map show-report-counts side-panel-position side-panel-width window-height window-maximized window-width " \
  "$(schema_keys)"
check "the overview map shows by default" \
  equals "true" "$(GSETTINGS_SCHEMA_DIR=$build/resources GSETTINGS_BACKEND=memory gsettings get $app_id show-overview-map)"
check "new charts default to the tree layout" \
  equals "'tree'" "$(GSETTINGS_SCHEMA_DIR=$build/resources GSETTINGS_BACKEND=memory gsettings get $app_id default-layout)"

echo "1..$n"
[ "$failed" -eq 0 ]
