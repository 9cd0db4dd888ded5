"""Reading text out of Markdown, Word (.docx) and PDF files.

Each function returns paragraphs separated by blank lines, lines inside a paragraph by a
newline; cleaning (`lessons.clean`) decides what is reading text.
"""
from __future__ import annotations

import io
import re
import statistics

from lessons.errors import EmptyText, TooLarge, Unreadable

#: A .docx is a zip; its text lives in word/document.xml. A real article's XML is well under
#: 10 MB; a larger one is a "zip bomb" or a book.
MAX_DOCX_XML_BYTES = 50 * 1024 * 1024
#: PDF pages read at most: a news article fills 1-10 pages.
MAX_PDF_PAGES = 200


def text_from_markdown(text: str) -> str:
    """The text a reader sees in rendered Markdown: no #, **, _, link targets or images.

    Parsed with markdown-it (CommonMark): headings and paragraphs become paragraphs, links
    their text; images, code blocks and raw HTML are left out.
    """
    from markdown_it import MarkdownIt

    blocks: list[str] = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type != "inline" or not token.children:
            continue
        parts: list[str] = []
        in_autolink = False
        for child in token.children:
            if child.type == "link_open" and child.markup == "autolink":
                in_autolink = True
            elif child.type == "link_close":
                in_autolink = False
            elif in_autolink or child.type in ("image", "html_inline"):
                continue
            elif child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type == "softbreak":
                parts.append("\n")
            elif child.type == "hardbreak":
                parts.append("\n")
        block = "".join(parts).strip()
        if block:
            blocks.append(block)
    return "\n\n".join(blocks)


def text_from_docx(data: bytes, max_chars: int) -> str:
    """Paragraphs of a Word document, in order, tables included (cell by cell)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = archive.getinfo("word/document.xml").file_size
    except (KeyError, zipfile.BadZipFile, OSError):
        raise Unreadable("a broken Word (.docx) file") from None
    if size > MAX_DOCX_XML_BYTES:
        raise TooLarge("the Word document is too large to be one article")

    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for broken packages
        raise Unreadable(f"a broken Word (.docx) file ({type(error).__name__})") from None
    paragraphs: list[str] = []
    total = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            texts = _table_texts(block)
        else:
            texts = [block.text]
        for text in texts:
            text = text.strip()
            if text:
                paragraphs.append(text)
                total += len(text)
        if total > max_chars:
            raise TooLarge(f"more than {max_chars:,} characters of text")
    return "\n\n".join(paragraphs)


def _table_texts(table) -> list[str]:
    texts, seen = [], set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                continue
            seen.add(id(cell._tc))
            texts.extend(p.text for p in cell.paragraphs)
    return texts


def text_from_pdf(data: bytes, max_chars: int) -> str:
    """The text of a PDF with its paragraphs rebuilt from the layout.

    A PDF stores positioned lines, not paragraphs. A new paragraph starts where the gap to
    the previous line is clearly wider than the usual line spacing, where the font size
    changes (a heading), or after a short line that ends a sentence. Lines that repeat on
    most pages (running headers and footers), bare page numbers, and small-type lines at the
    very top or bottom of a page are dropped.
    """
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("the PDF is protected by a password")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise TooLarge(f"{len(pages)} pages; the limit is {MAX_PDF_PAGES}")
        page_lines: list[list[tuple[float, float, str]]] = []
        total = 0
        for page in pages:
            lines = _page_lines(page)
            page_lines.append(lines)
            total += sum(len(text) for _, _, text in lines)
            if total > max_chars:
                raise TooLarge(f"more than {max_chars:,} characters of text")
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, NotImplementedError) as error:
        raise Unreadable(f"a broken PDF file ({type(error).__name__})") from None
    except Exception as error:
        if isinstance(error, (Unreadable, TooLarge)):
            raise
        raise Unreadable(f"a PDF that cannot be read ({type(error).__name__})") from None
    repeated = _running_lines(page_lines)
    sizes = [size for lines in page_lines for _, size, text in lines for _ in range(len(text))]
    body_size = statistics.median(sizes) if sizes else 0.0
    paragraphs: list[str] = []
    for lines in page_lines:
        lines = [line for line in lines if line[2] not in repeated and not _PAGE_NUMBER.match(line[2])]
        # a page's first or last line in a smaller type than the text: a header or footer
        while lines and lines[0][1] < 0.9 * body_size and len(lines[0][2]) <= 100:
            lines = lines[1:]
        while lines and lines[-1][1] < 0.9 * body_size and len(lines[-1][2]) <= 100:
            lines = lines[:-1]
        paragraphs.extend(_paragraphs(lines))
    if not paragraphs:
        raise EmptyText("the PDF has no text layer (a scanned page?)")
    return "\n\n".join(paragraphs)


_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I)


def _page_lines(page) -> list[tuple[float, float, str]]:
    """(y, font size, text) of each line of a page, top to bottom as the PDF draws them."""
    lines: list[list] = []

    def visit(text, cm, tm, font, size):
        if not text or not text.strip(" \n"):
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(cm[3]) or 1.0
        size = (size or 10.0) * scale
        if lines and abs(lines[-1][0] - y) < 0.5 * max(size, 1.0):
            lines[-1][2] += text
        else:
            lines.append([y, size, text])

    page.extract_text(visitor_text=visit)
    out = []
    for y, size, text in lines:
        pieces = [" ".join(piece.split()) for piece in text.split("\n")]
        for k, piece in enumerate(p for p in pieces if p):
            out.append((y - k * 1.2 * size, size, piece))  # lines drawn by one operator: usual spacing
    return out


def _running_lines(page_lines: list[list[tuple[float, float, str]]]) -> set[str]:
    """Lines printed on most pages: running headers and footers."""
    if len(page_lines) < 3:
        return set()
    counts: dict[str, int] = {}
    for lines in page_lines:
        for text in {text for _, _, text in lines}:
            counts[text] = counts.get(text, 0) + 1
    return {text for text, n in counts.items() if n > len(page_lines) / 2 and len(text) < 100}


_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*$")


def _paragraphs(lines: list[tuple[float, float, str]]) -> list[str]:
    if not lines:
        return []
    # line spacing as a multiple of the font size, so a heading's wider spacing is not a gap
    gaps = [(a[0] - b[0]) / a[1] for a, b in zip(lines, lines[1:]) if a[1] == b[1] and a[0] > b[0]]
    spacing = statistics.median(gaps) if gaps else 0.0
    full = max(len(text) for _, _, text in lines)
    paragraphs: list[str] = []
    current = lines[0][2]
    for (y0, size0, prev), (y1, size1, text) in zip(lines, lines[1:]):
        gap = y0 - y1
        new = (
            abs(size0 - size1) > 0.5
            or gap <= 0  # a new column
            or (spacing and gap / size0 > 1.3 * spacing)
            or (_SENTENCE_END.search(prev) and len(prev) < 0.8 * full)
        )
        if new:
            paragraphs.append(current)
            current = text
        elif current.endswith("-") and text[:1].islower():
            current += text  # a word or compound broken at the line end: "long-" + "range"
        else:
            current += " " + text
    paragraphs.append(current)
    return paragraphs
