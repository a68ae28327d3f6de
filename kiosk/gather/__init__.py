"""Usage gathered back from several kiosks: names, the daily outbox, the merged report.

* ``kiosk_name``: the name each CSV row carries (the ``kiosk_name`` setting, else the
  host name).
* ``outbox``: yesterday's counts written once a day to ``outbox/`` in the data folder
  (one CSV per kiosk per day, atomically), for a send-only Syncthing folder.
* ``merge``: reading any number of kiosks' CSV files into one set of rows, each
  ``(date, kiosk, page, language)`` counted once however often its file was re-sent.
* ``html_report``: one self-contained HTML page with SVG charts drawn by the kiosk's
  own ``BarChart`` (Qt; the only module here that loads widgets).
* ``command``: ``tigoni-kiosk stats report DIR_OR_CSV... --out report.html``.
"""

from __future__ import annotations

import socket


def kiosk_name(configured: str) -> str:
    """``configured`` (the setting) stripped, or this computer's host name."""
    return configured.strip() or socket.gethostname()
