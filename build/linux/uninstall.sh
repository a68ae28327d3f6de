#!/usr/bin/env bash
# Remove the kiosk installed by install.sh.
#
#   sudo build/linux/uninstall.sh [--prefix DIR] [--purge]
#
#   --purge   also delete settings, logs and updated content (/var/lib/tigoni-kiosk)
set -euo pipefail
prefix=""
purge=no
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --purge) purge=yes; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "uninstall: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$prefix" ]; then
  [ "$(id -u)" = 0 ] || { echo "uninstall: run as root (sudo)" >&2; exit 1; }
  systemctl disable --now tigoni-kiosk.service 2>/dev/null || true
fi
rm -f "$prefix/etc/systemd/system/tigoni-kiosk.service"
rm -rf "$prefix/opt/tigoni-kiosk"
[ "$purge" = yes ] && rm -rf "$prefix/var/lib/tigoni-kiosk"
[ -z "$prefix" ] && systemctl daemon-reload
echo "uninstall: removed the kiosk${prefix:+ from $prefix}"
