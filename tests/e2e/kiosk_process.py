"""Start the kiosk as its own process under a compositor, and stop every one started."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.e2e.sway import Sway


class KioskProcesses:
    """Starts kiosk processes (``--kiosk``, as the installed unit does); kills them all."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.started: list[subprocess.Popen[bytes]] = []

    def start(self, sway: Sway, program: list[str], data_dir: Path) -> subprocess.Popen[bytes]:
        """Run ``program --kiosk --data-dir DATA`` as a client of ``sway``."""
        log = self.log_dir / f"kiosk-{len(self.started)}.log"
        with log.open("wb") as output:
            process = subprocess.Popen([*program, "--kiosk", "--data-dir", str(data_dir)],
                                       env=sway.client_env(), stdout=output,
                                       stderr=subprocess.STDOUT)
        self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)

