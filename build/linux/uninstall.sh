#!/usr/bin/env bash
# Remove the kiosk installed by install.sh and put the PC back as it was before.
set -euo pipefail

usage() {
  cat <<'USAGE'
Remove the Tigoni waiting-room kiosk and put the PC back as it was before install.sh.

  sudo ./uninstall.sh [--prefix DIR] [--purge]

  --purge       also delete settings, logs and updated content (/var/lib/tigoni-kiosk)
  --prefix DIR  undo a try-out install under DIR (system commands are printed, not run)
  -h, --help    print this text

It stops and removes the kiosk service, the program in /opt/tigoni-kiosk and the kiosk
user (when install.sh created it), restores the default boot target and the tty1 login
prompt. cage and the system libraries it installed stay: the command to remove them is
printed. Without install.sh's record of what it changed (/etc/tigoni-kiosk/install-state,
deleted by the first uninstall) the boot target, the user and the packages are left
as they are, and it says so.
USAGE
}

prefix=""
purge=no
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --purge) purge=yes; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "uninstall: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$prefix" ] && [ "$(id -u)" != 0 ]; then
  echo "uninstall: run as root (sudo)" >&2
  exit 1
fi
system() {
  if [ -n "$prefix" ]; then echo "uninstall: would run: $*"; else "$@"; fi
}
# What a system command did, said as done only when it was run (--prefix only prints it).
did() {
  if [ -n "$prefix" ]; then echo "uninstall: would have $2"; else echo "uninstall: $1"; fi
}

unit="$prefix/etc/systemd/system/tigoni-kiosk.service"
state_file="$prefix/etc/tigoni-kiosk/install-state"
previous_default_target=""
user=""
created_user=no
installed_packages=""
recorded=no
if [ -f "$state_file" ]; then
  # shellcheck disable=SC1090
  . "$state_file"
  recorded=yes
else
  # Uninstalled already, or installed by an older install.sh: nothing says what the PC
  # was like before, so nothing is guessed (boot target, user, packages stay as they are).
  user="$(sed -n 's/^User=//p' "$unit" 2>/dev/null || true)"
  echo "uninstall: no record of what install.sh changed ($state_file is missing):" \
       "the boot target, users and packages are left as they are"
fi

system systemctl disable --now tigoni-kiosk.service || true
rm -f "$unit"
rm -rf "$prefix/opt/tigoni-kiosk"
rm -f "$prefix/etc/speech-dispatcher/clients/tigoni-kiosk.conf"  # read-aloud's audio setting
system systemctl daemon-reload
if [ -n "$previous_default_target" ]; then
  system systemctl set-default "$previous_default_target"
fi
# The kiosk's unit took tty1 from the login prompt (Conflicts=getty@tty1.service).
system systemctl enable getty@tty1.service || true
system systemctl start getty@tty1.service || true
if [ "$created_user" = yes ] && [ -n "$user" ]; then
  system userdel --remove "$user" || true
  did "removed the user $user" "removed the user $user"
elif [ "$recorded" = no ] && [ -n "$user" ]; then
  echo "uninstall: the kiosk ran as $user; if install.sh created that user and nothing" \
       "else uses it: sudo userdel --remove $user"
fi
if [ "$purge" = yes ]; then
  rm -rf "$prefix/var/lib/tigoni-kiosk"
  echo "uninstall: deleted settings, logs and updated content"
else
  echo "uninstall: kept settings, logs and updated content in /var/lib/tigoni-kiosk" \
       "(--purge deletes them)"
fi
rm -f "$state_file"
rmdir "$(dirname "$state_file")" 2>/dev/null || true
echo "uninstall: removed the kiosk${prefix:+ from $prefix}"
if [ -n "$previous_default_target" ]; then
  did "the PC boots to $previous_default_target with the login prompt on tty1" \
      "set the PC to boot to $previous_default_target with the login prompt on tty1"
else
  echo "uninstall: the boot target is left as it is (to choose one: sudo systemctl" \
       "set-default multi-user.target, or graphical.target for a desktop)"
fi
if [ "$recorded" = no ]; then
  echo "uninstall: no record of which packages install.sh added: cage and the system" \
       "libraries are left as they are"
elif [ -n "$installed_packages" ]; then
  echo "uninstall: cage and the libraries install.sh added stay installed; to remove them:"
  echo "  sudo apt-get remove $installed_packages && sudo apt-get autoremove"
else
  echo "uninstall: cage stays installed (it was there before the kiosk)"
fi
