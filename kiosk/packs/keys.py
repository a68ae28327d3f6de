"""Ed25519 keys for content packs: making a pair, loading them, naming them.

The clinic keeps ``content-signing.key`` (PKCS #8 PEM, mode 0600) on the office PC only;
every kiosk has the public half (SubjectPublicKeyInfo PEM, ``*.pub``) in its data
folder's ``trusted-keys/``.  A key is named by its id: the first 16 hex digits of the
SHA-256 of its raw 32 public bytes.  Signatures use PyCA ``cryptography``: a
well-kept library with wheels for Linux and Windows and a PyInstaller hook (PyNaCl
would do as well, but would add libsodium to the bundle for no gain).
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from kiosk.packs.state import trusted_keys_dir

log = logging.getLogger(__name__)

PRIVATE_KEY_FILE = "content-signing.key"
PUBLIC_KEY_FILE = "content-signing.pub"


class KeyFileError(Exception):
    """A key file is missing, unreadable or not an Ed25519 key (message in plain words)."""


def key_id(public: Ed25519PublicKey) -> str:
    """16 hex digits naming a public key (SHA-256 of its raw bytes)."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def keygen(directory: Path) -> tuple[Path, Path]:
    """Write a new key pair into ``directory``; ``(private, public)`` paths.

    Refuses (``FileExistsError``) to overwrite an existing private key: losing it would
    leave every kiosk unable to take new content until IT replaced the trusted key.
    """
    directory.mkdir(parents=True, exist_ok=True)
    private_path = directory / PRIVATE_KEY_FILE
    public_path = directory / PUBLIC_KEY_FILE
    if private_path.exists():
        raise FileExistsError(f"{private_path} already exists; move it away first")
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM,
                                serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    private_path.chmod(0o600)  # whatever the umask did
    public_path.write_bytes(public_pem(private.public_key()))
    return private_path, public_path


def public_pem(public: Ed25519PublicKey) -> bytes:
    """The public key as PEM text."""
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The signing key in ``path``; ``KeyFileError`` if it is not one."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise KeyFileError(f"{path}: cannot read the key ({error.strerror or error})") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise KeyFileError(f"{path}: not a private key made by 'tigoni-kiosk keygen'") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path}: not an Ed25519 key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """The public key in ``path``; ``KeyFileError`` if it is not one."""
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except OSError as error:
        raise KeyFileError(f"{path}: cannot read the key ({error.strerror or error})") from None
    except (ValueError, TypeError):
        raise KeyFileError(f"{path}: not a public key made by 'tigoni-kiosk keygen'") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(f"{path}: not an Ed25519 key")
    return key


@dataclass(frozen=True)
class TrustedKey:
    """A public key IT placed in ``trusted-keys/``."""

    path: Path
    key: Ed25519PublicKey
    id: str


def trusted_keys(data_dir: Path | None) -> list[TrustedKey]:
    """Every usable ``*.pub`` in ``trusted-keys/`` (unusable ones are logged and skipped)."""
    if data_dir is None:
        return []
    folder = trusted_keys_dir(data_dir)
    try:
        candidates = sorted(folder.glob("*.pub"))
    except OSError:
        return []
    found = []
    for path in candidates:
        try:
            key = load_public_key(path)
        except KeyFileError as error:
            log.warning("ignoring trusted key: %s", error)
            continue
        found.append(TrustedKey(path, key, key_id(key)))
    return found
