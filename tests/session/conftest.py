"""A kiosk session with no window: real settings and usage recorder on temp folders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.session.idle import IdleState
from kiosk.session.kiosk_session import KioskSession, StaffStep
from kiosk.session.pin_entry import Note, PadMode, PinEntry
from kiosk.session.staff import StaffAccess
from kiosk.settings import SettingsStore
from kiosk.stats import UsageRecorder


class Clock:
    """Seconds that pass only when a test says so (the wall clock and the monotonic one)."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(data_dir: Path) -> SettingsStore:
    return SettingsStore(data_dir)


@pytest.fixture
def recorder(tmp_path: Path) -> Iterator[UsageRecorder]:
    recording = UsageRecorder(tmp_path / "stats", flush_interval=60)
    yield recording
    recording.close()


SessionFactory = Callable[..., KioskSession]


@pytest.fixture
def make_session(qapp: QApplication, store: SettingsStore, recorder: UsageRecorder,
                 clock: Clock) -> Iterator[SessionFactory]:
    """Sessions over the shared store and recorder; their timers are stopped afterwards."""
    made: list[KioskSession] = []

    def make(languages: tuple[str, ...] = ("en", "sw"), **settings: object) -> KioskSession:
        for name, value in settings.items():
            setattr(store.settings, name, value)
        session = KioskSession(store, list(languages), recorder,
                               access=StaffAccess(store, clock=clock, monotonic=clock))
        made.append(session)
        return session

    yield make
    for session in made:
        session.idle.stop()
        session.staff_timer.stop()


@pytest.fixture
def session(make_session: SessionFactory) -> KioskSession:
    return make_session()


# Read state through a call: mypy would otherwise carry an earlier assert's narrowing of
# an attribute over the calls that change it, and call the next assert unreachable.


def staff_step(session: KioskSession) -> StaffStep:
    return session.staff


def idle_state(session: KioskSession) -> IdleState:
    return session.idle.state


def pad_state(entry: PinEntry) -> tuple[PadMode, Note]:
    return entry.mode, entry.note


def in_visit(recorder: UsageRecorder) -> bool:
    return recorder.in_visit
