#!/usr/bin/env bash
# FibroMap: set everything up on a Debian machine with python3, then run the app or the tests.
#
#   ./dev.sh run [ARGS...]   set up, then start FibroMap (ARGS go to the app)
#   ./dev.sh test [ARGS...]  set up, then run the test suite (ARGS go to pytest)
#   ./dev.sh check           set up, then run ruff, ruff format --check, mypy and import-linter
#
# It installs the Debian packages Qt needs (with apt-get as root or through sudo) or stops
# and names them, creates .venv, and installs FibroMap into it with its test and dev tools.
set -euo pipefail
cd "$(dirname "$0")"

# Qt's offscreen and xcb platforms, fonts (without them text renders as empty boxes),
# sound (QtMultimedia) and D-Bus.
RUN_PACKAGES=(libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 libx11-6
  libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
  libx11-xcb1 libpulse0)
TEST_PACKAGES=(libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 libx11-6
  libdbus-1-3 fonts-dejavu-core libpulse0
  # the end-to-end tests (tests/e2e): a real X display, input events, screen grabs, a real window
  xvfb xdotool x11-apps libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1)

say() { printf '\033[1mfibromap:\033[0m %s\n' "$*" >&2; }

need_python() {
  command -v python3 >/dev/null || { say "python3 is not installed (sudo apt-get install python3)"; exit 1; }
  python3 - <<'PY' || { say "FibroMap needs Python 3.11 or newer"; exit 1; }
import sys
sys.exit(sys.version_info < (3, 11))
PY
}

install_debian_packages() {
  local missing=() pkg
  command -v dpkg-query >/dev/null || { say "not a Debian system: make sure the Qt libraries are installed"; return; }
  python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  local apt=(apt-get)
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then apt=(sudo apt-get); else
      say "please install these packages as root, then run this again:"
      say "  apt-get install ${missing[*]}"; exit 1
    fi
  fi
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

make_venv() {
  local stamp=.venv/.fibromap-installed
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv"
    python3 -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    say "installing FibroMap and its test and dev tools into .venv"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[test,dev]"
    touch "$stamp"
  fi
}

command=${1:-run}
[ $# -gt 0 ] && shift
need_python
case "$command" in
  run)
    install_debian_packages "${RUN_PACKAGES[@]}"
    make_venv
    exec .venv/bin/python -m app "$@" ;;
  test)
    install_debian_packages "${TEST_PACKAGES[@]}"
    make_venv
    QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@" ;;
  check)
    install_debian_packages "${TEST_PACKAGES[@]}"
    make_venv
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/mypy
    .venv/bin/lint-imports ;;
  *)
    say "usage: ./dev.sh run|test|check [ARGS...]"; exit 2 ;;
esac
