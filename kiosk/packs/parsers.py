"""The argument parsers of ``keygen``, ``pack`` and ``install-pack``, and their dispatch."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _version(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"a version is a positive whole number, not {text!r}")
    return value


def add_pack_parsers(subparsers: Any,
                     add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the three commands to ``tigoni-kiosk``'s subparsers."""
    keygen = subparsers.add_parser(
        "keygen", help="make a key pair for signing content packs",
        description="Write DIR/content-signing.key (secret: keep it on the office PC, never "
                    "on a kiosk) and DIR/content-signing.pub (copy it into each kiosk's "
                    "data folder, in trusted-keys/).")
    keygen.add_argument("dir", type=Path, metavar="DIR")
    add_common(keygen)
    pack = subparsers.add_parser(
        "pack", help="check, sign and pack content into one .tkpack file",
        description="Run check on CONTENT_DIR (refusing content with problems), then write "
                    "OUT.tkpack: the content, a manifest with the SHA-256 of every file, "
                    "and an Ed25519 signature over the manifest.")
    pack.add_argument("content_dir", type=Path, metavar="CONTENT_DIR")
    pack.add_argument("out", type=Path, metavar="OUT.tkpack")
    pack.add_argument("--key", type=Path, required=True, metavar="KEYFILE",
                      help="the private key made by keygen")
    pack.add_argument("--version", dest="pack_version", type=_version, metavar="N",
                      help="pack version (default: the date as YYYYMMDDhhmm, or the last "
                           "version this key packed plus one)")
    pack.add_argument("--signer", metavar="NAME", help="who signs (default: user@host)")
    add_common(pack)
    install = subparsers.add_parser(
        "install-pack", help="verify and install a signed content pack",
        description="Verify FILE against the data folder's trusted-keys/, unpack it beside "
                    "the shown content, run check, then switch to it, keeping the previous "
                    "pack as the fallback. Exit 0 with one line, or 1 with one line per "
                    "reason.")
    install.add_argument("file", type=Path, metavar="FILE")
    add_common(install)


def run_pack_command(args: argparse.Namespace) -> int:
    """Run the command ``args`` names."""
    from kiosk.packs import commands

    if args.command == "keygen":
        return commands.keygen_command(args.dir)
    if args.command == "pack":
        return commands.pack_command(args.content_dir, args.out, args.key, args.pack_version,
                                     args.signer)
    from kiosk.app import default_data_dir
    from kiosk.logs import log_to_file_only

    data_dir = args.data_dir or default_data_dir()
    log_to_file_only(data_dir)  # the install is recorded; the terminal gets the one-liners
    return commands.install_pack_command(args.file, data_dir)
