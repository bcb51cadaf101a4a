"""Offline packages between agencies and the coordinator: export, verify, import (no Qt).

The package format is a contract (docs/package-format.md): versioned, signed,
and read without trusting a byte of it.
"""
