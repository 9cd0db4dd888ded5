"""`companion analyze`: files, URLs and stdin in, a lesson preview or JSON out; bad input exits 2."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, article_page

SPACE_ARTICLE = [
    "Astronomers have detected an unusually faint galaxy that appears to have formed shortly after the Big Bang, "
    "according to a study published on Wednesday.",
    "The researchers said the discovery could help explain how the earliest stars illuminated the universe, "
    "although they cautioned that the measurements remain preliminary and require independent verification.",
    "Using the telescope's infrared instruments, the team analysed the spectrum of the galaxy and estimated its "
    "distance with remarkable precision.",
    "Other scientists described the findings as intriguing but warned that contamination from nearby objects "
    "could distort the faint signal, and they urged caution before drawing sweeping conclusions.",
]


def companion(*args: str, stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=timeout
    )


def test_json_has_the_documented_schema_for_the_sample(sample_path):
    result = companion("analyze", "--json", str(sample_path))
    assert result.returncode == 0, result.stderr.decode()
    [lesson] = json.loads(result.stdout)
    assert set(lesson) == {"title", "source", "byline", "date", "note", "difficulty", "chunks", "vocabulary"}
    assert set(lesson["difficulty"]) == {"score", "level", "unknown_share"}
    assert [c["index"] for c in lesson["chunks"]] == list(range(len(lesson["chunks"])))
    fields = {"item", "lemma", "kind", "forms", "pos", "zipf", "level", "count", "sentence", "chunk", "gloss"}
    assert lesson["vocabulary"] and all(set(v) == fields for v in lesson["vocabulary"])
    items = {v["item"] for v in lesson["vocabulary"]}
    assert "provocative" in items and "constructive role" in items
    assert items & {"munitions", "munition"}
    assert "지나쌤" in lesson["note"]


def test_several_inputs_give_one_object_each_in_order(sample_path, site, tmp_path):
    url = site.add("/space", article_page("Faint galaxy seen", SPACE_ARTICLE))
    text_file = tmp_path / "space.md"
    text_file.write_text("# Faint galaxy seen\n\n" + "\n\n".join(SPACE_ARTICLE), encoding="utf-8")
    result = companion("analyze", "--json", "--level", "C1", str(sample_path), url, str(text_file))
    assert result.returncode == 0, result.stderr.decode()
    titles = [lesson["title"] for lesson in json.loads(result.stdout)]
    assert len(titles) == 3
    assert titles[0].startswith("Pyongyang reconfirms")
    assert "galaxy" in titles[1].lower() and "galaxy" in titles[2].lower()


def test_stdin_is_read_with_a_dash(sample_text):
    result = companion("analyze", "-", stdin=sample_text.encode("utf-8"))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "Pyongyang reconfirms stronger ties" in out and "provocative" in out


BAD_INPUTS = {
    "empty": b"",
    "whitespace": b"   \n\t \n  ",
    "no_english": "나는 오늘 학교에 갔습니다. 날씨가 정말 좋았어요. 친구들과 점심을 먹었습니다.".encode("utf-8"),
    "binary": bytes(range(256)) * 40,
    "huge": b"The committee discussed the budget at length. " * 120_000,
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_text_is_one_clear_line_and_exit_status_2(kind, tmp_path):
    path = tmp_path / f"{kind}.txt"
    path.write_bytes(BAD_INPUTS[kind])
    result = companion("analyze", str(path))
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "Traceback" not in err
    assert str(path) in err


@pytest.mark.parametrize(
    "page",
    ["/missing", "/slow", "/empty-page"],
    ids=["answers-404", "never-answers", "no-article"],
)
def test_bad_url_is_one_clear_line_and_exit_status_2(page, site):
    site.add("/empty-page", "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    result = companion("analyze", "--timeout", "2", site.url(page), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "Traceback" not in err
    assert site.url(page) in err


def test_missing_file_is_a_clear_error(tmp_path):
    result = companion("analyze", str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and "no such file" in result.stderr.decode()
