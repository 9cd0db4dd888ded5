"""Texts written for these tests (not copied from anywhere), and a sentence splitter.

The splitter is nltk's Punkt with no training data: the tests must not import lessons/.
"""
from __future__ import annotations

from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

from vocab.items import Sentence

SAMPLE = Path(__file__).resolve().parents[2] / "lessons" / "samples" / "korea-herald-2023-11-11.txt"


def split(text: str) -> list[str]:
    return [s.strip() for s in PunktSentenceTokenizer().tokenize(" ".join(text.split())) if s.strip()]


def sentences(text: str, per_chunk: int = 3) -> list[Sentence]:
    return [Sentence(text, index // per_chunk) for index, text in enumerate(split(text))]


def sample_reading_text() -> str:
    """The seed article's reading text: from its first paragraph of prose on, no header lines."""
    text = SAMPLE.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n")]
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("United States Secretary"))
    return "\n\n".join(paragraphs[start:])


CHILDREN = """
Tom has a little red ball. He likes to play with it in the park. One day the ball rolls into
the pond. Tom is sad. His dog Max jumps into the water and gets the ball. Tom is happy again.
He gives Max a big hug. Then they walk home for dinner.
"""

ACADEMIC = """
Recent advances in single-cell transcriptomics have enabled the systematic characterization of
cellular heterogeneity within complex tissues. However, the computational integration of
datasets generated across heterogeneous experimental platforms remains methodologically
challenging, since technical variability frequently confounds biologically meaningful signals.
Here, we propose a probabilistic framework that explicitly models batch-specific covariates
while preserving latent biological structure, thereby facilitating robust inference of
differentiation trajectories. Applied to three independent cohorts, our approach substantially
outperforms existing normalization strategies, which typically presuppose homogeneous sampling
distributions; furthermore, it yields interpretable embeddings whose dimensions correspond to
established regulatory programs.
"""

SCIENCE = """
Researchers at the University of Nairobi have discovered a bacterium that can digest discarded
plastic bottles within weeks. The team, led by microbiologist Wanjiru Otieno, found the microbe
in sediment collected near a landfill outside Mombasa. Otieno said the organism secretes an
enzyme that breaks the long chains of polyethylene into fragments that other microbes can
consume. The findings, published in the journal Frontiers in Microbiology, could help tackle the
pollution that chokes rivers and coastlines across Kenya. Otieno cautioned that the process is
still too slow for industrial use, and her laboratory is now trying to accelerate it by
altering the temperature and acidity of the culture. Funding came from the Gates Foundation and
the Kenyan government, which hopes to curb the tonnes of waste that accumulate every year.
"""

ECONOMICS = """
The Bundesbank warned on Tuesday that Germany's economy is likely to contract again this
quarter as manufacturers struggle with sluggish demand and persistent inflation. Joachim Nagel,
the central bank's president, told reporters in Frankfurt that energy-intensive industries had
curtailed output and postponed investment. Economists at Commerzbank expect the recession to be
shallow, but they cautioned that weak exports to China and rising interest rates could prolong
the downturn. Nagel urged the coalition in Berlin to resolve its dispute over subsidies and to
streamline the approval of new factories. Retail sales fell for a third consecutive month, and
consumer confidence remained subdued despite a modest rise in wages.
"""

SPORTS = """
Kylian Okafor scored twice as Brentford beat Everton three goals to one at the Gtech Community
Stadium on Saturday, lifting the club into the top half of the table. Okafor, who joined from
Lyon in August, opened the scoring with a ferocious volley after only six minutes. Everton
equalised through a penalty by Dwight McNeil, but the visitors were reckless in defence and
conceded again before half-time. Brentford's manager, Thomas Frank, praised his side's
resilience and said the victory would bolster their confidence ahead of a gruelling run of
fixtures. The defeat leaves Everton languishing near the relegation zone, and supporters
jeered the players as they trudged off the pitch.
"""


def require_wordnet():
    """The WordNet lexicon; skips the test where WordNet is not installed (fails on CI, which installs it)."""
    import os

    import pytest

    from vocab.lexicon import load_lexicon

    lexicon = load_lexicon()
    if not lexicon.available:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(lexicon.hint)
    return lexicon
