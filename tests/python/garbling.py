"""Mojibake made on purpose, as broken pipelines make it: text encoded as UTF-8 and read back as
Windows-1252 or Latin-1, once or several times. Shared by the repair unit tests and the build test."""

from __future__ import annotations

# Bytes Windows-1252 leaves undefined; a decoder that meets them keeps them as Latin-1 (C1 controls).
CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def as_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1): one layer of mojibake."""
    return "".join(
        chr(byte) if byte in CP1252_UNDEFINED else bytes([byte]).decode("cp1252") for byte in text.encode("utf-8")
    )


def as_latin1(text: str) -> str:
    """UTF-8 bytes read as Latin-1: one layer of mojibake, with C1 controls."""
    return text.encode("utf-8").decode("latin-1")


def garble(text: str, layer, layers: int) -> str:
    """``layers`` layers of mojibake of one kind."""
    for _ in range(layers):
        text = layer(text)
    return text
