"""Small content folders for the issue-14 tests: the corpus's good base plus one change."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "data" / "bad_content"
HEADER = "---\ntitle: {title}\n{extra}reviewed_on: 2026-01-15\nreviewed_by: Test corpus\n---\n"


def case_folder(name: str, tmp_path: Path) -> Path:
    """A writable copy of ``tests/data/bad_content/<name>``."""
    target = tmp_path / "content"
    shutil.copytree(CORPUS / name, target)
    return target


def write_page(path: Path, body: str, title: str = "Broken page", extra: str = "") -> None:
    """A reviewed page; ``extra`` is more header lines (each ending in a newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(title=title, extra=extra) + body, encoding="utf-8")


def png(width: int, height: int, rows: int | None = None) -> bytes:
    """A grey PNG of ``width`` x ``height``; only ``rows`` rows of data when given.

    A picture whose header promises more rows than its data holds is what an
    interrupted copy leaves; a huge picture of one colour is small on disk.
    """
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    packer = zlib.compressobj(9)
    row = b"\x00" + b"\x80" * width
    data = b"".join(packer.compress(row) for _ in range(height if rows is None else rows))
    data += packer.flush() if rows is None else packer.flush(zlib.Z_SYNC_FLUSH)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data)
            + (chunk(b"IEND", b"") if rows is None else b""))
