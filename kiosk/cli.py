"""The ``tigoni-kiosk`` command line: parse arguments and hand over to the right module.

Every command accepts ``--data-dir``, ``--content``, ``--size`` and ``--lang``, before or
after the command name.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk import __version__

DESCRIPTION = """\
The Tigoni Treatment Centre waiting-room kiosk.

Run with no command to start the kiosk in a window. Commands:
  check [CONTENT_DIR]    check content, and with --data-dir its settings.json, for
                         mistakes (exit 1 and a list if any)
  screenshots OUT_DIR    save a picture of every screen as a PNG file
  self-test              check the kiosk can show everything (for IT; no display needed)
  set-pin                set the staff PIN (asks twice, or reads one line from stdin)
  stats --csv FILE       export anonymous page-view counts (--since YYYY-MM-DD)
  stats report DIR_OR_CSV... --out report.html   merge kiosks' CSVs into one page
  keygen DIR             make a key pair for signing content packs
  pack CONTENT_DIR OUT.tkpack --key KEYFILE   check, sign and pack content
  install-pack FILE      verify and install a signed content pack

Staff reach the staff panel by pressing and holding the clinic's name on the home
screen for 3 seconds, then typing the PIN.
"""


def parse_size(text: str) -> tuple[int, int]:
    """``1920x1080`` -> ``(1920, 1080)``."""
    width, separator, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        size = (0, 0)
    if not separator or min(size) < 200 or max(size) > 10_000:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, not {text!r}")
    return size


def _add_common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    group = parser.add_argument_group("options for every command")
    group.add_argument("--data-dir", type=Path, default=default, metavar="DIR",
                       help="folder for settings, logs and updated content "
                            "(default: the system's application data folder)")
    group.add_argument("--content", type=Path, default=default, metavar="DIR",
                       help="show the content in DIR instead of the bundled content")
    group.add_argument("--size", type=parse_size, default=default, metavar="WxH",
                       help="window size in pixels, for example 1920x1080")
    group.add_argument("--high-contrast", action="store_true",
                       default=argparse.SUPPRESS if suppress else False,
                       help="start with the high-contrast colours")
    group.add_argument("--lang", default=argparse.SUPPRESS if suppress else None,
                       metavar="CODE", help="language to show first, for example en")


COMMANDS = ("check", "screenshots", "self-test", "set-pin", "stats", "keygen", "pack",
            "install-pack")


def get_argparser(commands: bool = True) -> argparse.ArgumentParser:
    """The argument parser (separate so tests can use it).

    ``commands=False`` leaves out the commands' own parsers, for starting the kiosk.
    """
    parser = argparse.ArgumentParser(
        prog="tigoni-kiosk", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tigoni-kiosk {__version__}")
    parser.add_argument("--fullscreen", action="store_true",
                        help="fill the whole screen instead of a window")
    debug = parser.add_argument_group("debugging")
    debug.add_argument("--exit-after-first-paint", action="store_true",
                       help="print 'first-paint <time>' once the home screen has painted, "
                            "then exit (for the start-up benchmark)")
    parser.add_argument("--kiosk", action="store_true",
                        help="start locked in kiosk mode, full screen (used by the installed "
                             "autostart)")
    _add_common(parser, suppress=False)
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = subparsers.add_parser("check", help="check content for mistakes",
                                description="Check content (and, with --data-dir, the "
                                            "settings.json there): exit 0 if it is fine, "
                                            "otherwise exit 1 and print one "
                                            "'file:line: problem' line per mistake.")
    check.add_argument("content_dir", nargs="?", type=Path, metavar="CONTENT_DIR",
                       help="content folder to check (default: the content the kiosk shows)")
    _add_common(check, suppress=True)
    shots = subparsers.add_parser("screenshots", help="save every screen as a PNG file",
                                description="Save a PNG picture of every screen. Needs no "
                                            "display.")
    shots.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder for the pictures")
    _add_common(shots, suppress=True)
    self_test = subparsers.add_parser(
        "self-test", help="check that the kiosk can show everything (for IT)",
        description="Load all content, draw every screen offscreen and check every font, "
                    "icon, picture and QR code. Prints a summary; exit 0 when all is well, "
                    "otherwise exit 1 naming each failure. Needs no display.")
    _add_common(self_test, suppress=True)
    set_pin = subparsers.add_parser(
        "set-pin", help="set the staff PIN (4 to 8 digits)",
        description="Set the PIN staff type to reach the staff panel. At a terminal it asks "
                    "twice and shows nothing; otherwise it reads one line from standard "
                    "input (for scripted installs). Only a salted hash is stored.")
    _add_common(set_pin, suppress=True)
    stats = subparsers.add_parser(
        "stats", help="export anonymous page-view counts as CSV",
        description="Write one row per day, page and language with how many times the page "
                    "was viewed (no personal data is ever recorded).")
    stats.add_argument("--csv", type=Path, required=True, metavar="FILE",
                       help="the CSV file to write")
    stats.add_argument("--since", metavar="DATE", help="only days from DATE (YYYY-MM-DD) on")
    _add_common(stats, suppress=True)
    from kiosk.packs.parsers import add_pack_parsers  # keygen, pack, install-pack

    add_pack_parsers(subparsers, lambda sub: _add_common(sub, suppress=True))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tigoni-kiosk`` command."""
    words = list(sys.argv[1:] if argv is None else argv)
    if "stats" in words:  # `stats report` has its own parser (kiosk.gather.command)
        from kiosk.gather.command import is_report, run_report

        if is_report(words):
            return run_report(words)
    # Starting the kiosk (no command) skips building the commands' parsers: ~3 ms.
    wanted = any(word in COMMANDS or word in ("-h", "--help") for word in words)
    args = get_argparser(commands=wanted).parse_args(words)
    if args.command == "check":
        return _check(args)
    if args.command == "screenshots":
        return _screenshots(args)
    if args.command == "self-test":
        return _self_test(args)
    if args.command in ("set-pin", "install-pack"):
        from kiosk.commands.set_pin import as_root, set_pin

        if refused := as_root(args.command, args.data_dir):
            return refused
        if args.command == "set-pin":
            return set_pin(args.data_dir)
    if args.command == "stats":
        return _stats(args)
    if args.command in ("keygen", "pack", "install-pack"):
        from kiosk.packs.parsers import run_pack_command

        return run_pack_command(args)
    from kiosk.app import Options, run

    return run(Options(args.data_dir, args.content, args.size, args.lang, args.fullscreen,
                       args.kiosk, args.high_contrast,
                       exit_after_first_paint=args.exit_after_first_paint))


