"""Parts for a phone: whole sentences, paragraphs together, about 600-1,200 characters, one
Telegram message at most."""
from __future__ import annotations

import random

import pytest

from lessons.chunking import HARD_LIMIT, make_chunks, split_long_sentence, split_sentences
from lessons.clean import clean_article

TELEGRAM_MESSAGE = 4096

WORDS = (
    "the officials said talks between the two countries would continue despite new warnings about "
    "weapons transfers and a satellite launch that could raise tension across the region again"
).split()


def paragraph(rng: random.Random, sentences: int) -> str:
    """A paragraph of made-up sentences of 8-30 words."""
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 30))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def article(seed: int, paragraphs: int, low: int = 1, high: int = 4) -> list[str]:
    rng = random.Random(seed)
    return [paragraph(rng, rng.randint(low, high)) for _ in range(paragraphs)]


def all_sentences(paragraphs):
    return [s for p in paragraphs for s in split_sentences(p)]


@pytest.mark.parametrize("seed", range(12))
def test_nothing_is_lost_reordered_or_split(seed):
    paragraphs = article(seed, paragraphs=random.Random(seed).randint(1, 30))
    chunks = make_chunks(paragraphs)
    assert [s for c in chunks for s in c.sentences] == all_sentences(paragraphs)
    assert " ".join(c.text for c in chunks).replace("\n\n", " ") == " ".join(paragraphs)
    assert [c.index for c in chunks] == list(range(len(chunks)))


@pytest.mark.parametrize("seed", range(12))
def test_paragraphs_shorter_than_the_maximum_are_never_cut(seed):
    paragraphs = [p for p in article(seed, paragraphs=25) if len(p) <= 1000]
    chunks = make_chunks(paragraphs)
    pieces = [piece for c in chunks for piece in c.text.split("\n\n")]
    assert pieces == paragraphs


@pytest.mark.parametrize("seed", range(12))
def test_parts_are_about_600_to_1200_characters(seed):
    paragraphs = article(seed, paragraphs=40)
    chunks = make_chunks(paragraphs)
    sizes = [len(c.text) for c in chunks]
    assert all(size <= HARD_LIMIT for size in sizes)
    assert all(400 <= size <= 1500 for size in sizes), sizes
    middle = sorted(sizes)[len(sizes) // 2]
    assert 600 <= middle <= 1200, sizes


@pytest.mark.parametrize("min_chars,max_chars", [(200, 400), (1000, 2000), (2000, 3000)])
def test_sizes_are_configurable(min_chars, max_chars):
    paragraphs = article(7, paragraphs=60)
    sizes = [len(c.text) for c in make_chunks(paragraphs, min_chars=min_chars, max_chars=max_chars)]
    middle = sorted(sizes)[len(sizes) // 2]
    assert min_chars <= middle <= max_chars, sizes
    assert max(sizes) <= HARD_LIMIT


@pytest.mark.parametrize("seed", range(40))
def test_no_part_is_a_scrap(seed):
    rng = random.Random(seed)
    paragraphs = article(seed, paragraphs=rng.randint(2, 20), low=1, high=rng.choice([2, 6]))
    chunks = make_chunks(paragraphs)
    if len(chunks) > 1:
        assert min(len(c.text) for c in chunks) >= 200, [len(c.text) for c in chunks]


def test_a_long_paragraph_is_cut_between_sentences():
    long = paragraph(random.Random(1), sentences=60)
    assert len(long) > 4000
    chunks = make_chunks([long])
    assert len(chunks) >= 3
    assert all(len(c.text) <= 1200 * 1.1 for c in chunks)
    assert [s for c in chunks for s in c.sentences] == split_sentences(long)
    for c in chunks:
        assert c.text.endswith(".")


def test_a_tiny_last_part_is_merged_into_the_one_before():
    rng = random.Random(3)
    first = paragraph(rng, 6)[:1100].rsplit(" ", 1)[0] + "."
    second = paragraph(rng, 6)[:1000].rsplit(" ", 1)[0] + "."
    paragraphs = [first, second, "It ended there."]
    chunks = make_chunks(paragraphs)
    assert len(chunks) == 2
    assert chunks[-1].text.endswith("It ended there.")


def test_a_sentence_longer_than_a_message_is_cut_at_clauses():
    clause = "the ministry said that the weapons had been moved across the border at night"
    sentence = "; ".join([clause] * 80).capitalize() + "."
    assert len(sentence) > HARD_LIMIT
    chunks = make_chunks([sentence])
    assert len(chunks) >= 2
    assert all(len(c.text) <= HARD_LIMIT for c in chunks)
    assert all(c.text.endswith((";", ".")) for c in chunks)
    assert " ".join(c.text for c in chunks) == sentence


def test_a_sentence_without_clauses_is_cut_between_words():
    sentence = " ".join(["weapons"] * 1000) + "."
    pieces = split_long_sentence(sentence, 1200)
    assert all(b - a <= 1200 for a, b in pieces)
    assert " ".join(sentence[a:b] for a, b in pieces) == sentence


def test_a_run_without_spaces_is_cut_hard():
    text = "x" * 8000
    chunks = make_chunks([text], hard_limit=3500)
    assert "".join(c.text for c in chunks) == text
    assert all(len(c.text) <= 3500 for c in chunks)


def test_every_part_fits_one_telegram_message_with_bold_markup(sample_text):
    chunks = make_chunks(clean_article(sample_text).paragraphs * 20)
    for c in chunks:
        marked = c.text.replace("Pyongyang", "<b>Pyongyang</b>")
        assert len(marked) + len("Part 99 of 99\n\n") <= TELEGRAM_MESSAGE


def test_the_sample_lesson_reads_in_two_or_three_parts(sample_text):
    a = clean_article(sample_text)
    chunks = make_chunks(a.paragraphs)
    assert 2 <= len(chunks) <= 3
    assert [p for c in chunks for p in c.text.split("\n\n")] == list(a.paragraphs)


def test_no_paragraphs_make_no_parts():
    assert make_chunks([]) == ()
    assert make_chunks(["", "   "]) == ()


@pytest.mark.parametrize("sizes", [(0, 100, 200), (700, 600, 3500), (600, 1200, 1000)])
def test_inconsistent_sizes_are_refused(sizes):
    with pytest.raises(ValueError):
        make_chunks(["Some text."], *sizes)
