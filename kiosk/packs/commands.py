"""The command-line side of ``keygen``, ``pack`` and ``install-pack`` (for ``kiosk.cli``).

Each returns the exit code and prints one line on success, or one line per problem
on standard error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO


def keygen_command(directory: Path, out: TextIO | None = None,
                   err: TextIO | None = None) -> int:
    """``tigoni-kiosk keygen DIR``."""
    out, err = out or sys.stdout, err or sys.stderr
    from kiosk.packs.keys import keygen

    try:
        private, public = keygen(directory)
    except (FileExistsError, OSError) as error:
        print(f"No key made: {error}", file=err)
        return 1
    print(f"Wrote {private} (keep it secret, off the kiosks) and {public} "
          f"(copy it into each kiosk's trusted-keys folder).", file=out)
    return 0


def pack_command(content_dir: Path, out_path: Path, key: Path, version: int | None,
                 signer: str | None, out: TextIO | None = None,
                 err: TextIO | None = None) -> int:
    """``tigoni-kiosk pack CONTENT_DIR OUT.tkpack --key KEYFILE [--version N]``."""
    out, err = out or sys.stdout, err or sys.stderr
    from kiosk.packs.build import PackError, make_pack
    from kiosk.packs.keys import KeyFileError

    try:
        manifest = make_pack(content_dir, out_path, key, version, signer)
    except PackError as error:
        for line in error.lines:
            print(line, file=err)
        print(f"No pack made: {len(error.lines)} problem(s) in {content_dir}", file=err)
        return 1
    except (KeyFileError, OSError) as error:
        print(f"No pack made: {error}", file=err)
        return 1
    size = out_path.stat().st_size
    print(f"Wrote {out_path}: content pack {manifest.version}, {len(manifest.files)} files, "
          f"{size / 1024:.0f} KiB, signed by {manifest.signer}.", file=out)
    return 0


def install_pack_command(pack: Path, data_dir: Path, out: TextIO | None = None,
                         err: TextIO | None = None) -> int:
    """``tigoni-kiosk install-pack FILE``: the same install the kiosk's inbox runs."""
    out, err = out or sys.stdout, err or sys.stderr
    from kiosk.packs.install import install_pack
    from kiosk.packs.verify import PackRefused

    try:
        installed = install_pack(pack, data_dir)
    except PackRefused as refused:
        for reason in refused.reasons:
            print(f"{pack.name}: refused: {reason}", file=err)
        return 1
    print(installed.summary(), file=out)
    return 0
