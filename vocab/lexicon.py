"""The dictionary the engine consults: WordNet through nltk, when it is installed.

WordNet is looked for, in order, in the directories the caller names (by default Debian's
`wordnet-base` copy in /usr/share/wordnet) and in nltk's data path (`corpora/wordnet`, where
`python -m nltk.downloader wordnet` puts it). Nothing is ever downloaded at run time. Without
WordNet everything still works from lemminflect and wordfreq alone: words get no glosses, phrasal
verbs are not recognised, and `Lexicon.hint` tells the tutor how to install it.

A directory of ours is registered on `nltk.data.path`, because nltk 3.9+ reads corpora only from
there; see `vocab.wordnet_reader` for the other two things Debian's copy needs.
"""
from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Sequence
from functools import lru_cache

#: Where Debian/Ubuntu's `wordnet-base` package installs the WordNet 3.0 database.
DEBIAN_WORDNET_DIR = "/usr/share/wordnet"

#: Shown to the tutor when no WordNet is found.
INSTALL_HINT = (
    "Glosses need WordNet: `sudo apt-get install wordnet-base` (Debian/Ubuntu) "
    "or `python -m nltk.downloader wordnet`."
)

#: Our part-of-speech names and WordNet's letters ("s" is WordNet's satellite adjective).
WORDNET_POS = {"noun": "n", "verb": "v", "adjective": "a", "adverb": "r"}
_POS_NAMES = {"n": "noun", "v": "verb", "a": "adjective", "s": "adjective", "r": "adverb"}
_UPOS_NAMES = {"NOUN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adjective", "ADV": "adverb"}


class Lexicon:
    """WordNet (or nothing), with cached look-ups in the learner's terms.

    `reader` is an nltk WordNetCorpusReader or None; `source` says where WordNet was found;
    `hint` is one line on how to install WordNet, empty when it is present. nltk's reader seeks
    and reads shared open files, so code that uses one lexicon from several threads holds
    `lock` around its calls (find_vocabulary and rate_difficulty do).
    """

    def __init__(self, reader=None, source: str = "", hint: str = "") -> None:
        self.reader = reader
        self.lock = threading.RLock()
        self.source = source
        self.hint = "" if reader is not None else (hint or INSTALL_HINT)
        self._synsets: dict[tuple[str, str | None], tuple] = {}
        self._tagged: dict[tuple[str, str], int] = {}

    @property
    def available(self) -> bool:
        return self.reader is not None

    def __repr__(self) -> str:
        return f"Lexicon(source={self.source!r})" if self.reader else "Lexicon(no WordNet)"

    def synsets(self, lemma: str, pos: str | None = None) -> tuple:
        """WordNet senses of a word or multiword lemma ("give rise"), commonest first; () without WordNet."""
        if self.reader is None:
            return ()
        key = (lemma.lower().replace(" ", "_"), pos)
        found = self._synsets.get(key)
        if found is None:
            letter = WORDNET_POS[pos] if pos else None
            found = self._synsets[key] = tuple(self.reader.synsets(key[0], letter))
        return found

    def has_entry(self, lemma: str, pos: str | None = None) -> bool:
        """True when WordNet lists exactly this lemma (no inflection rules applied)."""
        if self.reader is None:
            return False
        entry = self.reader._lemma_pos_offset_map.get(lemma.lower().replace(" ", "_"))
        if not entry:
            return False
        return pos is None or WORDNET_POS[pos] in entry

    def tagged_count(self, lemma: str, pos: str) -> int:
        """How often WordNet's sense-tagged corpus (SemCor, about 200,000 words of running text)
        has this dictionary form as this part of speech; 0 without WordNet."""
        if self.reader is None:
            return 0
        key = (lemma.lower().replace(" ", "_"), pos)
        found = self._tagged.get(key)
        if found is None:
            letters = ("a", "s") if pos == "adjective" else (WORDNET_POS[pos],)
            found = self._tagged[key] = sum(
                lemma_.count() for letter in letters for synset in self.reader.synsets(key[0], letter)
                for lemma_ in synset.lemmas() if lemma_.name() == key[0] and synset.pos() == letter)
        return found

    def base_forms(self, word: str) -> dict[str, str]:
        """part of speech -> dictionary form, by WordNet's morphy ({} without WordNet)."""
        if self.reader is None:
            return {}
        forms = {}
        for pos, letter in WORDNET_POS.items():
            found = self.reader.morphy(word.lower(), letter)
            if found:
                forms[pos] = found
        return forms

    def parts_of_speech(self, lemma: str) -> set[str]:
        """The parts of speech a dictionary form can have: {"noun", "verb", "adjective", "adverb"}.

        From WordNet when installed, else from lemminflect's dictionary."""
        if self.reader is not None:
            return {pos for pos in WORDNET_POS if self.has_entry(lemma, pos)}
        from lemminflect import getAllLemmas

        return {_UPOS_NAMES[upos] for upos in getAllLemmas(lemma) if upos in _UPOS_NAMES}

    def only_proper_noun(self, word: str) -> bool:
        """True when WordNet knows the word only as a name: every sense is an instance
        (Moscow, Putin) or is written with a capital ("Washington")."""
        senses = self.synsets(word)
        if not senses:
            return False
        keys = {word.lower().replace(" ", "_"), *self.base_forms(word).values()}
        for synset in senses:
            names = [name for name in synset.lemma_names() if name.lower() in keys]
            if not synset.instance_hypernyms() and any(name.islower() for name in names):
                return False
        return True


