"""A tutor's word list: take an item off, add a word or phrase of the text, gloss an item in the
learners' language, and remake the edited lesson for a learner at their own level.

The tutor edits one lesson (analysed at the tutor's level). A learner at another level gets the
article's vocabulary picked again for them, so the edits are kept as rules rather than as a
list: removed lemmas (`Lesson.removed`) are left out at every level, items the tutor added
(`VocabItem.from_tutor`) are taught to everyone, and a tutor's gloss goes with its lemma.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from lessons.article import Lesson
from vocab.difficulty import rate_difficulty
from vocab.frequency import band_of, family_zipf
from vocab.glosses import gloss as english_gloss
from vocab.items import Sentence, VocabItem
from vocab.lemmas import PARTS_OF_SPEECH, dictionary_forms
from vocab.lexicon import Lexicon, load_lexicon
from vocab.morphology import learner_zipf
from vocab.picking import find_vocabulary
from vocab.phrases import OBJECT_PREPOSITIONS
from vocab.tokens import latin_form, tokenize
from vocab.words import VOCABULARY_KIND, Word, read_text

#: Longest phrase a tutor may add, in words. Collocations and idioms as learner's dictionaries
#: list them are two to four words ("arms deal", "give rise to", "at the same time"); anything
#: longer is a clause, better learned from the sentence itself.
MAX_PHRASE_WORDS = 4
#: Longest tutor's gloss, in characters. A gloss in the learners' language is a word or a short
#: phrase ("군수품", "긴장을 고조시키다"); 80 characters keeps it on one phone line beside the
#: English gloss, and leaves room for it in a 4,096-character word list.
MAX_TUTOR_GLOSS = 80
#: Kinds of token a phrase is matched on: words, numbers and clitics ("Korea's"), not punctuation.
_MATCHED = ("word", "number", "clitic")


class WordListError(ValueError):
    """An edit of a word list that cannot be made; `reason` is a stable code the shell translates.

    Reasons: empty, not_in_list, not_in_text, already_listed, too_long, gloss_too_long.
    """

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_item(lesson: Lesson, which: str) -> VocabItem | None:
    """The item named `which`: its text, its lemma or a form of it in the article, any case."""
    wanted = _normal(which).strip("\"'“”‘’.,;:!?")
    if not wanted:
        return None
    for key in ("item", "lemma"):
        for item in lesson.vocabulary:
            if _normal(getattr(item, key)) == wanted:
                return item
    return next((item for item in lesson.vocabulary if wanted in (_normal(f) for f in item.forms)), None)


def _listed(lesson: Lesson, which: str) -> VocabItem:
    item = find_item(lesson, which)
    if item is None:
        raise WordListError("not_in_list", which)
    return item


def remove_item(lesson: Lesson, which: str) -> Lesson:
    """The lesson without the item `which`, its lemma remembered as removed (for every level)."""
    item = _listed(lesson, which)
    vocabulary = tuple(v for v in lesson.vocabulary if v is not item)
    removed = lesson.removed if item.lemma in lesson.removed else (*lesson.removed, item.lemma)
    return replace(lesson, vocabulary=vocabulary, removed=removed)


def set_tutor_gloss(lesson: Lesson, which: str, gloss: str) -> Lesson:
    """The lesson with the tutor's gloss of item `which` set ("" clears it)."""
    item = _listed(lesson, which)
    gloss = " ".join(gloss.split())
    if len(gloss) > MAX_TUTOR_GLOSS:
        raise WordListError("gloss_too_long", f"{len(gloss)} characters; the limit is {MAX_TUTOR_GLOSS}")
    glossed = replace(item, tutor_gloss=gloss)
    return replace(lesson, vocabulary=tuple(glossed if v is item else v for v in lesson.vocabulary))


def sentences_of(lesson: Lesson) -> list[Sentence]:
    """The lesson's sentences with the part each is read in (split again for a lesson stored
    without them). Punkt (nltk) is imported only then: the bot starts without it."""
    from lessons.sentences import split_sentences

    return [
        Sentence(text=s, chunk=chunk.index)
        for chunk in lesson.chunks
        for s in (chunk.sentences or split_sentences(chunk.text))
    ]


