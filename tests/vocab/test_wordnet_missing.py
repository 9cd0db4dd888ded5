"""Without WordNet the engine still works: no glosses, and one clear hint on how to install it.
With WordNet it is found in Debian's directory or in nltk's data path."""
from __future__ import annotations

import os
import shutil
import zipfile

import nltk
import pytest
from vocab_texts import sample_reading_text, sentences

from vocab import find_vocabulary
from vocab.difficulty import rate_difficulty
from vocab.lexicon import DEBIAN_WORDNET_DIR, _load_lexicon, load_lexicon
from vocab.wordnet_reader import lexnames_text

WORDNET_FILES = ("index.noun", "index.verb", "index.adj", "index.adv", "data.noun", "data.verb",
                 "data.adj", "data.adv", "noun.exc", "verb.exc", "adj.exc", "adv.exc")  # fmt: skip


@pytest.fixture
def no_nltk_data(monkeypatch):
    monkeypatch.setattr(nltk.data, "path", [])


def test_no_wordnet_anywhere_gives_a_lexicon_without_it(no_nltk_data, tmp_path):
    lexicon = load_lexicon([str(tmp_path / "nowhere"), str(tmp_path / "also-missing")])
    assert not lexicon.available
    assert "wordnet-base" in lexicon.hint and "nltk.downloader wordnet" in lexicon.hint
    assert "\n" not in lexicon.hint


def test_everything_but_glosses_works_without_wordnet(no_nltk_data, tmp_path):
    lexicon = load_lexicon([str(tmp_path / "nowhere")])
    read = sentences(sample_reading_text())
    items = find_vocabulary(read, "B2", lexicon=lexicon)
    shown = {item.item for item in items}
    assert shown & {"munitions", "munition"} and "provocative" in shown and "constructive role" in shown
    assert all(item.gloss == "" for item in items)
    assert lexicon.parts_of_speech("munition") == {"noun"}  # from lemminflect's table
    difficulty = rate_difficulty([s.text for s in read], "B2", lexicon=lexicon)
    assert 0 < difficulty.score < 100


@pytest.mark.parametrize("with_exception_lists", [False, True])
def test_a_directory_that_is_not_wordnet_is_skipped(no_nltk_data, tmp_path, with_exception_lists):
    for name in ("index.noun", "index.verb", "index.adj", "index.adv"):
        (tmp_path / name).write_text("not wordnet at all\n")
    if with_exception_lists:
        for name in ("noun.exc", "verb.exc", "adj.exc", "adv.exc", "data.noun", "data.adj"):
            (tmp_path / name).write_text("")
    lexicon = load_lexicon([str(tmp_path)])
    assert not lexicon.available and "could not read" in lexicon.hint
    assert find_vocabulary(sentences("The munitions were stored in a bunker."), lexicon=lexicon)


needs_debian = pytest.mark.skipif(not os.path.isdir(DEBIAN_WORDNET_DIR), reason="wordnet-base is not installed")


@needs_debian
def test_debian_wordnet_loads_without_a_lexnames_file(no_nltk_data):
    assert not os.path.exists(os.path.join(DEBIAN_WORDNET_DIR, "lexnames"))  # what makes nltk trip
    lexicon = load_lexicon([DEBIAN_WORDNET_DIR])
    assert lexicon.available and lexicon.hint == ""
    assert lexicon.synsets("munitions")[0].lexname() == "noun.artifact"
    assert lexicon.parts_of_speech("run") == {"noun", "verb"}


@needs_debian
def test_wordnet_in_nltk_s_data_path_is_found(no_nltk_data, tmp_path):
    corpus = tmp_path / "nltk_data" / "corpora" / "wordnet"
    corpus.mkdir(parents=True)
    for name in WORDNET_FILES:
        shutil.copy(os.path.join(DEBIAN_WORDNET_DIR, name), corpus / name)
    nltk.data.path.append(str(tmp_path / "nltk_data"))
    lexicon = load_lexicon([])
    assert lexicon.available
    assert lexicon.source.startswith(str(tmp_path))
    assert "weapons" in lexicon.synsets("munition")[0].definition()


@needs_debian
def test_wordnet_zipped_as_nltk_s_downloader_leaves_it_is_found(no_nltk_data, tmp_path):
    (tmp_path / "corpora").mkdir()
    with zipfile.ZipFile(tmp_path / "corpora" / "wordnet.zip", "w", zipfile.ZIP_STORED) as archive:
        for name in WORDNET_FILES:
            archive.write(os.path.join(DEBIAN_WORDNET_DIR, name), f"wordnet/{name}")
        archive.writestr("wordnet/lexnames", lexnames_text())
    nltk.data.path.append(str(tmp_path))
    lexicon = load_lexicon([])
    assert lexicon.available and "wordnet.zip" in lexicon.source
    assert lexicon.base_forms("readying")["verb"] == "ready"
    assert "cause" in lexicon.synsets("give rise", "verb")[0].definition()


def test_the_lexicon_is_loaded_once():
    _load_lexicon.cache_clear()
    first = load_lexicon()
    assert load_lexicon() is first and load_lexicon(None) is first
