"""Content: loading, validating and rendering the kiosk's Markdown pages.

Plain Python only: nothing in this package imports Qt, so it can be checked and tested
without a display and used by ``tigoni-kiosk check``.
"""
