"""Running a real Syncthing for a test: own home, own ports, LAN-only, on 127.0.0.1.

``Syncthing.start(home)`` makes a key and config (``syncthing generate``), starts
``syncthing serve`` with its GUI/REST API on a free loopback port, and then, through the
REST API only, turns off global discovery, relays, NAT traversal, usage reporting and
upgrades and listens on a free loopback port.  ``Unavailable`` says why it cannot run.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class Unavailable(Exception):  # noqa: N818 - a reason to skip, not an error
    """Syncthing cannot run on this machine (the message says why)."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Syncthing:
    """One running Syncthing instance."""

    name: str
    home: Path
    process: subprocess.Popen[bytes]
    api: str
    key: str
    device_id: str
    listen: str

    @classmethod
    def start(cls, name: str, home: Path) -> Syncthing:
        binary = shutil.which("syncthing")
        if binary is None:
            raise Unavailable("syncthing is not installed (Debian package 'syncthing')")
        made = subprocess.run([binary, "generate", f"--home={home}", "--no-default-folder"],
                              capture_output=True, text=True, timeout=60, check=False)
        found = re.search(r"Device ID: (\S+)", made.stdout + made.stderr)
        if made.returncode != 0 or found is None:
            raise Unavailable(f"'syncthing generate' failed: {made.stderr.strip()[-300:]}")
        gui, key = f"127.0.0.1:{free_port()}", secrets.token_hex(16)
        with (home / "syncthing.log").open("wb") as log:  # the child keeps its own copy
            process = subprocess.Popen(
                [binary, "serve", f"--home={home}", f"--gui-address=http://{gui}",
                 f"--gui-apikey={key}", "--no-browser", "--no-restart", "--no-upgrade"],
                stdout=log, stderr=subprocess.STDOUT,
                env={"HOME": str(home), "PATH": "/usr/bin:/bin", "STNODEFAULTFOLDER": "1",
                     "STNOUPGRADE": "1", "all_proxy": "", "http_proxy": "",
                     "https_proxy": ""})
        instance = cls(name, home, process, f"http://{gui}", key, found.group(1),
                       f"tcp://127.0.0.1:{free_port()}")
        try:
            instance._wait_for_api()
            instance._lan_only()
        except BaseException:
            instance.stop()
            raise
        return instance

    def request(self, method: str, path: str, body: object = None) -> Any:
        """Call the REST API; the decoded JSON answer (or None)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.api + path, data=data, method=method,
                                         headers={"X-API-Key": self.key,
                                                  "Content-Type": "application/json"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=10) as answer:
            raw = answer.read()
        return json.loads(raw) if raw.strip() else None

    def _wait_for_api(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Unavailable(f"syncthing stopped at once (exit {self.process.returncode})"
                                  f": {self.log_tail()}")
            try:
                self.request("GET", "/rest/system/ping")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise Unavailable(f"syncthing's REST API did not answer: {self.log_tail()}")

    def _lan_only(self) -> None:
        self.request("PATCH", "/rest/config/options", {
            "listenAddresses": [self.listen], "globalAnnounceEnabled": False,
            "localAnnounceEnabled": False, "relaysEnabled": False, "natEnabled": False,
            "urAccepted": -1, "autoUpgradeIntervalH": 0, "crashReportingEnabled": False,
        })

    def add_device(self, other: Syncthing) -> None:
        """Know ``other`` by its device ID, at its loopback address only."""
        self.request("POST", "/rest/config/devices", {
            "deviceID": other.device_id, "name": other.name, "addresses": [other.listen],
            "autoAcceptFolders": False})

    def add_folder(self, folder_id: str, path: Path, kind: str, other: Syncthing) -> None:
        """Share ``path`` with ``other``: ``sendonly`` or ``receiveonly``, no versioning."""
        self.request("POST", "/rest/config/folders", {
            "id": folder_id, "label": folder_id, "path": str(path), "type": kind,
            "devices": [{"deviceID": self.device_id}, {"deviceID": other.device_id}],
            "rescanIntervalS": 2, "fsWatcherEnabled": True, "fsWatcherDelayS": 1,
            "versioning": {"type": ""}})

    def scan(self, folder_id: str) -> None:
        """Look at the folder now rather than at the next rescan."""
        self.request("POST", f"/rest/db/scan?folder={folder_id}")

    def log_tail(self) -> str:
        """The end of this instance's log, for a failure message."""
        try:
            return (self.home / "syncthing.log").read_text(errors="replace")[-600:]
        except OSError:
            return ""

    def stop(self) -> None:
        """Shut down (politely, then not)."""
        if self.process.poll() is None:
            try:
                self.request("POST", "/rest/system/shutdown")
                self.process.wait(timeout=15)
            except (urllib.error.URLError, OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(timeout=15)
