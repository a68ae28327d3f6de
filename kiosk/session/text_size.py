"""The text sizes patients choose with A- and A+, and the one clamp every choice goes through."""

from __future__ import annotations

TEXT_STEPS = (1.0, 1.2, 1.4, 1.65)
"""Text-size factors: the default and three larger steps (step ``i`` is ``TEXT_STEPS[i]``)."""

LARGEST_STEP = len(TEXT_STEPS) - 1


def clamp_text_step(step: int) -> int:
    """``step`` limited to the steps there are (0 to ``LARGEST_STEP``)."""
    return max(0, min(LARGEST_STEP, step))
