"""The kiosk session: where the patient is, and (later) idle, lock and PIN logic.

Plain Python, no widgets: screens call into it and render what it says.
"""
