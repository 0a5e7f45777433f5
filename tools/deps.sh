# Sourced by ./run and ./run-tests: installs what a fresh Debian 12 lacks.
# Packages for building and for running the tests headless.
LADDER_BUILD_DEPS="meson ninja-build pkg-config gcc libgtk-4-dev libcairo2-dev
  libpango1.0-dev libxml2-dev libglib2.0-dev libglib2.0-bin libcmocka-dev gettext"
LADDER_TEST_DEPS="xvfb xauth xdotool imagemagick x11-utils desktop-file-utils
  appstream libxml2-utils python3 clang libclang-rt-14-dev valgrind graphviz"

ladder_install_deps () {
  local wanted="$*" missing=""
  for p in $wanted; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
      missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "Installing:$missing"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
}

ladder_build () {
  if [ ! -f build/build.ninja ]; then
    meson setup build --werror >/dev/null || return 1
  fi
  meson compile -C build >/dev/null || meson compile -C build
}