def _lemmas(lower: str, lexicon: Lexicon) -> set[str]:
    """A word form and every dictionary form it may be of ("munitions" -> munitions, munition)."""
    latin = latin_form(lower)
    if latin is None:
        return {lower}
    return {lower, *dictionary_forms(latin, lexicon).values()}


def _occurrences(read: Sequence[Sequence[Word]], wanted: list[set[str]], lexicon: Lexicon) -> list[tuple[int, list[Word]]]:
    """(sentence index, the matched words) of every place the wanted words stand in a row, each
    word in any inflection of it."""
    found = []
    for s, words in enumerate(read):
        runs: list[list[Word]] = [[]]  # punctuation breaks a phrase: "role. At" is no phrase
        for word in words:
            if word.kind == "punct":
                runs.append([])
            else:
                runs[-1].append(word)
        for run in runs:
            for start in range(len(run) - len(wanted) + 1):
                span = run[start : start + len(wanted)]
                if all(forms & _lemmas(word.lower, lexicon) for forms, word in zip(wanted, span)):
                    found.append((s, span))
    return found


def _joined(words: Iterable[str], kinds: Iterable[str]) -> str:
    """Words in a row, a clitic joined to the word before it ("korea's military")."""
    text = ""
    for word, kind in zip(words, kinds):
        text += word if kind == "clitic" or not text else " " + word
    return text


def _surface(span: Sequence[Word]) -> str:
    """The words as written, lowercase."""
    return _joined((w.lower for w in span), (w.kind for w in span))


def _lemma_of(word: Word) -> str:
    if word.kind == VOCABULARY_KIND and word.lemma:
        return word.lemma
    return word.lower


def _phrase_lemma(span: Sequence[Word]) -> str:
    """A phrase in dictionary form as the picker writes it: verbs and adjectives in their base
    form, nouns as written ("give rise to", "arms deal", "strong ties")."""
    parts = [_lemma_of(w) if w.pos in ("verb", "adjective") else w.lower for w in span]
    return _joined(parts, (w.kind for w in span))


def _part_of_speech(word: Word, lexicon: Lexicon) -> str:
    if word.pos:
        return word.pos
    known = lexicon.parts_of_speech(word.lower)
    return next((pos for pos in PARTS_OF_SPEECH if pos in known), "noun")


def _phrase_sense(lemma: str, span: Sequence[Word], lexicon: Lexicon) -> tuple[str, str | None]:
    """What a phrase's gloss describes: WordNet's entry for the whole phrase ("give rise", with
    or without its object preposition), else its rarest content word in its part of speech."""
    words = lemma.split()
    for candidate in (words, words[:-1] if words[-1] in OBJECT_PREPOSITIONS else None):
        if candidate and len(candidate) > 1 and lexicon.synsets(" ".join(candidate)):
            return " ".join(candidate), None
    content = [w for w in span if w.kind == VOCABULARY_KIND and w.lemma] or list(span)
    rarest = min(content, key=lambda w: family_zipf(_lemma_of(w)))
    return _lemma_of(rarest), rarest.pos


def _phrase_pattern(lemma: str, span: Sequence[Word], lexicon: Lexicon) -> str:
    """"phrasal verb" for a verb WordNet lists with its particle or noun ("give rise to"), else
    the parts of speech of its content words ("adjective+noun", "verb+noun")."""
    words = lemma.split()
    if words[-1] in OBJECT_PREPOSITIONS:
        words = words[:-1]
    if len(words) > 1 and lexicon.has_entry("_".join(words), "verb"):
        return "phrasal verb"
    content = [w for w in span if w.kind == VOCABULARY_KIND and w.pos] or list(span)
    return "+".join(_part_of_speech(w, lexicon) for w in content)


