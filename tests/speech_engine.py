"""A real speech engine for tests: speech-dispatcher with espeak-ng, heard by no one.

``SpeechEngine`` starts PulseAudio with only a null sink (an audio device that plays in
real time to nowhere, so no sound card is needed and speech lasts as long as it would
aloud) and a speech-dispatcher with its own configuration, socket and logs in a temporary
folder, sending espeak-ng's audio to that sink.  The kiosk reaches it through
``SPEECHD_ADDRESS``.  ``missing`` says, in plain words, what this machine lacks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

MODULE_DIR = Path("/usr/lib/speech-dispatcher-modules")
MODULE_CONFIG_DIR = Path("/etc/speech-dispatcher/modules")
INSTALL_HINT = ("apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng "
                "pulseaudio (.ci/run installs them)")
SPEECHD_CONFIG = """\
# Written by the tests: espeak-ng only, audio to the test's PulseAudio null sink.
AudioOutputMethod "pulse"
DefaultModule espeak-ng
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
LogLevel 3
"""


def missing() -> str:
    """Why a real speech engine cannot run here ("" when it can)."""
    for program in ("speech-dispatcher", "espeak-ng", "pulseaudio", "pactl"):
        if shutil.which(program) is None:
            return f"{program} is not installed; read-aloud needs: {INSTALL_HINT}"
    if not (MODULE_DIR / "sd_espeak-ng").exists():
        return f"speech-dispatcher has no espeak-ng module; read-aloud needs: {INSTALL_HINT}"
    return ""


class SpeechEngine:
    """PulseAudio (null sink) and speech-dispatcher, started in ``folder`` and stopped."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runtime = folder / "run"
        self.pulse_socket = self.runtime / "pulse-native"
        self.socket = self.runtime / "speechd.sock"
        self.logs = folder / "logs"
        self._processes: list[subprocess.Popen[bytes]] = []

    @property
    def address(self) -> str:
        """The value of ``SPEECHD_ADDRESS`` that leads libspeechd to this daemon."""
        return f"unix_socket:{self.socket}"

    def start(self) -> None:
        """Start both daemons; raise RuntimeError (with their logs) if either fails."""
        config = self.folder / "config"
        for folder in (self.runtime, self.logs, config, self.folder / "home"):
            folder.mkdir(parents=True, exist_ok=True)
        self.runtime.chmod(0o700)
        (config / "speechd.conf").write_text(SPEECHD_CONFIG, encoding="utf-8")
        (config / "modules").symlink_to(MODULE_CONFIG_DIR)
        env = {**os.environ, "HOME": str(self.folder / "home"),
               "XDG_RUNTIME_DIR": str(self.runtime),
               "PULSE_SERVER": f"unix:{self.pulse_socket}"}
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self._run(["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                   "--use-pid-file=no", "--log-target=stderr",
                   "--load=module-null-sink sink_name=kiosk_test_null",
                   f"--load=module-native-protocol-unix socket={self.pulse_socket} "
                   "auth-anonymous=1"], env, "pulseaudio")
        self._wait_for(self.pulse_socket, "pulseaudio")
        self._run(["speech-dispatcher", "--run-single", "--timeout", "0",
                   "--config-dir", str(config), "--log-dir", str(self.logs),
                   "--communication-method", "unix_socket", "--socket-path",
                   str(self.socket), "--pid-file", str(self.runtime / "speechd.pid")],
                  env, "speech-dispatcher")
        self._wait_for(self.socket, "speech-dispatcher")

    def playing_streams(self) -> int:
        """How many audio streams are playing into the null sink right now."""
        out = subprocess.run(["pactl", "--server", f"unix:{self.pulse_socket}", "list",
                              "short", "sink-inputs"], capture_output=True, text=True,
                             check=False, env={**os.environ, "HOME": str(self.folder)})
        return len([line for line in out.stdout.splitlines() if line.strip()])

    def stop(self) -> None:
        """Stop speech-dispatcher, then PulseAudio (terminate, then kill after 5 s)."""
        for process in reversed(self._processes):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._processes = []

    def log_text(self) -> str:
        """Everything both daemons logged (for failure messages)."""
        return "\n".join(f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
                         for path in sorted(self.logs.glob("*")) if path.is_file())

    def _run(self, command: list[str], env: dict[str, str], name: str) -> None:
        with (self.logs / f"{name}.out").open("wb") as log:  # the child keeps its copy
            self._processes.append(subprocess.Popen(command, env=env, stdout=log,
                                                    stderr=subprocess.STDOUT,
                                                    stdin=subprocess.DEVNULL))

    def _wait_for(self, socket: Path, name: str, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while not socket.exists():
            if any(process.poll() is not None for process in self._processes) \
                    or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{name} did not start:\n{self.log_text()}")
            time.sleep(0.05)
