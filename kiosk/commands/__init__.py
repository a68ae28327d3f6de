"""Commands of ``tigoni-kiosk`` that drive a whole window: ``screenshots``, ``self-test``."""