def tutor_item(lesson: Lesson, phrase: str, lexicon: Lexicon | None = None) -> VocabItem:
    """The item a tutor's word or phrase makes of this article (WordListError if it is empty,
    too long or not in the text)."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    typed = [t for t in tokenize(" ".join(phrase.split())) if t.kind in _MATCHED]
    if not typed:
        raise WordListError("empty")
    if sum(1 for t in typed if t.kind != "clitic") > MAX_PHRASE_WORDS:
        raise WordListError("too_long", f"at most {MAX_PHRASE_WORDS} words")
    sentences = sentences_of(lesson)
    with lexicon.lock:
        wanted = [_lemmas(t.lower, lexicon) for t in typed]
        read = read_text([s.text for s in sentences], lexicon)
        found = _occurrences(read, wanted, lexicon)
        if not found:
            raise WordListError("not_in_text", phrase)
        first, span = found[0]
        forms = tuple(dict.fromkeys(_surface(words) for _, words in found))
        if len(span) == 1:
            lemma, kind, pos = _lemma_of(span[0]), "word", _part_of_speech(span[0], lexicon)
            sense, sense_pos = lemma, span[0].pos
        else:
            lemma = _phrase_lemma(span)
            kind, pos = "phrase", _phrase_pattern(lemma, span, lexicon)
            sense, sense_pos = _phrase_sense(lemma, span, lexicon)
        meaning = english_gloss(lexicon, sense, sense_pos, [w.text for w in read[first]])
    typed_text = _joined((t.lower for t in typed), (t.kind for t in typed))
    if all(w.kind in ("name", "abbreviation") for w in span):  # "Blinken", "NATO": as written
        shown = _joined((w.text for w in span), (w.kind for w in span))
    else:  # as the tutor wrote it, if that is its dictionary form or a form in the text
        shown = typed_text if typed_text in (lemma, *forms) else lemma
    return VocabItem(
        item=shown, lemma=lemma, kind=kind, forms=forms, pos=pos, zipf=round(family_zipf(lemma), 2),
        level=band_of(learner_zipf(lemma, lexicon)), count=len(found), sentence=sentences[first].text,
        chunk=sentences[first].chunk, gloss=meaning, from_tutor=True,
    )


def _same(item: VocabItem, other: VocabItem) -> bool:
    """Whether two items teach the same thing: one lemma, or one form met in the text."""
    return item.lemma == other.lemma or bool(set(item.forms) & set(other.forms))


def add_item(lesson: Lesson, phrase: str, lexicon: Lexicon | None = None) -> Lesson:
    """The lesson with the tutor's word or phrase added to its list (taught at every level); a
    lemma removed before is taken back. WordListError: empty, too_long, not_in_text, already_listed."""
    item = tutor_item(lesson, phrase, lexicon)
    if any(_same(item, listed) for listed in lesson.vocabulary):
        raise WordListError("already_listed", phrase)
    removed = tuple(lemma for lemma in lesson.removed if lemma != item.lemma)
    return replace(lesson, vocabulary=(*lesson.vocabulary, item), removed=removed)


def _without_removed(items: Iterable[VocabItem], removed: Collection[str]) -> list[VocabItem]:
    """Items whose lemma the tutor did not remove (nor a phrase of it: the word of a removed
    "intensify pressure" does not come back alone)."""
    gone = set(removed)
    for lemma in removed:
        gone.update(lemma.split())
    return [item for item in items if item.lemma not in gone]


def apply_tutor_edits(picked: Iterable[VocabItem], tutor_lesson: Lesson) -> tuple[VocabItem, ...]:
    """A learner's picked items with the tutor's edits: removed lemmas out, the tutor's own items
    in (after the picked ones, in the order the tutor added them), tutor glosses by lemma."""
    added = [item for item in tutor_lesson.vocabulary if item.from_tutor]
    kept = [item for item in _without_removed(picked, tutor_lesson.removed)
            if not any(_same(item, own) for own in added)]
    glosses = {item.lemma: item.tutor_gloss for item in tutor_lesson.vocabulary if item.tutor_gloss}
    return tuple(replace(item, tutor_gloss=glosses.get(item.lemma, item.tutor_gloss)) for item in (*kept, *added))


def lesson_for_learner(tutor_lesson: Lesson, level: str, known: Collection[str], lexicon: Lexicon | None = None) -> Lesson:
    """The tutor's article as a lesson for a learner at `level` who knows the lemmas `known`:
    its vocabulary picked again for them, then the tutor's edits applied (tutor-added items are
    taught even when the learner knows them). The article and its parts are the tutor's."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    sentences = sentences_of(tutor_lesson)
    picked = find_vocabulary(sentences, level=level, lexicon=lexicon, exclude=known)
    return replace(
        tutor_lesson,
        vocabulary=apply_tutor_edits(picked, tutor_lesson),
        difficulty=rate_difficulty([s.text for s in sentences], level=level, lexicon=lexicon),
        level=level,
    )
