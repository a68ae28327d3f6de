"""Signed content packs: one trusted content for many kiosks.

A pack (``*.tkpack``) is a zip holding ``manifest.json`` (version, creation time, signer,
SHA-256 and size of every content file), ``manifest.sig`` (an Ed25519 signature over the
manifest's exact bytes) and the content under ``content/``.  No Qt here except in
``inbox`` (``QtCore`` only).

* ``keys``: ``keygen``, loading the signing key and the kiosk's ``trusted-keys/``.
* ``manifest``: the manifest's fields and its strict parser.
* ``build``: ``make_pack`` (``tigoni-kiosk pack``), which runs ``check`` first.
* ``verify``: ``open_pack``: signature, every name, limit and hash, before anything is
  unpacked; ``PackRefused`` carries one plain reason per line.
* ``install``: ``install_pack`` (``tigoni-kiosk install-pack`` and the kiosk's inbox):
  unpack beside, fsync, ``check``, switch by renaming one small state file, keep the
  previous pack as the fallback.
* ``state``: ``packs/state.json`` (installed, previous, last refused) in the data folder.
* ``shown``: which pack's content the kiosk shows and the staff panel's lines.
* ``inbox``: ``PackInbox``, a ``QFileSystemWatcher`` over ``inbox/`` and IT's folders.
* ``commands``: the command-line side of ``keygen``, ``pack`` and ``install-pack``.
"""

TRUSTED_KEYS_DIR = "trusted-keys"  # in the data folder: the public keys IT placed
