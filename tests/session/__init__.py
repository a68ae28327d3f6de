"""The kiosk session with no window: fast, no real waiting."""
