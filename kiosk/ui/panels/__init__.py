"""Panels that open over the whole window: a card on a dimmed backdrop (``panel.Panel``)."""
