"""Fetch an article's web page: the edge's job, with a time and a size limit."""
from __future__ import annotations

from dataclasses import dataclass

import httpx

from lessons.errors import FetchFailed

#: A news page is rarely over 2 MB of HTML; anything much larger is not an article.
MAX_PAGE_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT_SECONDS = 10.0
USER_AGENT = "ReadingCompanion/0.1 (+https://github.com/reading-companion)"


@dataclass(frozen=True)
class FetchedPage:
    url: str
    content: bytes
    content_type: str


def is_url(text: str) -> bool:
    """True when the text is one http(s) address and nothing else."""
    text = text.strip()
    return text.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in text)


def fetch_page(url: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> FetchedPage:
    """Download a page, following redirects; raise FetchFailed with a short reason on any failure."""
    if not is_url(url):
        raise FetchFailed("only http:// and https:// addresses can be fetched")
    try:
        with httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True, headers={"User-Agent": USER_AGENT}
        ) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchFailed(f"the page answered {response.status_code} {response.reason_phrase}")
                body = bytearray()
                for part in response.iter_bytes():
                    body.extend(part)
                    if len(body) > MAX_PAGE_BYTES:
                        raise FetchFailed("the page is too large to be an article")
                content_type = response.headers.get("content-type", "")
                return FetchedPage(str(response.url), bytes(body), content_type)
    except httpx.TimeoutException:
        raise FetchFailed(f"the page did not answer within {timeout:g} seconds") from None
    except httpx.HTTPError as error:
        raise FetchFailed(f"the page could not be reached ({type(error).__name__})") from None


async def fetch_page_async(url: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> FetchedPage:
    """`fetch_page` without blocking the event loop (for the bot's handlers)."""
    import asyncio

    return await asyncio.to_thread(fetch_page, url, timeout)
