"""The window and single widgets, real and offscreen, driven by qtbot."""
