"""How a signing key is shown to people: a short fingerprint they can compare on paper.

A package carries its installation's Ed25519 public key; the agency's printed
sheet shows the key's short fingerprint, so a coordinator who is warned that
an agency's key changed can check the new key against the signed paper.
"""

from __future__ import annotations

import hashlib

KEY_FINGERPRINT_HEX = 16  # 64 bits: enough to tell keys apart by eye, short enough to read out


def key_fingerprint(public_key: bytes) -> str:
    """ "3F2A 9C1B 7D44 0E12": the start of the key's SHA-256 in groups of four."""
    digest = hashlib.sha256(public_key).hexdigest()[:KEY_FINGERPRINT_HEX].upper()
    return " ".join(digest[i : i + 4] for i in range(0, KEY_FINGERPRINT_HEX, 4))
