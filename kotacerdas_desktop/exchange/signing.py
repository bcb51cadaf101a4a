"""Ed25519 signatures of package manifests (the ``cryptography`` package).

Each installation signs with its own key (store/installation.py); the public key
travels in the manifest, and the coordinator trusts the first key it sees per
agency (store/imports.py).
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.exchange.safezip import refuse


def sign(seed: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).sign(message)


def check_signature(public_key: bytes, signature: bytes, message: bytes) -> None:
    """Refuse the package unless ``signature`` is the key's signature of ``message``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError) as exc:
        raise refuse(
            t(
                "tanda tangan paket tidak sah: isi manifes diubah setelah ditandatangani, "
                "atau paket tidak dibuat oleh KotaCerdas",
                "the package signature is not valid: the manifest was changed after signing, "
                "or the package was not made by KotaCerdas",
            )
        ) from exc
