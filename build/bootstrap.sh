#!/usr/bin/env bash
# Set up everything `make run`, `make test` and `make build` need on a fresh Debian or
# Ubuntu machine that has only Python 3.11+ and make:
#   1. the system libraries Qt needs (installed when root, otherwise the exact apt-get
#      line is printed and the script stops);
#   2. uv, if it is not on the PATH (installed for this user with pip);
#   3. the Python environment in .venv, exactly as pinned in uv.lock.
# Usage: build/bootstrap.sh [test|run|build]   (run also installs the X11 libraries)
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-test}"
export UV_SYSTEM_CERTS="${UV_SYSTEM_CERTS:-1}"

# Measured on Debian 12: offscreen Qt needs these; a real X display needs the xcb set too.
offscreen_pkgs="libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3"
display_pkgs="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
wanted="$offscreen_pkgs"
[ "$purpose" = run ] && wanted="$wanted $display_pkgs"
# The bundle carries the xcb libraries, so the build machine needs them too.
[ "$purpose" = build ] && wanted="$wanted $display_pkgs binutils"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
  done
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing system libraries:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "bootstrap: Qt needs system libraries that are missing. Run:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
  fi
fi

if ! command -v uv >/dev/null 2>&1; then
  export PATH="$HOME/.local/bin:$PATH"
fi
if ! command -v uv >/dev/null 2>&1; then
  echo "bootstrap: installing uv with pip"
  python3 -m pip install --quiet --user uv 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages uv \
    || python3 -m pip install --quiet uv
  hash -r
fi
if ! command -v uv >/dev/null 2>&1; then
  for candidate in "$HOME/.local/bin" "$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"; do
    [ -x "$candidate/uv" ] && export PATH="$candidate:$PATH"
  done
fi
command -v uv >/dev/null 2>&1 || { echo "bootstrap: could not install uv" >&2; exit 1; }

groups="--group dev"
[ "$purpose" = build ] && groups="$groups --group build"
# shellcheck disable=SC2086
uv sync --frozen --quiet $groups
