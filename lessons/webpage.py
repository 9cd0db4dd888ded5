"""The article in a web page, found by trafilatura (menus, adverts and comments left out).

Fetching is the shell's job; this module gets the page's bytes or text.
"""
from __future__ import annotations

import re

from lessons.errors import NoArticle, TooLarge
from lessons.limits import MAX_HTML_BYTES, MAX_TEXT_CHARS

#: Fewer words than this is a page's furniture (an error page, a cookie wall), not an article.
MIN_ARTICLE_WORDS = 25


def text_from_html(html: str | bytes, url: str = "") -> str:
    """The page's article as plain text: source, title, byline and date lines, then paragraphs.

    The header lines are written the way a reader would copy them ("By Jane Doe",
    "Published: 2023-11-11") so that `clean_article` recognises them like pasted text.
    Raises NoArticle when the page holds no article, TooLarge for an oversized page.
    """
    size = len(html)
    if size > MAX_HTML_BYTES:
        raise TooLarge(f"the page is {size / 1048576:.1f} MB; the limit is {MAX_HTML_BYTES // 1048576} MB")
    if not (html.strip() if isinstance(html, str) else html.strip()):
        raise NoArticle("the page is empty")

    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
        )
    except Exception as error:  # lxml and trafilatura raise many kinds for broken markup
        raise NoArticle(f"the page could not be parsed ({type(error).__name__})") from None
    body = (getattr(document, "text", None) or "") if document is not None else ""
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise NoArticle("no article text found on the page")

    title = _one_line(getattr(document, "title", ""))
    header: list[str] = []
    site = _one_line(getattr(document, "sitename", ""))
    if site and len(site.split()) <= 6 and site.lower() != title.lower() and not _is_domain(site, url):
        header.append(site)
    if title:
        header.append(title)
        if paragraphs and paragraphs[0].lower() == title.lower():
            paragraphs = paragraphs[1:]
    author = _one_line(getattr(document, "author", ""))
    if author:
        header.append(author if author.lower().startswith("by ") else f"By {author}")
    date = _one_line(getattr(document, "date", ""))
    if date:
        header.append(f"Published: {date}")
    text = "\n\n".join(header + paragraphs)
    if len(text) > MAX_TEXT_CHARS:
        raise TooLarge(f"{len(text):,} characters of text; the limit is {MAX_TEXT_CHARS:,}")
    return text


def _one_line(value) -> str:
    return " ".join(str(value or "").split())


def _is_domain(site: str, url: str) -> bool:
    """trafilatura falls back to the host name ("www.example.com") when a page names no site."""
    return bool(re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+", site))
