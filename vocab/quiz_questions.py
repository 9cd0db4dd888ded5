"""The three kinds of quiz question, and how each is made from one vocabulary item.

- GapFill: the item's own article sentence with the item blanked out; four options in the form
  the sentence needs (the learner recalls the word in context, the strongest cue for reading).
- WordMeaning: the word ("What does 'munitions' mean?") with four glosses (form -> meaning,
  recognition).
- TypedRecall: the gloss and the first letter, the learner types the word (meaning -> form,
  productive recall, the hardest and the most durable for memory).

A question holds what is asked, never a sentence about it in some language: the bot words the
stem in the learner's language from its message catalogues. GapFill and WordMeaning use the
field names of Telegram's sendPoll (question, options, correct_option_id, explanation) and keep
its quiz limits; stored records of older versions are read by `vocab.quiz_records`.
"""
from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from typing import ClassVar, Sequence, Union

from . import word_pool
from .distractors import Target, choose_distractors, first_clause
from .items import VocabItem
from .quiz_text import (
    EXPLANATION_LIMIT,
    OPTION_LIMIT,
    blank_out,
    find_in_sentence,
    letter_shape,
    mask,
    match_case,
    trim_around,
    trim_words,
)
from .quiz_records import current_record, hidden_letter_counts, phrase_shape

#: Options in a poll: the right one and three distractors, the usual multiple-choice format.
OPTIONS = 4


@dataclass(frozen=True)
class PollQuestion:
    """A question sent as a Telegram quiz poll: the fields sendPoll takes, plus what grades it.

    `question` is what the poll asks about, in no language (the bot adds the stem): the article
    sentence with its gap for a gap-fill, the word as the article has it for word -> meaning.
    """

    id: str
    lemma: str
    question: str
    options: tuple[str, ...]
    correct_option_id: int
    explanation: str
    kind: str = "poll"
    is_poll: ClassVar[bool] = True


@dataclass(frozen=True)
class GapFill(PollQuestion):
    """The article sentence with a blank; pick the word that was there."""

    kind: str = "gap_fill"

    @property
    def sentence(self) -> str:
        """The article sentence with BLANK where the word was (trimmed around it to fit)."""
        return self.question


@dataclass(frozen=True)
class WordMeaning(PollQuestion):
    """The word ("What does 'munitions' mean?") with four glosses to choose from."""

    kind: str = "meaning"

    @property
    def word(self) -> str:
        """The word or phrase asked about, as the article has it: "munitions"."""
        return self.question


@dataclass(frozen=True)
class TypedRecall:
    """The gloss (or the sentence) and a letter hint; the learner types the word."""

    id: str
    lemma: str
    clue: str  # the gloss with the word masked; the blanked sentence when there is no gloss
    hint: str  # the first letter of each word and a slot per other letter: "m________"
    answer: str  # the word as the learner met it: "munitions"
    forms: tuple[str, ...]  # every answer that counts as right
    explanation: str  # the article sentence, shown after the answer
    kind: str = "typed"
    is_poll: ClassVar[bool] = False

    @property
    def letters(self) -> tuple[int, ...]:
        """Letters in each word the hint hides, for its count: (9,), or (13,) for "u____________ restrictions"."""
        return hidden_letter_counts(self.hint, self.answer)

    @property
    def question(self) -> str:
        return f"{self.clue}\n{self.hint}"


Question = Union[GapFill, WordMeaning, TypedRecall]
KINDS: tuple[str, ...] = ("gap_fill", "meaning", "typed")
_CLASSES = {"gap_fill": GapFill, "meaning": WordMeaning, "typed": TypedRecall}


def question_to_dict(question: Question) -> dict:
    """Plain JSON-able data for storing a quiz in progress."""
    data = asdict(question)
    for key in ("options", "forms"):
        if key in data:
            data[key] = list(data[key])
    return data


def question_from_dict(data: dict) -> Question:
    """The question `question_to_dict` stored (by this version or an older one)."""
    cls = _CLASSES[data["kind"]]
    values = {k: tuple(v) if k in ("options", "forms") else v for k, v in current_record(data).items()}
    return cls(**values)


def head_pos(item: VocabItem) -> str | None:
    """Part of speech of the word a phrase's gap-fill swaps: its first word, whose collocation is
    what is learned ("adjective+noun": *constructive* role; "verb+noun": *intensify* pressure;
    "phrasal verb": *give* rise). For a word, its own part of speech."""
    if item.kind == "word":
        return item.pos if item.pos in word_pool.UPOS else None
    first = "verb" if item.pos == "phrasal verb" else item.pos.split("+")[0].strip()
    return first if first in word_pool.UPOS else None


def meaning_pos(item: VocabItem) -> str:
    """Part of speech of what a gloss describes: a verb phrase means an action, "adjective+noun"
    names a thing."""
    if item.kind == "word":
        return item.pos
    parts = ["verb" if p.strip() == "phrasal verb" else p.strip() for p in item.pos.split("+")]
    return "verb" if "verb" in parts else parts[-1]


def _sentence_words(sentence: str) -> frozenset[str]:
    return frozenset(w.strip(".,;:!?\"'()[]“”‘’").lower() for w in sentence.split())


def _shuffled(right: str, wrong: list[str], rng: random.Random) -> tuple[tuple[str, ...], int]:
    options = [right, *wrong]
    rng.shuffle(options)
    return tuple(options), options.index(right)