def _check(args: argparse.Namespace) -> int:
    from kiosk.content.check import run_check

    target = args.content_dir or args.content
    code = run_check(target, args.data_dir, sys.stdout)
    return max(code, _check_settings(args.data_dir)) if args.data_dir is not None else code


def _check_settings(data_dir: Path) -> int:
    """With ``--data-dir``: each mistake in its settings.json, as the kiosk logs it."""
    from kiosk.settings import SETTINGS_FILE, Settings
    from kiosk.settings_file import check_settings_file

    path = data_dir / SETTINGS_FILE
    mistakes = check_settings_file(path, Settings())
    for line in mistakes:
        print(line)
    if mistakes:
        print(f"{len(mistakes)} mistake(s) in {path}")
        return 1
    if path.is_file():
        print(f"settings OK: {path}")
    return 0


def _screenshots(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import Options, application, build_window
    from kiosk.commands.screenshots import save_screenshots

    application()
    window, _choice = build_window(Options(args.data_dir, args.content, args.size, args.lang,
                                           high_contrast=args.high_contrast))
    written = save_screenshots(window, args.out_dir)
    print(f"wrote {len(written)} screenshots to {args.out_dir}")
    return 0


def _self_test(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import Options, application
    from kiosk.commands.selftest import run_self_test

    application()
    size = args.size or (1920, 1080)
    return run_self_test(Options(args.data_dir, args.content, size, args.lang), sys.stdout)


def _stats(args: argparse.Namespace) -> int:
    from kiosk.app import default_data_dir
    from kiosk.stats import UsageReport, parse_day

    try:
        since = parse_day(args.since) if args.since else None
    except ValueError:
        print(f"--since must be a date like 2026-11-01, not {args.since!r}", file=sys.stderr)
        return 2
    from kiosk.gather import kiosk_name
    from kiosk.settings import SettingsStore

    data_dir = args.data_dir or default_data_dir()
    from kiosk.stats import DATABASE_FILE

    # What the kiosk (or IT's commands) leave in its data folder; none: a mistyped path.
    kiosk_things = (DATABASE_FILE, "settings.json", "logs", "packs", "content")
    if not any((data_dir / name).exists() for name in kiosk_things):
        print(f"No kiosk data in {data_dir}: none of {', '.join(kiosk_things)} is there. "
              "Give the kiosk's data folder with --data-dir (the IT guide says where it "
              "is).", file=sys.stderr)
        return 1
    report = UsageReport(data_dir)
    try:
        rows = report.export_csv(args.csv, since,
                                 kiosk_name(SettingsStore(data_dir).settings.kiosk_name))
    except OSError as error:
        print(f"Could not write {args.csv}: {error.strerror or error}", file=sys.stderr)
        return 1
    if report.warning:
        print(f"No usage data: {report.warning}", file=sys.stderr)
        return 1
    print(f"wrote {rows} rows to {args.csv}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


