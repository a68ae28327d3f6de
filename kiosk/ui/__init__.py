"""The kiosk's window (Qt Widgets): it draws the session and sends it what people do.

``main_window`` is the window; ``overlays`` the panels over it; ``screens/``, ``panels/``
and ``widgets/`` what they are made of; ``lockdown``, ``kiosk_guard``, ``staff_hold``,
``warm_up``, ``crash_guard`` and ``first_paint`` the window's machinery; ``theme``,
``i18n`` and ``graphics`` its look, words and pictures.  Decisions (idle, reset, staff,
PIN, kiosk mode) are ``kiosk.session``'s.
"""
