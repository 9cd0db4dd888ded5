"""One learner's slow work (a web page that takes seconds to come) holds up no other learner, and
a learner's own updates are still handled in the order they were sent."""
from __future__ import annotations

import threading
import time

from reading_steps import OWN_PARAGRAPHS, OWN_TITLE

from bot.texts import text
from tests.conftest import article_page

#: How long the loopback server takes to serve the slow page: well under the bot's fetch limit.
PAGE_DELAY_SECONDS = 3.0
SLOW_PAGE = "/news/late-edition"  # not "/slow...": the site fixture never answers those


class SlowPages(dict):
    """The loopback site's pages, one of them served only after a delay; notes when it was asked for."""

    def __init__(self, pages: dict, slow_path: str, delay: float) -> None:
        super().__init__(pages)
        self.slow_path, self.delay = slow_path, delay
        self.asked = threading.Event()

    def get(self, path, default=None):
        if path == self.slow_path:
            self.asked.set()
            time.sleep(self.delay)
        return super().get(path, default)


def sent_to(emu, chat_id: int) -> list[int]:
    """Positions, among every sendMessage the bot made, of those to `chat_id`."""
    return [n for n, call in enumerate(emu.calls("sendMessage")) if int(call.params["chat_id"]) == chat_id]


def test_help_for_one_learner_comes_while_another_learners_page_is_still_loading(emu, site):
    slow = site.pages = SlowPages(site.pages, SLOW_PAGE, PAGE_DELAY_SECONDS)
    url = site.add(SLOW_PAGE, article_page(OWN_TITLE, OWN_PARAGRAPHS))
    dami, jun = emu.user(1001, "Dami"), emu.user(1002, "Jun")

    emu.send_text(dami, url)
    assert slow.asked.wait(10), "the bot asked for the page"
    emu.send_text(jun, "/help")
    [help_] = emu.wait_for_messages(jun, timeout=10)
    [preview] = emu.wait_for_messages(dami, timeout=20)

    assert help_.html == text("en", "help.body")
    assert OWN_TITLE in preview.text
    [help_sent], [preview_sent] = sent_to(emu, jun.id), sent_to(emu, dami.id)
    assert help_sent < preview_sent, "Jun's /help must not wait for Dami's page"


def test_a_learners_own_updates_are_answered_in_the_order_sent(emu, site):
    slow = site.pages = SlowPages(site.pages, SLOW_PAGE, PAGE_DELAY_SECONDS)
    url = site.add(SLOW_PAGE, article_page(OWN_TITLE, OWN_PARAGRAPHS))
    dami = emu.user(1001, "Dami")

    emu.send_text(dami, url)
    assert slow.asked.wait(10)
    emu.send_text(dami, "/words")  # sent while the page loads: answered after the preview, about it
    preview, words = emu.wait_for_messages(dami, count=2, timeout=20)
    assert OWN_TITLE in preview.text and text("en", "article.start") in preview.button_labels
    assert f"Words in {OWN_TITLE}" in words.text, "/words must wait for the article the learner sent before it"
