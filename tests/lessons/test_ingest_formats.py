"""Every way a tutor hands in an article becomes the same plain text: .txt in any common
encoding, .md, .html, .docx and .pdf, recognised by their bytes before their names."""
from __future__ import annotations

import io

import pytest

from lessons.clean import clean_article
from lessons.errors import NoArticle
from lessons.ingest import detect_kind, text_from_bytes, text_from_html

BODY = [
    "North Korea said Saturday that its relations with Russia will remain strong despite the warning.",
    "In a statement, the foreign ministry said the United States should accept the new reality.",
    "Seoul officials said the North appears to be readying a third attempt to launch a spy satellite.",
]
TITLE = "Pyongyang reconfirms stronger ties with Russia"


# --- plain text in its encodings ---------------------------------------------------------------

@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param("Café talks “ended” – finally.".encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + "Café talks “ended” – finally.".encode("utf-8"), id="utf-8 with BOM"),
        pytest.param("Café talks “ended” – finally.".encode("utf-16"), id="utf-16 with BOM"),
        pytest.param(b"\xfe\xff" + "Café talks “ended” – finally.".encode("utf-16-be"), id="utf-16-be with BOM"),
        pytest.param("Café talks “ended” – finally.".encode("utf-16-le"), id="utf-16-le without BOM"),
        pytest.param("Café talks “ended” – finally.".encode("cp1252"), id="windows-1252"),
    ],
)
def test_text_files_decode_in_common_encodings(encoded):
    assert text_from_bytes(encoded, "article.txt") == "Café talks “ended” – finally."


def test_bytes_undefined_in_windows_1252_fall_back_to_latin_1():
    data = "Café".encode("latin-1") + b" \x81 talks."
    assert text_from_bytes(data, "a.txt") == "Café \x81 talks."


# --- markdown ----------------------------------------------------------------------------------

MARKDOWN = f"""# {TITLE}

**By Jane Doe** | _Nov. 11, 2023_

{BODY[0]} See [the statement](https://example.com/statement "KCNA") for details.

![Kim and Putin](https://example.com/photo.jpg)

> {BODY[1]}

- {BODY[2]}

```
print("code is not reading text")
```

Read the original at <https://example.com/story>.
"""


def test_markdown_shows_its_text_without_the_markup():
    text = text_from_bytes(MARKDOWN.encode(), "lesson.md")
    assert text.split("\n\n")[0] == TITLE
    assert "See the statement for details." in text
    for markup in ("#", "**", "_Nov", "](", "![", "https://", "```", "print(", "> "):
        assert markup not in text
    for sentence in BODY:
        assert sentence in text


def test_markdown_is_recognised_by_its_content_type():
    assert "**" not in text_from_bytes(b"Some **bold** words.", content_type="text/markdown")


def test_markdown_lesson_cleans_to_its_title_and_paragraphs():
    article = clean_article(text_from_bytes(MARKDOWN.encode(), "lesson.md"))
    assert article.title == TITLE
    assert article.byline == "By Jane Doe"
    assert article.date == "Nov. 11, 2023"
    assert BODY[2] in article.paragraphs


# --- html --------------------------------------------------------------------------------------

def news_page(paragraphs=BODY, title=TITLE) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta property="og:title" content="{title}">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-11-11T13:44:00+09:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="share"><button>Share</button><button>Print</button></div>
<article><h1>{title}</h1><p class="byline">By Jane Doe</p>{body}</article>
<aside><h2>Most popular</h2><ul><li><a href="/a">Another story about something else</a></li></ul></aside>
<footer><p>Copyright 2023 The Daily Planet. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_html_article_is_found_with_its_title_first():
    text = text_from_html(news_page())
    lines = [line for line in text.split("\n\n") if line]
    assert TITLE in lines[:2]
    for sentence in BODY:
        assert sentence in lines
    for furniture in ("Home", "Sport", "Privacy", "Another story"):
        assert furniture not in text


