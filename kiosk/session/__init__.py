"""One patient's visit and the kiosk's lock-down, as logic (QtCore at most, no widgets).

``kiosk_session.KioskSession`` owns the visit: screen and history (``history``), reading
choices (``text_size``), the idle cycle and privacy reset (``idle``), the staff flow with
PIN entry (``pin_entry``, ``staff``, ``pin``) and staff defaults (``staff_defaults``),
kiosk mode and exit.  The window (``kiosk.ui``) listens to its signals and draws.
"""
