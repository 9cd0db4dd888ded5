"""Turn the bytes a tutor sends (a file, a pasted text, a fetched page) into plain article text.

What a file is, is decided by its first bytes before its name or declared type: a name can
lie (a .txt that is really a .docx), the bytes cannot. Size limits are checked before any work
is done, so a huge input is refused at once.
"""
from __future__ import annotations

import codecs
import re

from lessons.documents import text_from_docx, text_from_markdown, text_from_pdf
from lessons.errors import TooLarge, Unreadable
from lessons.limits import MAX_DOCUMENT_BYTES, MAX_HTML_BYTES, MAX_TEXT_BYTES, MAX_TEXT_CHARS
from lessons.webpage import text_from_html

__all__ = [
    "MAX_TEXT_BYTES",
    "MAX_HTML_BYTES",
    "MAX_DOCUMENT_BYTES",
    "MAX_TEXT_CHARS",
    "text_from_bytes",
    "text_from_html",
    "decode_text",
    "check_text_size",
]

#: Control characters that a text file may hold: tab, line feed, form feed, carriage return.
_TEXT_CONTROLS = b"\t\n\x0c\r"
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
#: In real text a stray control character is rare; past this share the file is binary.
MAX_CONTROL_SHARE = 0.01

#: Signatures of files that are certainly not text (images, archives, media, executables, old Office).
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", "a bitmap image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc); save it as .docx"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"ID3", "an audio file"),
    (b"OggS", "an audio file"),
    (b"fLaC", "an audio file"),
    (b"%!PS", "a PostScript file"),
    (b"{\\rtf", "an RTF file; save it as .docx or .txt"),
)

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def text_from_bytes(data: bytes, filename: str = "", content_type: str = "") -> str:
    """Plain text of a .txt/.md/.html/.docx/.pdf file's bytes.

    Raises TooLarge before reading an oversized input, Unreadable for binary or broken files.
    The text is not cleaned (see `lessons.clean.clean_article`); it may be empty.
    """
    kind = detect_kind(data, filename, content_type)
    limit = {"docx": MAX_DOCUMENT_BYTES, "pdf": MAX_DOCUMENT_BYTES, "html": MAX_HTML_BYTES}.get(kind, MAX_TEXT_BYTES)
    if len(data) > limit:
        raise TooLarge(f"{len(data) / 1048576:.1f} MB; the limit for this kind of file is {limit // 1048576} MB")
    if kind == "docx":
        text = text_from_docx(data, max_chars=MAX_TEXT_CHARS)
    elif kind == "pdf":
        text = text_from_pdf(data, max_chars=MAX_TEXT_CHARS)
    elif kind == "html":
        return text_from_html(data)  # checks its own extracted size
    else:
        text = decode_text(data)
        check_text_size(text)
        if kind == "markdown":
            text = text_from_markdown(text)
    check_text_size(text)
    return text


def check_text_size(text: str) -> None:
    """Raise TooLarge when extracted text is longer than one lesson can be."""
    if len(text) > MAX_TEXT_CHARS:
        raise TooLarge(f"{len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")


def detect_kind(data: bytes, filename: str = "", content_type: str = "") -> str:
    """"text", "markdown", "html", "docx" or "pdf": by magic bytes first, then name and type."""
    name = filename.lower().rsplit("?", 1)[0]
    ctype = content_type.lower().split(";", 1)[0].strip()
    head = data[:1024]
    # the PDF header may follow some junk bytes; in a text file "%PDF-" is only a mention
    if head.lstrip().startswith(b"%PDF-") or (b"%PDF-" in head and (b"\x00" in head or _declared_pdf(name, ctype))):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else _refuse("a zip archive, not a Word (.docx) document")
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature) and not _may_be_text(signature, head):
            raise Unreadable(f"this is {what}")
    if (head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"AVI ", b"WAVE")) or (
        head[4:8] == b"ftyp" and b"\x00" in head[:4]
    ):
        raise Unreadable("this is an image or media file")
    if name.endswith((".docx", ".pdf")) or ctype in (
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ):
        declared = name.rsplit(".", 1)[-1] if name else ctype
        raise Unreadable(f"the file is named or declared as {declared} but is not one")
    if name.endswith((".html", ".htm", ".xhtml")) or ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if name.endswith((".md", ".markdown")) or ctype in ("text/markdown", "text/x-markdown"):
        return "markdown"
    if _HTML_START.match(data[:4096].lstrip(codecs.BOM_UTF8)):
        return "html"
    return "text"


def _declared_pdf(name: str, ctype: str) -> bool:
    return name.endswith(".pdf") or ctype == "application/pdf"


def _refuse(detail: str):
    raise Unreadable(detail)


def _may_be_text(signature: bytes, head: bytes) -> bool:
    """Short printable signatures ("BM", "MZ", "ID3") also begin English text ("BMW sales..."):
    trust them only when control characters follow."""
    printable = all(32 <= b < 127 for b in signature)
    return printable and len(signature) <= 3 and not head.translate(None, _NOT_CONTROL)


def _is_docx(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Unreadable("a broken zip or Word file") from None


def decode_text(data: bytes) -> str:
    """Text of a plain-text file: UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16
    without one, else Windows-1252 (a superset of Latin-1 for printable text), else Latin-1.

    Raises Unreadable for binary data: NUL bytes or many control characters.
    """
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec))
            except UnicodeDecodeError:
                raise Unreadable(f"the file starts like {codec} text but is not") from None
    if b"\x00" in data:
        codec = _bomless_utf16(data)
        if codec is None:
            raise Unreadable("the file holds binary data (NUL bytes), not text")
        try:
            return _checked(data.decode(codec))
        except UnicodeDecodeError:
            raise Unreadable("the file holds binary data, not text") from None
    controls = len(data.translate(None, _NOT_CONTROL))
    if controls > max(2, MAX_CONTROL_SHARE * len(data)):
        raise Unreadable("the file holds binary data (control characters), not text")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("cp1252"))
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8d...)
        return _checked(data.decode("latin-1"))


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM puts a NUL beside nearly every ASCII letter, all on one side."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if even and odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if odd and even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


#: After decoding: control characters, the replacement mark of broken bytes, private-use characters.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")


def _checked(text: str) -> str:
    """The decoded text, unless it holds many control characters or replacement marks."""
    sample = text[:50000]
    bad = len(_NOT_TEXT.findall(sample))
    if bad > max(2, MAX_CONTROL_SHARE * len(sample)):
        raise Unreadable("the file holds binary data, not text")
    return text
