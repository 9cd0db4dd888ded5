"""Shared fixtures: the sample lesson and a loopback web server (tests never use the internet)."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PATH = ROOT / "lessons" / "samples" / "korea-herald-2023-11-11.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE_PATH


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE_PATH.read_text(encoding="utf-8")


class LoopbackSite:
    """Pages served on 127.0.0.1: path -> (status, content type, body); '/slow' never answers in time."""

    def __init__(self):
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.hang = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                if self.path.startswith("/slow"):
                    site.hang.wait(30)
                    return
                status, ctype, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def add(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8", status: int = 200) -> str:
        self.pages[path] = (status, ctype, body.encode("utf-8") if isinstance(body, str) else body)
        return self.url(path)


@pytest.fixture
def site():
    s = LoopbackSite()
    s.thread.start()
    yield s
    s.hang.set()
    s.server.shutdown()
    s.server.server_close()


def article_page(title: str, paragraphs: list[str]) -> str:
    """A news page with navigation and footer clutter around the article."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title} | Daily News</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sports'>Sports</a></nav>"
        f"<article><h1>{title}</h1><p class='byline'>By Jane Porter</p>{body}</article>"
        "<footer>Copyright 2024 Daily News. All rights reserved. <a href='/privacy'>Privacy</a></footer>"
        "</body></html>"
    )
