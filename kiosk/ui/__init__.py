"""Screens and widgets of the kiosk (Qt Widgets); all logic lives outside this package."""
