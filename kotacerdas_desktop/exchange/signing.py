"""Ed25519 signatures of package manifests (PyNaCl: libsodium, kept by PyCA).

Each installation signs with its own key (store/installation.py); the public key
travels in the manifest, and the coordinator trusts the first key it sees per
agency (store/imports.py).
"""

from __future__ import annotations

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.signing import SigningKey, VerifyKey

from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.exchange.safezip import refuse


def sign(seed: bytes, message: bytes) -> bytes:
    return SigningKey(seed).sign(message).signature


def check_signature(public_key: bytes, signature: bytes, message: bytes) -> None:
    """Refuse the package unless ``signature`` is the key's signature of ``message``."""
    try:
        VerifyKey(public_key).verify(message, signature)
    except (BadSignatureError, CryptoError, ValueError, TypeError) as exc:
        raise refuse(
            t(
                "tanda tangan paket tidak sah: isi manifes diubah setelah ditandatangani, "
                "atau paket tidak dibuat oleh KotaCerdas",
                "the package signature is not valid: the manifest was changed after signing, "
                "or the package was not made by KotaCerdas",
            )
        ) from exc
