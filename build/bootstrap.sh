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
# Set-up is quiet: a step's output (apt's and debconf's chatter, pip's notes) is shown
# only when the step fails.
quietly() {
  local out
  out=$(mktemp)
  if ! "$@" >"$out" 2>&1; then
    echo "bootstrap: this step failed: $*" >&2
    cat "$out" >&2
    rm -f "$out"
    return 1
  fi
  rm -f "$out"
}

if [ -n "$missing" ]; then
  install_cmd="apt-get update && apt-get install -y --no-install-recommends$missing"
  if [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing system libraries:$missing"
    export DEBIAN_FRONTEND=noninteractive
    quietly apt-get update
    # shellcheck disable=SC2086
    quietly apt-get install -y --no-install-recommends $missing
  else
    {
      echo "bootstrap: Qt needs system libraries that this machine does not have:$missing"
      echo "Install them as root (for example with su), then run make again:"
      echo "  su -c '$install_cmd'"
      if command -v sudo >/dev/null 2>&1; then
        echo "or, with sudo:"
        echo "  sudo sh -c '$install_cmd'"
      fi
    } >&2
    exit 1
  fi
fi

if ! command -v uv >/dev/null 2>&1; then
  export PATH="$HOME/.local/bin:$PATH"
fi
if ! command -v uv >/dev/null 2>&1; then
  export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
  pip_out=$(mktemp)
  # Debian's own Python refuses --user installs (PEP 668) unless told otherwise.
  python3 -m pip install --user uv >"$pip_out" 2>&1 \
    || python3 -m pip install --user --break-system-packages uv >>"$pip_out" 2>&1 \
    || python3 -m pip install uv >>"$pip_out" 2>&1 \
    || { echo "bootstrap: could not install uv with pip:" >&2; cat "$pip_out" >&2; }
  rm -f "$pip_out"
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
