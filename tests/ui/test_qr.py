"""QR codes: drawn codes decode to exactly their payload, pixel for pixel as the matrix says.

Nothing is taken on trust: every code is drawn by the real widget (or ``render_qr_image``),
grabbed, decoded with zxing-cpp and compared, pixel by pixel, with segno's module matrix.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import string
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content.clinic import load_clinic
from kiosk.content.contact import contact_codes
from kiosk.resources import bundled_content_dir
from kiosk.ui.widgets.qr import (
    QUIET_ZONE,
    CodeLayout,
    QrCodeWidget,
    QrDataError,
    QrMatrix,
    code_layout,
    min_code_side,
    min_side_for_dpi,
    qr_matrix,
    render_qr_image,
)

REPOSITORY = Path(__file__).resolve().parents[2]
WHITE, BLACK = 0xFF, 0x00

LONG_URL = (
    "https://www.tigonitreatment.com/information/ketamine-treatment/what-to-expect/"
    + "/".join(f"section-{index}" for index in range(20))
    + "?lang=sw&source=waiting-room-kiosk&note="
    + "%20".join(["karibu"] * 30)
)
TOO_LONG = "".join(random.Random(0).choices(string.ascii_letters + string.digits, k=5000))
NON_ASCII = "MECARD:N:Kituo cha Afya — Tigoni, Kiambu;MEMO:Karibu sana — ñ é ü;;"


def bundled_payloads() -> list[str]:
    clinic, _problems = load_clinic(bundled_content_dir())
    return [code.payload for code in contact_codes(clinic)]


def read_codes(image: QImage) -> list[zxingcpp.Barcode]:
    """Every dark-on-light QR code zxing-cpp finds in ``image``."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    return zxingcpp.read_barcodes(gray, formats=formats, try_invert=False)


def decode(image: QImage) -> list[str]:
    """The text of every code found in ``image``."""
    return [code.text for code in read_codes(image)]


