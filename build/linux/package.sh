#!/usr/bin/env bash
# Make the bundle IT copies: put the install files beside the program in
# dist/tigoni-kiosk/ and pack that folder as dist/tigoni-kiosk-<version>-linux-<arch>.tar.gz.
#   build/linux/package.sh BUNDLE_DIR VERSION      (run by `make build`)
set -euo pipefail
bundle="${1:?bundle folder}"
version="${2:?version}"
here="$(cd "$(dirname "$0")" && pwd)"
for file in install.sh uninstall.sh; do
  install -m 0755 "$here/$file" "$bundle/$file"
done
for file in tigoni-kiosk.service.in system-packages.txt README-IT.txt; do
  install -m 0644 "$here/$file" "$bundle/$file"
done
dist="$(cd "$(dirname "$bundle")" && pwd)"
name="$(basename "$bundle")"
archive="$dist/$name-$version-linux-$(uname -m).tar.gz"
rm -f "$dist/$name"-*-linux-*.tar.gz
tar -C "$dist" -czf "$archive" "$name"
echo "package: $archive ($(du -h "$archive" | cut -f1)): copy it, or the folder $bundle, to the kiosk PC"
