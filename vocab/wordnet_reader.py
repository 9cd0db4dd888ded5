"""nltk's WordNet reader, made to open Debian's `wordnet-base` files and to start fast.

nltk's `WordNetCorpusReader` reads the Princeton WordNet 3.0 files. Three things stand between it
and the copy Debian installs in /usr/share/wordnet:

* it first reads a `lexnames` file (the 45 lexicographer file names, "noun.artifact" and so on),
  which Debian does not ship. The list is fixed by WordNet 3.0 (`lexnames(5WN)`), so we serve it
  from `LEXNAMES` below when the file is missing;
* nltk 3.9+ refuses to read a corpus outside `nltk.data.path` (its "pathsec" sandbox) and also
  refuses symlinks that leave the corpus root, so a directory of symlinks does not work. The
  caller registers the WordNet directory on `nltk.data.path` instead, which is what nltk asks for;
* it then maps the loaded WordNet onto nltk's own downloaded "wordnet" corpus for its
  multilingual (OMW) functions; with no downloaded corpus that step fails. We do not use OMW, so
  `map_wn` is switched off.

Speed: the stock reader parses every index file into a dict of 150,000 lemmas on start-up, which
takes over a second on this machine. WordNet's index files are sorted by lemma, so the original
WordNet library looks a lemma up by binary search; `_LemmaIndex` does the same over the file bytes
held in memory (a few MB, read in milliseconds) and remembers each answer. The reader's public
API (synsets, morphy, definitions, examples, relations) is unchanged.
"""
from __future__ import annotations

import io
from collections.abc import Iterator, Mapping

from nltk.corpus.reader.wordnet import ADJ, ADJ_SAT, WordNetCorpusReader

#: The lexicographer files of WordNet 3.0 in number order (WordNet's `lexnames` file), with the
#: syntactic category number nltk expects in the third column (1 noun, 2 verb, 3 adjective, 4 adverb).
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
    "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body "
    "verb.change verb.cognition verb.communication verb.competition verb.consumption verb.contact "
    "verb.creation verb.emotion verb.motion verb.perception verb.possession verb.social "
    "verb.stative verb.weather adj.ppl"
).split()
_CATEGORY = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}


def lexnames_text() -> str:
    """The content of WordNet 3.0's `lexnames` file."""
    return "".join(
        f"{number:02d}\t{name}\t{_CATEGORY[name.split('.')[0]]}\n" for number, name in enumerate(LEXNAMES)
    )


class _LemmaIndex(Mapping):
    """lemma -> {pos: [synset offsets]}, looked up by binary search in WordNet's sorted index files."""

    _FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}

    def __init__(self, reader: FastWordNetReader) -> None:
        self._reader = reader
        self._index_bytes: dict[str, bytes] = {}
        self._adjective_data: bytes | None = None
        self._cache: dict[str, dict | None] = {}

    def _bytes(self, pos: str) -> bytes:
        data = self._index_bytes.get(pos)
        if data is None:
            with self._reader.root.join(f"index.{self._FILES[pos]}").open() as stream:
                data = stream.read()
            self._index_bytes[pos] = data
        return data

    def _line(self, pos: str, lemma: str) -> bytes | None:
        data = self._bytes(pos)
        key = lemma.encode("utf-8") + b" "
        low, high = 0, len(data)
        while low < high:  # find the first line whose text is >= key
            middle = (low + high) // 2
            start = data.rfind(b"\n", 0, middle) + 1
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line.startswith(key):
                return line
            if line < key:
                low = end + 1
            else:
                high = start
        return None

    def _is_satellite(self, offset: int) -> bool:
        if self._adjective_data is None:
            with self._reader.root.join("data.adj").open() as stream:
                self._adjective_data = stream.read()
        fields = self._adjective_data[offset : offset + 40].split(maxsplit=3)
        return len(fields) > 2 and fields[2] == b"s"

    def _load(self, lemma: str) -> dict | None:
        entry: dict[str, list[int]] = {}
        for pos in self._FILES:
            line = self._line(pos, lemma)
            if line is None or line.startswith(b" "):
                continue
            fields = line.split()
            n_synsets = int(fields[2])
            n_pointers = int(fields[3])
            first = 4 + n_pointers + 2  # skip pointer symbols, sense count, tagsense count
            offsets = [int(field) for field in fields[first : first + n_synsets]]
            entry[pos] = offsets
            if pos == ADJ:
                entry[ADJ_SAT] = [offset for offset in offsets if self._is_satellite(offset)]
        return entry or None

    def __getitem__(self, lemma: str) -> dict:
        try:
            entry = self._cache[lemma]
        except KeyError:
            entry = self._cache[lemma] = self._load(lemma)
        if entry is None:
            raise KeyError(lemma)
        return entry

    def __contains__(self, lemma: object) -> bool:
        if not isinstance(lemma, str):
            return False
        try:
            self[lemma]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:  # all lemmas: only for nltk functions we do not call
        seen: set[str] = set()
        for pos in self._FILES:
            for line in self._bytes(pos).splitlines():
                if line and not line.startswith(b" "):
                    lemma = line.split(b" ", 1)[0].decode("utf-8")
                    if lemma not in seen:
                        seen.add(lemma)
                        yield lemma

    def __len__(self) -> int:
        return sum(1 for _ in self)


class FastWordNetReader(WordNetCorpusReader):
    """A WordNetCorpusReader that tolerates a missing `lexnames` file and looks lemmas up lazily."""

    def open(self, fileid):  # noqa: A003 - nltk's name
        if fileid == "lexnames":
            try:
                return super().open(fileid)
            except OSError:
                return io.StringIO(lexnames_text())
        return super().open(fileid)

    def map_wn(self, version="wordnet"):
        """No mapping onto nltk's multilingual WordNet: we never use OMW."""
        return None

    def _scan_satellites(self):
        """Satellite adjectives are found per lemma by `_LemmaIndex`, not by reading data.adj up front."""
        self.satellite_offsets = frozenset()

    def _load_lemma_pos_offset_map(self):
        self._lemma_pos_offset_map = _LemmaIndex(self)