def gray_rows(image: QImage) -> list[bytes]:
    """The image's pixels as grey levels, one ``bytes`` per row, padding removed."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(gray.constBits()), gray.bytesPerLine()
    return [data[y * stride: y * stride + gray.width()] for y in range(gray.height())]


def expected_rows(matrix: QrMatrix, layout: CodeLayout, width: int, height: int) -> list[bytes]:
    """What the pixels must be: white everywhere, the matrix at ``layout``."""
    rows: list[bytes] = []
    for y in range(height):
        module_row = (y - layout.top) // layout.module_px
        if not 0 <= y - layout.top < layout.side:
            rows.append(bytes([WHITE]) * width)
            continue
        code = b"".join(bytes([BLACK if dark else WHITE]) * layout.module_px
                        for dark in matrix.rows[module_row])
        right = width - layout.left - layout.side
        rows.append(bytes([WHITE]) * layout.left + code + bytes([WHITE]) * right)
    return rows


def first_wrong_pixel(
    image: QImage, matrix: QrMatrix, layout: CodeLayout
) -> tuple[int, int] | None:
    """The first (x, y) whose colour is not what ``matrix`` drawn at ``layout`` gives."""
    actual = gray_rows(image)
    expected = expected_rows(matrix, layout, image.width(), image.height())
    for y, (got, want) in enumerate(zip(actual, expected, strict=True)):
        if got != want:
            x = next(index for index, (a, b) in enumerate(zip(got, want, strict=True)) if a != b)
            return x, y
    return None


def shown_code(qtbot: QtBot, data: str, width: int = 300, height: int = 300) -> QrCodeWidget:
    widget = QrCodeWidget()
    qtbot.add_widget(widget)
    widget.set_data(data)
    widget.resize(width, height)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


@pytest.mark.parametrize("payload", [*bundled_payloads(), LONG_URL, NON_ASCII])
def test_the_drawn_code_decodes_to_exactly_its_payload(qtbot: QtBot, payload: str) -> None:
    widget = shown_code(qtbot, payload)
    assert decode(widget.grab().toImage()) == [payload]


@pytest.mark.parametrize("payload", bundled_payloads())
def test_codes_survive_damage_at_error_correction_m_or_better(payload: str) -> None:
    (code,) = read_codes(render_qr_image(payload, 4))
    assert code.ec_level in {"M", "Q", "H"}


def test_every_bundled_contact_has_a_code() -> None:
    assert len(bundled_payloads()) == 4


def test_the_long_url_really_is_long() -> None:
    assert len(LONG_URL) > 300
    assert qr_matrix(LONG_URL).side > 60


@pytest.mark.parametrize("size", [(300, 300), (301, 257), (257, 420)])
def test_the_widget_draws_the_matrix_pixel_for_pixel_centred_on_white(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    payload = bundled_payloads()[0]
    widget = shown_code(qtbot, payload, *size)
    image = widget.grab().toImage()
    matrix = qr_matrix(payload)
    layout = code_layout(*size, widget.devicePixelRatioF(), matrix.side)
    assert layout.module_px == min(size) // matrix.side
    assert abs((size[0] - layout.side) - 2 * layout.left) <= 1
    assert abs((size[1] - layout.side) - 2 * layout.top) <= 1
    assert first_wrong_pixel(image, matrix, layout) is None
    assert widget.code_side_px() == layout.side == matrix.side * layout.module_px


def test_the_quiet_zone_is_four_white_modules(qtbot: QtBot) -> None:
    payload = bundled_payloads()[0]
    widget = shown_code(qtbot, payload)
    matrix = qr_matrix(payload)
    layout = code_layout(300, 300, widget.devicePixelRatioF(), matrix.side)
    rows = gray_rows(widget.grab().toImage())
    zone = QUIET_ZONE * layout.module_px
    code_rows = rows[layout.top: layout.top + layout.side]
    ring = [*code_rows[:zone], *code_rows[-zone:]]
    ring += [row[layout.left: layout.left + zone] for row in code_rows]
    ring += [row[layout.left + layout.side - zone: layout.left + layout.side] for row in code_rows]
    assert all(pixel == WHITE for row in ring for pixel in row)
    # The top-left finder pattern starts right after the quiet zone.
    first_symbol_row = code_rows[zone]
    assert first_symbol_row[layout.left + zone] == BLACK
    assert first_symbol_row[layout.left + zone - 1] == WHITE


@pytest.mark.parametrize("module_px", [1, 3, 7])
def test_rendered_image_has_whole_pixels_per_module(module_px: int) -> None:
    payload = bundled_payloads()[-1]
    matrix = qr_matrix(payload)
    image = render_qr_image(payload, module_px)
    version_side = matrix.side - 2 * QUIET_ZONE
    assert (version_side - 17) % 4 == 0, "a QR symbol is 17 + 4 * version modules"
    assert image.width() == image.height() == (version_side + 2 * QUIET_ZONE) * module_px
    layout = CodeLayout(module_px, 0, 0, image.width())
    assert first_wrong_pixel(image, matrix, layout) is None
    assert decode(image) == [payload]


def test_render_qr_image_refuses_a_module_under_one_pixel() -> None:
    with pytest.raises(ValueError, match="at least 1 pixel"):
        render_qr_image("tel:+254797777060", 0)


def test_too_much_data_raises_qr_data_error(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(QrDataError):
        qr_matrix(TOO_LONG)
    with pytest.raises(QrDataError):
        render_qr_image(TOO_LONG, 2)
    widget = shown_code(qtbot, bundled_payloads()[0])
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.widgets.qr"), pytest.raises(QrDataError):
        widget.set_data(TOO_LONG)
    assert [record.levelno for record in caplog.records] == [logging.WARNING]
    assert "5000 characters do not fit" in caplog.records[0].getMessage()
    assert widget.code_side_px() == 0
    assert all(pixel == WHITE for row in gray_rows(widget.grab().toImage()) for pixel in row)


def test_empty_data_raises_qr_data_error() -> None:
    with pytest.raises(QrDataError, match="nothing to encode"):
        qr_matrix("")


def test_the_code_stays_black_on_white_under_a_dark_theme(qtbot: QtBot) -> None:
    payload = bundled_payloads()[0]
    widget = QrCodeWidget()
    qtbot.add_widget(widget)
    palette = widget.palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor("#101010"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#F0F0F0"))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)
    widget.setStyleSheet("QWidget { background: #101010; color: #F0F0F0; }")
    widget.set_data(payload)
    widget.resize(300, 300)
    widget.show()
    qtbot.wait_exposed(widget)
    matrix = qr_matrix(payload)
    layout = code_layout(300, 300, widget.devicePixelRatioF(), matrix.side)
    assert first_wrong_pixel(widget.grab().toImage(), matrix, layout) is None


def test_a_widget_with_no_data_is_plain_white(qtbot: QtBot) -> None:
    widget = QrCodeWidget()
    qtbot.add_widget(widget)
    widget.resize(260, 260)
    widget.show()
    qtbot.wait_exposed(widget)
    assert widget.code_side_px() == 0
    assert all(pixel == WHITE for row in gray_rows(widget.grab().toImage()) for pixel in row)


@pytest.mark.parametrize("ratio", [1.0, 1.25, 1.5, 1.75, 2.0, 3.0])
@pytest.mark.parametrize(("width", "height"), [(300, 300), (301, 257), (640, 1000)])
def test_layout_uses_whole_device_pixels_and_centres_the_code(
    ratio: float, width: int, height: int
) -> None:
    layout = code_layout(width, height, ratio, 37)
    device_width, device_height = math.floor(width * ratio), math.floor(height * ratio)
    assert layout.module_px == math.floor(min(width, height) * ratio / 37)
    assert layout.side == 37 * layout.module_px
    assert layout.left + layout.side <= device_width
    assert layout.top + layout.side <= device_height
    assert device_width - layout.side - 2 * layout.left in (0, 1)
    assert device_height - layout.side - 2 * layout.top in (0, 1)


GRAB_AT_SCALE = """
import json, sys
from PySide6.QtWidgets import QApplication
from kiosk.ui.widgets.qr import QrCodeWidget
app = QApplication([])
widget = QrCodeWidget()
widget.set_data(sys.argv[1])
widget.resize(301, 257)
widget.show()
app.processEvents()
widget.grab().toImage().save(sys.argv[2])
print(json.dumps({"ratio": widget.devicePixelRatioF(), "side": widget.code_side_px()}))
"""


@pytest.mark.spawns_processes
@pytest.mark.parametrize("scale", ["1.25", "2"])
def test_under_display_scaling_modules_stay_on_whole_device_pixels(
    tmp_path: Path, scale: str
) -> None:
    payload = bundled_payloads()[0]
    png = tmp_path / "code.png"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    result = subprocess.run(
        [sys.executable, "-c", GRAB_AT_SCALE, payload, str(png)], capture_output=True,
        text=True, env=environment, cwd=REPOSITORY, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shown = json.loads(result.stdout.splitlines()[-1])
    assert shown["ratio"] == float(scale)
    image = QImage(str(png))
    assert image.size().toTuple() == (math.floor(301 * shown["ratio"]),
                                      math.floor(257 * shown["ratio"]))
    matrix = qr_matrix(payload)
    layout = code_layout(301, 257, shown["ratio"], matrix.side)
    assert first_wrong_pixel(image, matrix, layout) is None
    assert shown["side"] == round(layout.side / shown["ratio"])
    assert decode(image) == [payload]


@pytest.mark.parametrize(
    ("dpi", "side"),
    [(96.0, 240), (100.0, 240), (141.0, 278), (200.0, 394), (400.0, 788),
     (401.0, 240), (49.0, 240), (0.0, 240), (math.nan, 240), (math.inf, 240)],
)
def test_min_side_is_five_centimetres_and_never_under_240(dpi: float, side: int) -> None:
    assert min_side_for_dpi(dpi) == side


def test_min_code_side_on_a_real_or_unknown_screen(qtbot: QtBot, qapp: QApplication) -> None:
    assert min_code_side(None) == 240
    assert min_code_side(qapp.primaryScreen()) >= 240
    widget = QrCodeWidget()
    qtbot.add_widget(widget)
    hint = widget.minimumSizeHint()
    assert hint.width() == hint.height() == min_code_side(widget.screen()) >= 240
