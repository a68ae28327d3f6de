"""Tigoni Treatment Centre waiting-room kiosk.

The package is split into plain-Python logic (``content``, ``settings``) that never
imports a widget, a ``ui`` package of screens and widgets, ``resources`` (the one door
to every bundled file) and a thin command-line module, ``cli``.
"""

__version__ = "0.1.0"