def make_gap_fill(item: VocabItem, rng: random.Random, *, article_items: Sequence[VocabItem] = (),
                  lexicon=None) -> GapFill | None:
    """A gap-fill poll for the item, or None when its sentence or distractors do not allow one."""
    pos = head_pos(item)
    span = find_in_sentence(item)
    if pos is None or span is None:
        return None
    surface = " ".join(item.sentence[span[0] : span[1]].split())
    head, _, rest = surface.partition(" ")
    head_lemma = item.lemma.split()[0]
    tags = word_pool.tags_of(head, head_lemma, pos)
    if not tags and head.lower() != head_lemma.lower():
        return None  # the form in the sentence is not one lemminflect can reproduce
    zipf = item.zipf if item.kind == "word" else word_pool.family_zipf(head_lemma, pos)
    target = Target(
        lemma=head_lemma, pos=pos, zipf=zipf, gloss=item.gloss if item.kind == "word" else "",
        tags=tags, avoid=_sentence_words(item.sentence),
    )
    chosen = choose_distractors(target, rng, article_items=article_items, lexicon=lexicon, need=OPTIONS - 1)
    if len(chosen) < OPTIONS - 1:
        return None
    wrong = [match_case(f"{shown} {rest}" if rest else shown, head) for _, shown, _ in chosen]
    if any(len(option) > OPTION_LIMIT for option in [surface, *wrong]):
        return None
    options, correct = _shuffled(surface, wrong, rng)
    explanation = f"{item.item}: {item.gloss}" if item.gloss else item.item
    return GapFill(
        id=f"gap_fill:{item.lemma}", lemma=item.lemma, question=blank_out(item.sentence, span),
        options=options, correct_option_id=correct,
        explanation=trim_words(explanation, EXPLANATION_LIMIT),
    )


def make_word_meaning(item: VocabItem, rng: random.Random, *, article_items: Sequence[VocabItem] = (),
                      lexicon=None) -> WordMeaning | None:
    """A word -> meaning poll, or None without a gloss or without three other distinct glosses."""
    right = trim_words(first_clause(item.gloss) or item.gloss, OPTION_LIMIT)
    if not right:
        return None
    pos = meaning_pos(item)
    wrong: list[str] = []
    seen = {right.lower()}

    def add(gloss: str) -> None:
        option = trim_words(first_clause(gloss) or gloss, OPTION_LIMIT)
        if option and option.lower() not in seen and len(wrong) < OPTIONS - 1:
            seen.add(option.lower())
            wrong.append(option)

    if item.kind == "phrase":  # other phrases of the article first: glosses of the same shape
        for other in article_items:
            if other.kind == "phrase" and other.lemma != item.lemma and other.gloss:
                add(other.gloss)
    anchor = item.lemma  # a phrase is kept apart from the synonyms of the word that carries its
    if item.kind == "phrase":  # meaning: the verb of a verb phrase, the noun of "adjective+noun"
        words = item.lemma.split()
        anchor = words[0] if pos == "verb" else words[-1]
    target = Target(lemma=anchor, pos=pos, zipf=item.zipf, gloss=item.gloss,
                    avoid=_sentence_words(item.sentence) | {item.lemma})
    for _, _, gloss in choose_distractors(target, rng, article_items=article_items, lexicon=lexicon,
                                          need=OPTIONS - 1 + 2, need_gloss=True):
        add(gloss)
    if len(wrong) < OPTIONS - 1:
        return None
    options, correct = _shuffled(right, wrong, rng)
    span = find_in_sentence(item)
    explanation = (trim_around(item.sentence, *span, EXPLANATION_LIMIT) if span
                   else trim_words(item.sentence, EXPLANATION_LIMIT))
    return WordMeaning(
        id=f"meaning:{item.lemma}", lemma=item.lemma, question=item.item,
        options=options, correct_option_id=correct, explanation=explanation,
    )


def accepted_forms(item: VocabItem) -> tuple[str, ...]:
    """Every answer that counts for the item: its forms in the article, its lemma, and each
    inflection of the word (of a phrase: of its first word, "gave rise")."""
    forms = {item.item.lower(), item.lemma.lower(), *(f.lower() for f in item.forms)}
    pos = head_pos(item)
    if pos:
        forms |= word_pool.all_forms(item.lemma, pos)
    return tuple(sorted(forms))


def make_typed_recall(item: VocabItem, rng: random.Random | None = None, *,
                      article_items: Sequence[VocabItem] = (), lexicon=None) -> TypedRecall | None:
    """A typed-recall question: the gloss (the word masked in it) or, without a gloss, the
    article sentence with a blank; None when neither is available."""
    forms = accepted_forms(item)
    hint = letter_shape(item.item)
    if item.kind == "phrase":  # the words after the first are shown, so the first alone is an answer too
        hint = phrase_shape(item.item)
        forms = tuple(sorted({*forms, *(form.split()[0] for form in forms if " " in form)}))
    span = find_in_sentence(item)
    if item.gloss:
        clue = mask(item.gloss, set(forms))
    elif span is not None:
        clue = blank_out(item.sentence, span)
    else:
        return None
    explanation = (trim_around(item.sentence, *span, EXPLANATION_LIMIT) if span
                   else trim_words(item.sentence, EXPLANATION_LIMIT))
    return TypedRecall(
        id=f"typed:{item.lemma}", lemma=item.lemma, clue=clue, hint=hint,
        answer=item.item, forms=forms, explanation=explanation,
    )


BUILDERS = {"gap_fill": make_gap_fill, "meaning": make_word_meaning, "typed": make_typed_recall}
