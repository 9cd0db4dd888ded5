"""Tiny real media files for tests and the sandbox: a PNG of any size, an Ogg page stream of any
length. Telegram refuses a "photo" that is not an image, so tests need real headers."""
from __future__ import annotations

import struct
import zlib


def png(width: int, height: int) -> bytes:
    """A valid grey PNG image of the given size."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def ogg(seconds: float) -> bytes:
    """Two Ogg pages whose last granule position says the stream lasts `seconds` at Opus's 48 kHz
    (how Telegram, and the emulator, read a voice note's duration). Not playable audio."""
    def page(granule: int, sequence: int) -> bytes:
        return (b"OggS" + bytes([0, 0]) + struct.pack("<qII", granule, 1, sequence)
                + b"\x00\x00\x00\x00" + b"\x01\x01" + b"x")
    return page(0, 0) + page(int(seconds * 48000), 1)
