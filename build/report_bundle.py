"""Print the size and file count of the built bundle (run after ``make build``)."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    """Report ``dist/tigoni-kiosk``'s total size, file count and largest files."""
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/tigoni-kiosk")
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    links = sum(1 for path in bundle.rglob("*") if path.is_symlink())
    total = sum(path.stat().st_size for path in files)
    print(f"bundle: {bundle}  size: {total / 1e6:.1f} MB  files: {len(files)} "
          f"(plus {links} symbolic links)")
    for path in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:8]:
        print(f"  {path.stat().st_size / 1e6:6.1f} MB  {path.relative_to(bundle)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
