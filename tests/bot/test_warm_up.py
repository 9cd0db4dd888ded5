"""Warming up loads the lexicon and dictionaries once, then keeps them out of the garbage collector's walks."""
from __future__ import annotations

import gc

from bot.warm_up import freeze_what_is_loaded, import_modules, load_everything


def test_what_is_loaded_at_warm_up_is_frozen_out_of_full_collections():
    import_modules()
    load_everything()  # works without WordNet too: the lexicon then has no glosses
    gc.collect()
    walked_before = len(gc.get_objects())  # what a full collection walks (frozen objects are left out)
    try:
        frozen = freeze_what_is_loaded()
        assert frozen > 0 and gc.get_freeze_count() == frozen
        gc.collect()
        walked_after = len(gc.get_objects())
        assert walked_after < walked_before // 10, (walked_before, walked_after)
    finally:
        gc.unfreeze()  # the other tests of this process see an ordinary collector
    assert gc.get_freeze_count() == 0
