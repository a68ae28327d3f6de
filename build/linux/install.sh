#!/usr/bin/env bash
# Install the packaged kiosk on a Linux touchscreen PC so it starts on boot and restarts
# after a crash. Run it from the bundle folder IT copied (see README-IT.txt there).
set -euo pipefail

usage() {
  cat <<'USAGE'
Install the Tigoni waiting-room kiosk so it starts on boot on tty1 and restarts after a
crash.

  sudo ./install.sh [--bundle DIR] [--prefix DIR] [--user NAME]

  --bundle DIR  the bundle folder (default: the folder this script is in, when it holds
                the program, or dist/tigoni-kiosk in a source checkout)
  --prefix DIR  try it out under DIR instead of /: files are written there and every
                system command is printed ("would run: ...") instead of run
  --user NAME   the account the kiosk runs as (default: tigoni-kiosk)
  -h, --help    print this text

It installs cage and the system libraries the kiosk needs (system-packages.txt) with
apt-get, creates the user, makes the PC boot to the graphical target, and starts the
kiosk. It remembers what it changed, so uninstall.sh can put the PC back as it was.
USAGE
}

here="$(cd "$(dirname "$0")" && pwd)"
prefix=""
user="tigoni-kiosk"
bundle=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle="$2"; shift 2 ;;
    --prefix) prefix="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$bundle" ]; then
  for candidate in "$here" "$here/../../dist/tigoni-kiosk" "$here/tigoni-kiosk" "./tigoni-kiosk"; do
    [ -f "$candidate/tigoni-kiosk" ] && [ -x "$candidate/tigoni-kiosk" ] \
      && bundle="$(cd "$candidate" && pwd)" && break
  done
fi
if [ -z "$bundle" ] || [ ! -x "$bundle/tigoni-kiosk" ]; then
  echo "install: no bundle found; build it with 'make build' or pass --bundle DIR" >&2
  exit 1
fi
if [ -z "$prefix" ] && [ "$(id -u)" != 0 ]; then
  echo "install: run as root (sudo), or pass --prefix DIR to try it out" >&2
  exit 1
fi
# The unit template and the package list travel beside this script (bundle or source).
template="$here/tigoni-kiosk.service.in"
packages_file="$here/system-packages.txt"

if [ ! -f "$template" ] || [ ! -f "$packages_file" ]; then
  echo "install: $here lacks tigoni-kiosk.service.in or system-packages.txt;" \
       "copy the whole bundle folder" >&2
  exit 1
fi

# Every command that changes the system goes through here: printed under --prefix.
system() {
  if [ -n "$prefix" ]; then echo "install: would run: $*"; else "$@"; fi
}

# The packages in system-packages.txt; for 'a|b' the first one apt knows on this PC.
wanted_packages() {
  sed 's/#.*//' "$packages_file" | while read -r line; do
    [ -n "$line" ] || continue
    chosen="${line%%|*}"
    [ "$chosen" = "$line" ] && { echo "$chosen"; continue; }
    for alternative in ${line//|/ }; do
      if apt-cache show "$alternative" >/dev/null 2>&1; then chosen="$alternative"; break; fi
    done
    echo "$chosen"
  done
}

app_dir="/opt/tigoni-kiosk"
unit_dir="/etc/systemd/system"
state_file="$prefix/etc/tigoni-kiosk/install-state"
echo "install: copying $bundle to $prefix$app_dir"
rm -rf "$prefix$app_dir.new"
mkdir -p "$(dirname "$prefix$app_dir")"
cp -a "$bundle" "$prefix$app_dir.new"
rm -rf "$prefix$app_dir"
mv "$prefix$app_dir.new" "$prefix$app_dir"

mkdir -p "$prefix$unit_dir"
sed -e "s|@APP_DIR@|$app_dir|g" -e "s|@KIOSK_USER@|$user|g" \
  "$template" > "$prefix$unit_dir/tigoni-kiosk.service"
chmod 0644 "$prefix$unit_dir/tigoni-kiosk.service"
echo "install: wrote $prefix$unit_dir/tigoni-kiosk.service"

# cage, and the libraries the bundle loads from the system (found with ldd; see
# kiosk/system_libraries.py). The package lists first: they decide between 'a|b'.
system apt-get update -qq
# Read aloud: speech-dispatcher with espeak-ng (English and Kiswahili voices).
packages="cage speech-dispatcher speech-dispatcher-espeak-ng espeak-ng"
packages="$packages $(wanted_packages | tr '\n' ' ')"

# What the PC was like before the first install, for uninstall.sh (kept on reinstall).
if [ ! -f "$state_file" ]; then
  previous_target="$(systemctl get-default 2>/dev/null || true)"
  created_user=no
  id "$user" >/dev/null 2>&1 || created_user=yes
  missing_packages=""
  for package in $packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing_packages="$missing_packages $package"
  done
  mkdir -p "$(dirname "$state_file")"
  cat > "$state_file" <<STATE
# Written by tigoni-kiosk's install.sh: what to put back on uninstall.
previous_default_target=${previous_target:-multi-user.target}
user=$user
created_user=$created_user
installed_packages="${missing_packages# }"
STATE
  echo "install: recorded the PC's previous state in $state_file"
fi

# shellcheck disable=SC2086
system apt-get install -y -qq $packages
if ! id "$user" >/dev/null 2>&1; then
  system useradd --system --create-home --shell /usr/sbin/nologin \
    --groups video,input,render "$user" 2>/dev/null \
    || system useradd --system --create-home --shell /usr/sbin/nologin \
      --groups video,input "$user"  # a system with no render group
fi
# Under cage there is no PulseAudio: speech-dispatcher falls back to ALSA, which the
# kiosk's user may use as a member of "audio".
speech_conf="$prefix/etc/speech-dispatcher/clients/tigoni-kiosk.conf"
mkdir -p "$(dirname "$speech_conf")"
printf '%s\n' "# From tigoni-kiosk's install.sh (speechd.conf includes clients/*.conf)." \
  'AudioOutputMethod "pulse,alsa"' > "$speech_conf"
system usermod -a -G audio "$user"
system systemctl daemon-reload
system systemctl set-default graphical.target
system systemctl enable tigoni-kiosk.service
system systemctl restart tigoni-kiosk.service
if [ -n "$prefix" ]; then
  echo "install: would run: $app_dir/tigoni-kiosk self-test --data-dir /tmp/tigoni-kiosk-self-test"
  echo "install: done (prefix $prefix: nothing was started, and self-test was not run)"
  exit 0
fi
echo "install: the kiosk is running on tty1 and will start on every boot"
"$app_dir/tigoni-kiosk" self-test --data-dir /tmp/tigoni-kiosk-self-test || {
  echo "install: WARNING: self-test failed; see above" >&2; exit 1; }
