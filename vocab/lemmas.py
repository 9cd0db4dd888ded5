"""Dictionary forms and parts of speech without a trained tagger.

No tagger model is downloaded (the project runs offline), so a word's part of speech is chosen
from the parts of speech its dictionaries allow (lemminflect's lemma table, and WordNet's morphy
for words lemminflect lacks) with a few context rules of English word order:

* after a determiner or possessive ("the", "its", "Korea's"): an adjective when a noun follows,
  else a noun ("the new reality", "the prospect");
* after "to" or a modal ("to launch", "will remain"), or a subject pronoun: a verb;
* after "have": a verb ("has given"); after "be" or another linking verb: an adjective when
  the word can be one ("is strong", "be accustomed", "getting closer"), else a verb;
* before an article or possessive: a verb taking its object ("highlight the importance");
* an -ly word that can be an adverb is one; a word that can be an adjective, before a word
  that can be a noun, is an adjective ("constructive role"), unless it is a noun used as a
  modifier: English puts nouns before nouns freely ("coral bleaching", "steel plant"), and a
  word that WordNet's sense-tagged corpus saw as a noun but never as an adjective is taken for a
  noun there (`rather_noun`; "coral" as an adjective is a colour, which is not what the reefs lose);
* an -s form right after a noun or name is a verb ("Blinken shakes hands"), unless a verb
  follows it ("arms transfers worried them");
* otherwise typical suffixes decide (-tion, -ment, -ness: noun; -ive, -ous, -al: adjective;
  -ize, -ify: verb), then the order noun, verb, adjective, adverb.

These rules are right for most running words of news prose, and the engine needs the part of
speech only to pick a lemma, a gloss sense and a phrase pattern, where a rare miss costs little.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from lemminflect import getAllLemmas

from vocab.lexicon import Lexicon
from vocab.tokens import (
    DETERMINERS,
    FUNCTION_WORDS,
    HAVE_FORMS,
    LINKING_VERBS,
    MODALS,
    SUBJECT_PRONOUNS,
    Token,
)

#: Articles and possessives: a word right before one is a verb taking an object ("highlight the").
_OBJECT_STARTERS = frozenset("a an the its their his her our your my this these those".split())

PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb")
_UPOS = {"NOUN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adjective", "ADV": "adverb"}
_NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "hood", "dom")
_ADJECTIVE_SUFFIXES = ("ive", "ous", "al", "ful", "less", "able", "ible", "ic", "ical", "ish", "ary")
_VERB_SUFFIXES = ("ize", "ise", "ify")


@lru_cache(maxsize=100_000)
def lemminflect_forms(word: str) -> dict[str, str]:
    """part of speech -> dictionary form, from lemminflect's table ({} for words it lacks)."""
    forms: dict[str, str] = {}
    for upos, lemmas in getAllLemmas(word).items():
        pos = _UPOS.get(upos)
        if pos and pos not in forms and lemmas:
            forms[pos] = lemmas[0].lower()
    return forms


@lru_cache(maxsize=100_000)
def dictionary_forms(word: str, lexicon: Lexicon | None) -> dict[str, str]:
    """part of speech -> dictionary form of a lowercase word, from lemminflect, or WordNet's
    morphy when lemminflect does not know the word; {} when no dictionary knows it.

    A participle WordNet lists as an adjective of its own ("accustomed", "interesting") may
    also be that adjective."""
    forms = dict(lemminflect_forms(word))
    if lexicon is not None and lexicon.available:
        if not forms:
            forms = lexicon.base_forms(word)
        elif word.endswith(("ed", "ing")) and "adjective" not in forms and lexicon.has_entry(word, "adjective"):
            forms["adjective"] = word
    return forms


def _nounish(token: Token | None, options: dict[str, str] | None, is_name: bool) -> bool:
    if token is None or token.kind != "word" or token.lower in FUNCTION_WORDS:
        return False
    return is_name or bool(options and "noun" in options)


