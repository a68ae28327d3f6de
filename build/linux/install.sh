#!/usr/bin/env bash
# Install the packaged kiosk on a Linux touchscreen PC so it starts on boot and
# restarts after a crash.
#
#   sudo build/linux/install.sh [--bundle DIR] [--prefix DIR] [--user NAME]
#
#   --bundle DIR  the built bundle (default: dist/tigoni-kiosk next to this script's repo,
#                 or ./tigoni-kiosk when run from an unpacked release)
#   --prefix DIR  install under DIR instead of / (for tests; nothing is started)
#   --user NAME   the account the kiosk runs as (default: tigoni-kiosk)
#
# With the default prefix it also installs cage (apt-get), creates the user, and enables
# and starts the service.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
prefix=""
user="tigoni-kiosk"
bundle=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle="$2"; shift 2 ;;
    --prefix) prefix="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "install: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$bundle" ]; then
  for candidate in "$here/../../dist/tigoni-kiosk" "$here/tigoni-kiosk" "./tigoni-kiosk"; do
    [ -x "$candidate/tigoni-kiosk" ] && bundle="$candidate" && break
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

app_dir="/opt/tigoni-kiosk"
unit_dir="/etc/systemd/system"
echo "install: copying $bundle to $prefix$app_dir"
rm -rf "$prefix$app_dir.new"
mkdir -p "$(dirname "$prefix$app_dir")"
cp -a "$bundle" "$prefix$app_dir.new"
rm -rf "$prefix$app_dir"
mv "$prefix$app_dir.new" "$prefix$app_dir"

mkdir -p "$prefix$unit_dir"
sed -e "s|@APP_DIR@|$app_dir|g" -e "s|@KIOSK_USER@|$user|g" \
  "$here/tigoni-kiosk.service.in" > "$prefix$unit_dir/tigoni-kiosk.service"
chmod 0644 "$prefix$unit_dir/tigoni-kiosk.service"
echo "install: wrote $prefix$unit_dir/tigoni-kiosk.service"

if [ -n "$prefix" ]; then
  echo "install: done (prefix $prefix: nothing was started)"
  exit 0
fi

if ! command -v cage >/dev/null 2>&1; then
  echo "install: installing cage"
  apt-get update -qq && apt-get install -y -qq cage
fi
# The bundle needs only these from the system (everything else travels inside it).
apt-get install -y -qq libgl1 libegl1 fontconfig-config >/dev/null
# Read aloud: speech-dispatcher with espeak-ng (English and Kiswahili voices), through
# ALSA when there is no PulseAudio; the kiosk's user joins "audio" (below) to use it.
apt-get install -y -qq speech-dispatcher speech-dispatcher-espeak-ng espeak-ng >/dev/null
printf '%s\n' "# From tigoni-kiosk's install.sh (speechd.conf includes clients/*.conf)." \
  'AudioOutputMethod "pulse,alsa"' > /etc/speech-dispatcher/clients/tigoni-kiosk.conf
if ! id "$user" >/dev/null 2>&1; then
  useradd --system --create-home --shell /usr/sbin/nologin \
    --groups video,input,render "$user" 2>/dev/null \
    || useradd --system --create-home --shell /usr/sbin/nologin --groups video,input "$user"
fi
usermod -a -G audio "$user"  # read-aloud plays through ALSA
systemctl daemon-reload
systemctl set-default graphical.target
systemctl enable tigoni-kiosk.service
systemctl restart tigoni-kiosk.service
echo "install: the kiosk is running on tty1 and will start on every boot"
"$app_dir/tigoni-kiosk" self-test --data-dir /tmp/tigoni-kiosk-self-test || {
  echo "install: WARNING: self-test failed; see above" >&2; exit 1; }
