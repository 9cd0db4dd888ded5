"""The vocabulary core: which words of an article a learner should study, and how hard it is.

`find_vocabulary` is re-exported here. It is loaded on first use, so that importing the small
`vocab.items` dataclasses does not pull in the word-frequency tables.
"""
from __future__ import annotations

__all__ = ["find_vocabulary"]


def __getattr__(name: str):
    if name == "find_vocabulary":
        from vocab.picking import find_vocabulary

        return find_vocabulary
    raise AttributeError(f"module 'vocab' has no attribute {name!r}")
