"""What the bot loads once, right after it starts, so that no learner waits for it; then kept out
of the garbage collector's way.

The lexicon (wordfreq's frequency tables and WordNet's index: about 1.6 s), the sentence splitter,
the quiz makers (nltk: about 1.3 s of imports) and the pronouncing dictionary would otherwise load
on the first article, quiz or word card after a restart, and that learner would wait for them.
A job loads them in a worker thread as soon as the bot runs (`app.job_queue.run_once(warm_up, 0)`).

Then `gc.freeze()`. CPython's cyclic garbage collector walks every object in its oldest generation
on each full collection, and with these loaded that is about 150,000 objects: a pause of about
100 ms in which no learner is answered, every few seconds under load (benchmarks/bot_load.py saw
them as its slowest round trips). Data loaded for the life of the process never becomes garbage,
so it is moved to the collector's permanent generation, which full collections skip (Python's
documentation of `gc.freeze`). Objects frozen are still freed as usual when their last reference
goes; only a reference cycle among them would stay, and the data frozen here has none that die.
"""
from __future__ import annotations

import asyncio
import gc
import logging
import time

from telegram.ext import ContextTypes

_log = logging.getLogger(__name__)


def load_everything() -> None:
    """Load what the first article, quiz and word card need, once per process."""
    import vocab.quiz  # noqa: F401  (nltk's edit distance and the distractor tables)
    from lessons.sentences import sentence_tokenizer
    from vocab.lexicon import load_lexicon
    from vocab.pronunciation import dictionary

    load_lexicon()
    sentence_tokenizer()
    dictionary()


def freeze_what_is_loaded() -> int:
    """Collect garbage once, then move every object still alive out of future collections; how many."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


async def warm_up(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Load the lexicon, the quiz makers and the pronouncing dictionary in a worker thread, then freeze them."""
    started = time.perf_counter()
    await asyncio.to_thread(load_everything)
    frozen = freeze_what_is_loaded()
    _log.info("Loaded the lexicon and dictionaries in %.1f s; %d objects kept out of garbage collection",
              time.perf_counter() - started, frozen)
