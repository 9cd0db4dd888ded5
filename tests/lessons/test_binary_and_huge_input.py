"""Input that is not an article's text is refused with a reason: binary files, broken documents,
and inputs too large for a lesson (refused before any work is done)."""
from __future__ import annotations

import io
import random
import zipfile

import pytest

from lessons import ingest
from lessons.clean import clean_article
from lessons.errors import EmptyText, TooLarge, Unreadable
from lessons.ingest import (
    MAX_DOCUMENT_BYTES,
    MAX_HTML_BYTES,
    MAX_TEXT_BYTES,
    MAX_TEXT_CHARS,
    text_from_bytes,
    text_from_html,
)


def png() -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(range(30)) for _ in range(10))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 10, 10, 8, 0, 0, 0, 0)) + chunk(
        b"IDAT", zlib.compress(raw)
    ) + chunk(b"IEND", b"")


def zip_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def random_bytes(n: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(n)


@pytest.mark.parametrize(
    "data,filename",
    [
        pytest.param(png(), "photo.png", id="png image"),
        pytest.param(png(), "article.txt", id="png image named .txt"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + random_bytes(500), "photo.jpg", id="jpeg image"),
        pytest.param(b"GIF89a" + random_bytes(300), "", id="gif image"),
        pytest.param(b"RIFF\x00\x10\x00\x00WEBPVP8 " + random_bytes(300), "", id="webp image"),
        pytest.param(random_bytes(4000), "article.txt", id="random bytes"),
        pytest.param(b"Hello\x00world\x00" * 50, "article.txt", id="text with NUL bytes"),
        pytest.param(bytes(range(1, 32)) * 20 + b"some words", "notes.txt", id="control characters"),
        pytest.param(zip_of({"notes.txt": b"hello"}), "article.docx", id="zip that is not a docx"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random_bytes(600), "old.doc", id="old .doc"),
        pytest.param(b"\x7fELF\x02\x01\x01" + random_bytes(600), "", id="program"),
        pytest.param(b"This is plain text, not a Word file.", "article.docx", id="text named .docx"),
        pytest.param(b"This is plain text, not a PDF.", "article.pdf", id="text named .pdf"),
        pytest.param(zip_of({"word/document.xml": b"<not really xml"}), "a.docx", id="broken docx"),
        pytest.param(b"%PDF-1.7\n" + random_bytes(2000), "a.pdf", id="broken pdf"),
    ],
)
def test_binary_and_broken_files_are_unreadable(data, filename):
    with pytest.raises(Unreadable):
        text_from_bytes(data, filename)


@pytest.mark.parametrize(
    "text",
    ["BMW sales rose in Korea last month.", "MZ generation readers like short news.", "ID3 tags are metadata."],
)
def test_text_starting_like_a_file_signature_is_still_text(text):
    assert text_from_bytes(text.encode(), "a.txt") == text


def test_a_5_mb_text_is_refused_before_it_is_read(monkeypatch):
    def must_not_run(*args, **kwargs):
        raise AssertionError("a huge input was decoded")

    monkeypatch.setattr(ingest, "decode_text", must_not_run)
    huge = b"North Korea said Saturday that its ties with Russia will remain strong. " * 75_000
    assert len(huge) > 5 * 1024 * 1024
    with pytest.raises(TooLarge):
        text_from_bytes(huge, "huge.txt")


@pytest.mark.parametrize(
    "size,filename",
    [
        (MAX_TEXT_BYTES + 1, "a.txt"),
        (MAX_TEXT_BYTES + 1, "a.md"),
        (MAX_HTML_BYTES + 1, "a.html"),
    ],
)
def test_each_kind_has_a_byte_limit(size, filename):
    with pytest.raises(TooLarge):
        text_from_bytes(b"a" * size, filename)


def test_a_document_over_its_limit_is_refused_unopened():
    data = b"%PDF-1.7\n" + b"0" * MAX_DOCUMENT_BYTES
    with pytest.raises(TooLarge):
        text_from_bytes(data, "big.pdf")


def test_a_page_over_the_limit_is_refused():
    with pytest.raises(TooLarge):
        text_from_html("<html>" + " " * MAX_HTML_BYTES + "</html>")


def test_a_short_file_with_too_much_extracted_text_is_refused():
    import docx

    document = docx.Document()
    for _ in range(2000):
        document.add_paragraph("The talks between the top diplomats came after revelations of arms deals. " * 2)
    out = io.BytesIO()
    document.save(out)
    assert len(out.getvalue()) < MAX_DOCUMENT_BYTES
    with pytest.raises(TooLarge):
        text_from_bytes(out.getvalue(), "book.docx")


def test_a_10000_word_article_passes(sample_text):
    rng = random.Random(5)
    vocabulary = sample_text.split()[20:]
    paragraphs = [
        " ".join(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(12, 30))).capitalize() + "." for _ in range(5))
        for _ in range(100)
    ]
    long_text = "Title of a long feature story\n\n" + "\n\n".join(paragraphs)
    assert 10_000 <= len(long_text.split()) <= 15_000 and len(long_text) < MAX_TEXT_CHARS
    text = text_from_bytes(long_text.encode("utf-8"), "long.txt")
    assert len(clean_article(text).paragraphs) == len(paragraphs)


def test_a_pdf_without_text_has_nothing_to_read():
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(100, 100, 200, 200, fill=1)  # a drawing, like a scanned page: no text layer
    page.save()
    with pytest.raises(EmptyText):
        text_from_bytes(out.getvalue(), "scan.pdf")


@pytest.mark.parametrize(
    "text",
    [
        "Another WAVE of protests hit Seoul on Saturday.",
        "Save the report as %PDF-1.7 before sending it, officials said.",
        "The ftyp box is part of a video file, the engineer said.",
    ],
)
def test_text_mentioning_a_file_format_is_still_text(text):
    assert text_from_bytes(text.encode(), "notes.txt") == text


def test_an_empty_file_has_nothing_to_read():
    with pytest.raises(EmptyText):
        clean_article(text_from_bytes(b"", "empty.txt"))
