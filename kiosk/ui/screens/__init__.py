"""The screens in the window's stack (home, page, contact) and the attract screen."""
