"""Counts not yet on disk: increments folded in memory, then added to the counters.

The writer thread folds each batch of events into a ``Tally`` and adds it to the
database in one transaction.  A tally is keyed by day, page, language and length
bucket only, so it stays small however long the disk refuses it, and a failed write
is simply retried with the next batch: no increment is lost while the kiosk runs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

# Visit lengths are kept only as one of these buckets, by the upper bound in seconds:
# under 2 minutes, 2 to 5, 5 to 15, and 15 or more.
LENGTH_BUCKETS = ("under_2_min", "min_2_to_5", "min_5_to_15", "over_15_min")
_BUCKET_LIMITS_S = (120, 300, 900)


def length_bucket(seconds: float) -> int:
    """The index in ``LENGTH_BUCKETS`` for a visit of ``seconds`` (negative counts as 0)."""
    for index, limit in enumerate(_BUCKET_LIMITS_S):
        if seconds < limit:
            return index
    return len(_BUCKET_LIMITS_S)


@dataclass
class Tally:
    """Increments for the counters: views by (day, page, language), visits by (day, language).

    ``lengths`` counts ended visits by (day, language, bucket index); the day is the
    day the visit started, so a visit is counted once, on one day.
    """

    views: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    visits: Counter[tuple[str, str]] = field(default_factory=Counter)
    lengths: Counter[tuple[str, str, int]] = field(default_factory=Counter)

    def view(self, day: date, page_id: str, language: str) -> None:
        """One page view."""
        self.views[(day.isoformat(), page_id, language)] += 1

    def visit(self, day: date, language: str) -> None:
        """One visit started."""
        self.visits[(day.isoformat(), language)] += 1

    def visit_discarded(self, day: date, language: str) -> None:
        """A visit counted on ``day`` was not a patient's: one fewer.

        Below zero if it was already added to the database: adding this tally takes it away.
        """
        key = (day.isoformat(), language)
        self.visits[key] -= 1
        if self.visits[key] == 0:
            del self.visits[key]

    def visit_length(self, day: date, language: str, seconds: float) -> None:
        """A visit that started on ``day`` lasted ``seconds``."""
        self.lengths[(day.isoformat(), language, length_bucket(seconds))] += 1

    def add(self, other: Tally) -> None:
        """Fold ``other`` into this tally."""
        self.views.update(other.views)
        self.visits.update(other.visits)
        self.lengths.update(other.lengths)

    @property
    def view_count(self) -> int:
        """Page views in this tally."""
        return sum(self.views.values())

    def __bool__(self) -> bool:
        return bool(self.views or self.visits or self.lengths)