def _before(tokens: list[Token], i: int) -> int | None:
    """Index of the token before `i`, skipping an aside in brackets ("Blinken (left) shakes")."""
    j = i - 1
    if j >= 0 and tokens[j].text == ")":
        while j >= 0 and tokens[j].text != "(":
            j -= 1
        j -= 1
    return j if j >= 0 else None


def rather_noun(lexicon: Lexicon | None) -> Callable[[str], bool]:
    """Whether a dictionary form that can be a noun or an adjective is a noun where word order or a
    suffix would make it an adjective (before a noun; "-al"): SemCor tagged it as a noun and never
    as an adjective ("coral", "steel", "capital"; not "concrete" or "criminal", which it saw as
    adjectives too). Without WordNet: never."""
    if lexicon is None or not lexicon.available:
        return lambda lemma: False
    return lambda lemma: lexicon.tagged_count(lemma, "adjective") == 0 and lexicon.tagged_count(lemma, "noun") > 0


def choose_part_of_speech(
    tokens: list[Token],
    options: list[dict[str, str]],
    names: list[bool],
    is_rather_noun: Callable[[str], bool] = lambda lemma: False,
) -> list[str | None]:
    """The part of speech of each token of a sentence (None for non-words, names and words no
    dictionary knows), by the rules in the module docstring (`is_rather_noun`: see `rather_noun`)."""
    chosen: list[str | None] = []
    for i, token in enumerate(tokens):
        opts = options[i]
        if token.kind != "word" or names[i] or not opts or token.lower in FUNCTION_WORDS:
            chosen.append(None)
            continue
        if len(opts) == 1:
            chosen.append(next(iter(opts)))
            continue
        word = token.lower
        b = _before(tokens, i)
        before = tokens[b] if b is not None else None
        prev = before.lower if before is not None and before.kind in ("word", "clitic") else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        noun_next = _nounish(after, options[i + 1] if after else None, bool(after and names[i + 1]))
        prev_nounish = before is not None and before.kind == "word" and (names[b] or chosen[b] == "noun")

        def pick(*wanted: str) -> str | None:
            return next((pos for pos in wanted if pos in opts), None)

        def before_noun() -> str | None:  # "constructive role", but "coral bleaching"
            if "noun" in opts and "adjective" in opts and is_rather_noun(opts["noun"]):
                return "noun"
            return pick("adjective")

        pos = None
        if prev in DETERMINERS or prev == "'s":
            pos = (before_noun() or pick("noun")) if noun_next else pick("noun", "adjective")
        elif prev in MODALS or prev in SUBJECT_PRONOUNS:
            pos = pick("verb")
        elif prev in HAVE_FORMS:
            pos = pick("verb")
        elif prev in LINKING_VERBS:
            pos = pick("adjective", "verb")
        if pos is None and after is not None and after.lower in _OBJECT_STARTERS:
            pos = pick("verb")
        if pos is None and word.endswith("ly"):
            pos = pick("adverb")
        if pos is None and noun_next:
            pos = before_noun()
        if pos is None and prev_nounish and word.endswith("s"):
            verb_next = after is not None and (
                after.lower in MODALS or after.lower in LINKING_VERBS or after.lower in HAVE_FORMS
                or (i + 1 < len(options) and "verb" in options[i + 1] and "noun" not in options[i + 1])
            )  # fmt: skip
            pos = pick("noun") if verb_next else pick("verb")
        if pos is None:
            if word.endswith(_NOUN_SUFFIXES):
                pos = pick("noun")
            elif word.endswith(_ADJECTIVE_SUFFIXES):  # but "coral", "capital", "rival" are nouns
                pos = pick("noun") if "noun" in opts and is_rather_noun(opts["noun"]) else pick("adjective")
            elif word.endswith(_VERB_SUFFIXES) or word.endswith(("ed", "ing")):
                pos = pick("verb")
        chosen.append(pos or pick(*PARTS_OF_SPEECH))
    return chosen
