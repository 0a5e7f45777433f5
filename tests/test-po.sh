#!/usr/bin/env bash
# Checks the translation machinery and the German translation:
#   - every source file with translatable strings is listed in POTFILES.in,
#   - the template regenerates without warnings (into a temporary
#     directory: the source tree is left alone),
#   - every message of the template has a German translation in po/de.po
#     that is neither missing nor fuzzy,
#   - msgfmt --check passes, mnemonics and {placeholders} are kept.
#   tests/test-po.sh SOURCE_DIR
# TAP output.
set -u

src=$1
cd "$src" || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

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

listed () {
  grep -v -e '^#' -e '^[[:space:]]*$' po/POTFILES.in
}

# Files that mark strings: _() and friends in C, translatable="yes" in
# .ui and XML data.  A file missing from POTFILES.in is silently left
# untranslated, so this is what catches a new dialog or widget.
potfiles_complete () {
  local f missing=0
  for f in $(grep -l -E '(^|[^A-Za-z0-9_])(N?C?_|g_dpgettext2|g_dngettext|ngettext)[[:space:]]*\(' \
               app/*.c app/core/*.c 2>/dev/null) \
           $(grep -l 'translatable="yes"' ui/*.ui resources/*.xml 2>/dev/null); do
    listed | grep -qxF "$f" || { echo "not in po/POTFILES.in: $f"; missing=1; }
  done
  return $missing
}

potfiles_exist () {
  local f missing=0
  for f in $(listed); do
    [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; missing=1; }
  done
  return $missing
}

# The same extraction as meson's ladder-pot target (i18n.gettext, preset
# glib, data_dirs po/ so that po/its/ladder.loc is found).
make_template () {
  GETTEXTDATADIRS=$src/po xgettext --package-name=ladder -f po/POTFILES.in -D "$src" \
    -o "$tmp/ladder.pot" \
    --from-code=UTF-8 --add-comments \
    -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
    --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
    --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
    --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
    2>"$tmp/xgettext.err"
  local rc=$?
  cat "$tmp/xgettext.err"
  [ $rc -eq 0 ] && [ ! -s "$tmp/xgettext.err" ]
}

# Role names and rule messages come from resources/rules.xml through the
# ITS rule: without it they would silently drop out of the template.
template_has_rules () {
  grep -qx 'msgid "Head of Product"' "$tmp/ladder.pot" &&
    grep -q '^#: resources/rules.xml' "$tmp/ladder.pot" &&
    ! grep -q 'highest-ranking executive in a company' "$tmp/ladder.pot" ||
    { echo "role names missing or citations extracted"; return 1; }
}

merge () {
  msgmerge --quiet --previous -o "$tmp/de.po" po/de.po "$tmp/ladder.pot"
}

# msgattrib prints nothing when there is nothing to report.
all_translated () {
  msgattrib --untranslated --no-obsolete "$tmp/de.po" | grep -v '^#\.' >"$tmp/untranslated"
  if grep -q '^msgid "[^"]' "$tmp/untranslated" || [ "$(grep -c '^msgid' "$tmp/untranslated")" -gt 1 ]; then
    cat "$tmp/untranslated"
    return 1
  fi
}

none_fuzzy () {
  msgattrib --only-fuzzy --no-obsolete "$tmp/de.po" >"$tmp/fuzzy"
  [ ! -s "$tmp/fuzzy" ] || { cat "$tmp/fuzzy"; return 1; }
}

# {person}, {manager-role} ...: the validator fills them in; a translation
# that loses or renames one would print a broken message.  (Untranslated
# messages fall back to English and are reported above.)
placeholders_kept () {
  msgcat --no-wrap --no-location "$tmp/de.po" | awk '
    function tokens(s,   n, i, j, t, list, out) {
      n = 0
      while (match(s, /\{[a-z-]+\}/)) {
        list[++n] = substr(s, RSTART, RLENGTH)
        s = substr(s, RSTART + RLENGTH)
      }
      for (i = 2; i <= n; i++)
        for (j = i; j > 1 && list[j - 1] > list[j]; j--) {
          t = list[j]; list[j] = list[j - 1]; list[j - 1] = t
        }
      out = ""
      for (i = 1; i <= n; i++) out = out list[i] " "
      return out
    }
    function check() {
      if (field == "str" && id != "\"\"" && str != "\"\"" && tokens(id) != tokens(str)) {
        printf "msgid %s\n  needs: %s\n  has:   %s\n", id, tokens(id), tokens(str)
        bad = 1
      }
    }
    /^msgid /         { check(); field = "id"; id = substr($0, 7); next }
    /^msgid_plural /  { field = "plural"; next }
    /^msgstr/         { check(); field = "str"; str = substr($0, index($0, " ") + 1); next }
    /^"/              { if (field == "id") id = id $0; else if (field == "str") str = str $0; next }
                      { check(); field = "" }
    END               { check(); exit bad }'
}

check "every file with translatable strings is in po/POTFILES.in" potfiles_complete
check "every file in po/POTFILES.in exists" potfiles_exist
check "the template regenerates without warnings" make_template
check "the template holds role names and rule messages, not citations" template_has_rules
check "po/de.po merges with the template" merge
check "every message has a German translation" all_translated
check "no German translation is fuzzy" none_fuzzy
check "msgfmt --check accepts po/de.po" msgfmt --check --check-accelerators=_ -o /dev/null po/de.po
check "msgfmt --check accepts po/de.po merged with the template" \
  msgfmt --check --check-accelerators=_ -o /dev/null "$tmp/de.po"
check "German translations keep every {placeholder}" placeholders_kept

echo "1..$n"
[ "$failed" -eq 0 ]