def _wordnet_on_nltk_path() -> list:
    """nltk's own WordNet (`corpora/wordnet`, a directory or a zip), as a path pointer."""
    import nltk

    for resource in ("corpora/wordnet", "corpora/wordnet.zip/wordnet/"):  # unpacked, or as downloaded
        try:
            return [nltk.data.find(resource)]
        except LookupError:
            continue
    return []


def _open_wordnet(directory):
    """An nltk WordNet reader on `directory` (a path or an nltk path pointer), or None when
    it holds no WordNet."""
    import nltk

    from vocab.wordnet_reader import FastWordNetReader

    if isinstance(directory, str):
        if not os.path.isfile(os.path.join(directory, "index.noun")):
            return None
        directory = os.path.realpath(directory)
        if directory not in nltk.data.path:
            nltk.data.path.append(directory)  # nltk 3.9+ reads corpora only under its data path
            _registered.add(directory)
    # else: a pointer found by nltk.data.find, already inside nltk's data path
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available": we don't use them
        reader = FastWordNetReader(directory, None)
        if not reader.synsets("entity"):  # index files are read lazily: check they are WordNet's
            raise LookupError("no WordNet entries in it")
    return reader


def load_lexicon(wordnet_dirs: Sequence[str] | None = None) -> Lexicon:
    """The lexicon, loaded once per process for the same directories and nltk data path.

    `wordnet_dirs` are tried first (default: Debian's /usr/share/wordnet), then nltk's data path.
    """
    import nltk

    dirs = (DEBIAN_WORDNET_DIR,) if wordnet_dirs is None else tuple(wordnet_dirs)
    return _load_lexicon(dirs, tuple(p for p in nltk.data.path if p not in _registered))


#: directories we put on nltk.data.path ourselves (not part of the caller's choice of path)
_registered: set[str] = set()


def _load_word_tables() -> None:
    """Load lemminflect's and wordfreq's tables now (about half a second), not during the first
    article: a bot that loads the lexicon at start-up then answers its first user at full speed."""
    from lemminflect import getAllInflections, getAllLemmas
    from wordfreq import zipf_frequency

    getAllLemmas("given")
    getAllInflections("give")
    zipf_frequency("give", "en")


@lru_cache(maxsize=8)
def _load_lexicon(dirs: tuple[str, ...], nltk_path: tuple[str, ...]) -> Lexicon:
    """`nltk_path` is only part of the cache key: nltk.data.find reads nltk.data.path itself."""
    _load_word_tables()
    problems = []
    for directory in (*dirs, *_wordnet_on_nltk_path()):
        try:
            reader = _open_wordnet(directory)
        except Exception as error:  # a broken or unreadable copy: say so, keep looking
            problems.append(f"{directory}: {error}")
            continue
        if reader is not None:
            return Lexicon(reader, source=str(getattr(directory, "path", directory)))
    hint = INSTALL_HINT
    if problems:
        hint += " (could not read " + "; ".join(problems)[:200] + ")"
    return Lexicon(None, hint=hint)