def test_html_page_cleans_to_title_source_byline_and_date():
    article = clean_article(text_from_html(news_page().encode("utf-8"), url="https://planet.example/story"))
    assert article.title == TITLE
    assert article.source == "The Daily Planet"
    assert "Jane Doe" in article.byline
    assert "2023-11-11" in article.date
    assert article.paragraphs == tuple(BODY)


@pytest.mark.parametrize(
    "filename,content_type",
    [("story.html", ""), ("story.htm", ""), ("upload", "text/html; charset=utf-8"), ("saved.txt", "")],
    ids=["by .html", "by .htm", "by content type", "by its content"],
)
def test_html_is_recognised(filename, content_type):
    text = text_from_bytes(news_page().encode("utf-8"), filename, content_type)
    assert "<p>" not in text and BODY[0] in text


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html><body></body></html>",
        "<html><head><title>Page not found</title></head><body><h1>404</h1><p>Page not found.</p></body></html>",
        "<html><body><nav><a href='/'>Home</a><a href='/news'>News</a><a href='/sport'>Sport</a></nav>"
        "<footer>Copyright 2023</footer></body></html>",
    ],
    ids=["empty", "empty body", "error page", "menu only"],
)
def test_a_page_without_an_article_is_refused(page):
    with pytest.raises(NoArticle):
        text_from_html(page)


# --- docx --------------------------------------------------------------------------------------

def make_docx(title: str, paragraphs: list[str], table_cells: list[str] = ()) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for p in paragraphs:
        document.add_paragraph(p)
        document.add_paragraph("")
    if table_cells:
        table = document.add_table(rows=1, cols=len(table_cells))
        for cell, text in zip(table.rows[0].cells, table_cells):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_document_gives_its_paragraphs_in_order():
    data = make_docx(TITLE, BODY, table_cells=["Launch attempts: three", "Since: May 2023"])
    text = text_from_bytes(data, "lesson.docx")
    assert text.split("\n\n") == [TITLE, *BODY, "Launch attempts: three", "Since: May 2023"]


def test_word_document_is_recognised_by_its_bytes_whatever_its_name():
    data = make_docx(TITLE, BODY)
    assert detect_kind(data, "lesson.txt", "text/plain") == "docx"
    assert clean_article(text_from_bytes(data, "lesson.txt")).title == TITLE


# --- pdf ---------------------------------------------------------------------------------------

def make_pdf(title: str, paragraphs: list[str], pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()

    def furniture(canvas, doc):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, 810, "The Daily Planet - World edition")
        canvas.drawString(290, 30, str(doc.page))

    story = [Paragraph(title, styles["Title"])]
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story += [Paragraph(p, styles["BodyText"]) for p in paragraphs]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


LONG_BODY = [p + " " + p.replace("said", "added") for p in BODY]  # long enough to wrap over lines


def test_pdf_paragraphs_are_rebuilt_from_wrapped_lines():
    text = text_from_bytes(make_pdf(TITLE, LONG_BODY), "lesson.pdf")
    paragraphs = text.split("\n\n")
    assert paragraphs[:1] == [TITLE] or paragraphs[1] == TITLE
    for p in LONG_BODY:
        assert p in paragraphs


def test_pdf_running_headers_and_page_numbers_are_dropped():
    text = text_from_bytes(make_pdf(TITLE, LONG_BODY, pages=3), "lesson.pdf")
    assert "Daily Planet - World edition" not in text
    assert "\n\n2\n\n" not in text and not text.endswith("\n\n3")


def test_pdf_is_recognised_by_its_bytes_and_cleans_to_an_article():
    data = make_pdf(TITLE, LONG_BODY)
    assert detect_kind(data, "", "application/octet-stream") == "pdf"
    article = clean_article(text_from_bytes(data))
    assert article.title == TITLE
    assert article.paragraphs == tuple(LONG_BODY)
