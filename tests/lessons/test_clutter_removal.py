"""What news sites add to a copied article is removed, by its form, and the reading text is kept.

Each row is one site's copy-paste habit: the pasted text, what must stay in the reading text,
and what must be gone from it.
"""
from __future__ import annotations

import pytest

from lessons.clean import clean_article

B1 = "North Korea fired a ballistic missile into the sea off its east coast on Saturday, the South's military said."
B2 = "The launch came days after Seoul and Washington held joint drills that Pyongyang called a rehearsal for invasion."
B3 = "Officials in Tokyo said the missile appeared to have landed outside Japan's exclusive economic zone."
TITLE = "North Korea fires missile after joint drills"

CASES = [
    pytest.param(
        f"""{TITLE}

2 hours ago

Share

Image source, Getty Images
Image caption,
Kim Jong-un has overseen a record number of launches this year

{B1}

{B2}

Related Topics

North Korea
South Korea

More on this story

Kim Jong-un warns of nuclear response
""",
        [B1, B2],
        ["Share", "Image source", "Getty Images", "Image caption", "record number of launches", "Related Topics",
         "South Korea\n", "More on this story", "warns of nuclear response", "2 hours ago"],
        id="BBC: image source and caption labels, related topics",
    ),
    pytest.param(
        f"""{TITLE}
By Jane Doe, CNN
Updated 10:42 PM EST, Sat November 11, 2023
Link Copied!
Seoul, South Korea CNN — {B1}
{B2}
""",
        [B1, B2],
        ["Link Copied", "CNN —", "Seoul, South Korea CNN", "Updated", "By Jane Doe"],
        id="CNN: dateline with network name, link copied",
    ),
    pytest.param(
        f"""{TITLE}
By Hyonhee Shin
November 11, 2023 1:44 PM GMT+9
SEOUL, Nov 11 (Reuters) - {B1}
{B2}
Reporting by Hyonhee Shin; Editing by William Mallard
Our Standards: The Thomson Reuters Trust Principles.
""",
        [B1, B2],
        ["(Reuters)", "SEOUL, Nov 11", "Reporting by", "Editing by", "Our Standards", "GMT+9"],
        id="Reuters: dateline, reporting and editing tail, standards",
    ),
    pytest.param(
        f"""{TITLE}

FILE - North Korean leader Kim Jong Un attends a meeting in Pyongyang on Sept. 9, 2023. (AP Photo/Ahn Young-joon, File)

SEOUL, South Korea (AP) — {B1}

{B2}

___

Follow AP's coverage of North Korea at https://apnews.com/hub/north-korea

Associated Press writer Mari Yamaguchi in Tokyo contributed to this report.
""",
        [B1, B2],
        ["AP Photo", "attends a meeting", "(AP)", "___", "Follow AP", "apnews.com", "contributed to this report"],
        id="AP: photo caption, dateline, separator, coverage link, contributor line",
    ),
    pytest.param(
        f"""{TITLE}
Launch comes days after joint exercises by South Korea and the US
Sat 11 Nov 2023 05.00 GMT
Kim Jong-un at a military parade in Pyongyang. Photograph: KCNA/Reuters
{B1}
Sign up to First Edition, our free daily newsletter – every weekday morning at 7am GMT
Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties. For more information see our Privacy Policy.
after newsletter promotion
{B2}
Explore more on these topics
North Korea
Asia Pacific
Share
Reuse this content
""",
        [B1, B2, "Launch comes days after joint exercises by South Korea and the US"],
        ["Photograph", "military parade", "Sign up", "newsletter", "Privacy Notice", "Explore more", "Asia Pacific",
         "Reuse this content", "Share", "05.00 GMT"],
        id="Guardian: photograph credit, newsletter promotion, topics",
    ),
    pytest.param(
        f"""We use cookies to improve your experience on our site. By continuing you accept our use of cookies.
Accept all
Manage preferences
Advertisement
SKIP ADVERTISEMENT
Supported by
{TITLE}
Listen to this article · 5:32 min Learn more
Share full article
{B1}
Advertisement
{B2}
{B3}
Most Popular
Kim Jong-un's daughter appears at military parade
Seoul's birth rate hits another record low
""",
        [B1, B2, B3],
        ["cookies", "Accept all", "Manage preferences", "Advertisement", "SKIP", "Supported by", "Listen",
         "Share full article", "Most Popular", "daughter appears", "birth rate"],
        id="NYT: cookie banner, advertisement labels, listen widget, most popular list",
    ),
    pytest.param(
        f"""{TITLE}
By Kim Arin
Published : Nov. 12, 2023 - 10:00
North Korean leader Kim Jong-un (right) speaks with Russian President Vladimir Putin in September. (Yonhap)
North Korean leader Kim Jong-un (right) speaks with Russian President Vladimir Putin in September. (Yonhap)
{B1}
{B2} (Yonhap)
""",
        [B1, B2],
        ["speaks with Russian President", "(Yonhap)", "(right)", "Published"],
        id="caption printed twice on two lines, credit tags",
    ),
    pytest.param(
        f"""{TITLE}
Facebook Twitter Email Print
• Share this article
A A
Comments (12)
5 min read
Home > World > Asia
{B1}
READ MORE: Seoul to deploy new spy satellite next month
{B2}
Copyright © 2023 The Daily Planet. All rights reserved.
""",
        [B1, B2],
        ["Facebook", "Share this", "A A", "Comments", "min read", "Home >", "READ MORE", "spy satellite next month",
         "Copyright", "All rights reserved"],
        id="share rows, font size, counters, breadcrumbs, read-more links, copyright",
    ),
    pytest.param(
        f"""{TITLE}
{B1} "We will respond firmly to any provocation," the ministry said.
"We will respond firmly to any provocation," the ministry said.
{B2}
{B2}
{B3} {B3}
""",
        [B1, B2, B3],
        [],
        id="pull quote, repeated paragraph and repeated sentence",
    ),
]


@pytest.mark.parametrize("pasted,kept,removed", CASES)
def test_site_clutter_is_removed_and_the_article_kept(pasted, kept, removed):
    article = clean_article(pasted)
    everything = "\n".join(article.paragraphs)
    for text in kept:
        assert any(p.startswith(text) for p in article.paragraphs), f"lost: {text!r}\n{everything}"
    for text in removed:
        assert text not in everything + "\n", f"kept clutter: {text!r}\n{everything}"
    assert article.title == TITLE


def test_repeated_text_is_read_once():
    pasted = CASES[-1].values[0]
    article = clean_article(pasted)
    text = article.text
    assert text.count("We will respond firmly") == 1
    assert text.count(B2) == 1
    assert text.count(B3) == 1
    assert article.paragraphs[0].endswith('the ministry said.')  # the quote stays in its paragraph


@pytest.mark.parametrize(
    "pasted,field,expected",
    [
        (CASES[1].values[0], "byline", "By Jane Doe, CNN"),
        (CASES[1].values[0], "date", "10:42 PM EST, Sat November 11, 2023"),
        (CASES[2].values[0], "byline", "By Hyonhee Shin"),
        (CASES[2].values[0], "date", "November 11, 2023 1:44 PM GMT+9"),
        (CASES[4].values[0], "date", "Sat 11 Nov 2023 05.00 GMT"),
        (CASES[6].values[0], "byline", "By Kim Arin"),
        (CASES[6].values[0], "date", "Nov. 12, 2023 - 10:00"),
        (f"Yonhap News Agency\n{TITLE}\n{B1}", "source", "Yonhap News Agency"),
        (f"The Daily Planet\nWorld\n{TITLE}\nBy Jane Doe | Nov. 11, 2023\n{B1}", "source", "The Daily Planet"),
        (f"The Daily Planet\nWorld\n{TITLE}\nBy Jane Doe | Nov. 11, 2023\n{B1}", "byline", "By Jane Doe"),
        (f"The Daily Planet\nWorld\n{TITLE}\nBy Jane Doe | Nov. 11, 2023\n{B1}", "date", "Nov. 11, 2023"),
    ],
)
def test_header_fields_are_found(pasted, field, expected):
    assert getattr(clean_article(pasted), field) == expected


def test_a_text_without_a_title_is_named_by_its_first_words():
    title = clean_article(f"{B1}\n{B2}").title
    assert title.endswith("…") and len(title) <= 72
    assert B1.startswith(title[:-1]) and B1[len(title) - 1] == " "


def test_a_section_label_above_the_title_is_not_reading_text():
    article = clean_article(f"The Daily Planet\nWorld\n{TITLE}\n{B1}")
    assert article.title == TITLE
    assert article.paragraphs == (B1,)


def test_a_paragraph_starting_with_by_is_not_a_byline():
    paragraph = "By the end of the year, the North had launched more missiles than ever before."
    article = clean_article(f"{TITLE}\n\n{paragraph}\n\n{B1}")
    assert article.paragraphs == (paragraph, B1)
    assert article.byline == ""


def test_hard_wrapped_text_is_joined_into_paragraphs():
    wrapped = """North Korea fired a ballistic missile into the sea off its
east coast on Saturday, the South's military said. The launch came
days after Seoul and Washington held joint drills that Pyongyang
called a rehearsal for invasion.

Officials in Tokyo said the missile appeared to have landed
outside Japan's exclusive economic zone."""
    article = clean_article(f"{TITLE}\n\n{wrapped}")
    assert article.paragraphs == (f"{B1} {B2}", B3)


# --- the bundled sample: a Korea Herald article as a Korean tutor pasted it ---------------------

#: How each of the article's paragraphs begins and ends, in order (the photo caption is not one).
SAMPLE_PARAGRAPHS = [
    ("North Korea said Saturday", "against their arms transfers."),
    ("In a statement issued by a spokesperson", "between the North and Russia."),
    ("On Friday, US Secretary of State Antony Blinken", "to launch a military satellite."),
    ("After talks with Seoul's foreign minister Park Jin", "military technology to Pyongyang."),
    ("Pyongyang said, \"the irresponsible", "relieve the US of its \"concern.\""),
    ("The talks between the top diplomats", "Russian President Vladimir Putin."),
    ("The deeper military cooperation", "failed attempts in May and August."),
    ("Blinken also highlight the importance", "getting closer to Moscow."),
]


@pytest.fixture(scope="module")
def sample_article(sample_text):
    return clean_article(sample_text)


@pytest.mark.parametrize(
    "field,expected",
    [
        ("title", "Pyongyang reconfirms stronger ties with Russia despite warning"),
        ("source", "The Korea Herald"),
        ("note", "지나쌤"),
    ],
)
def test_sample_header_fields(sample_article, field, expected):
    assert getattr(sample_article, field) == expected


def test_sample_byline_and_date(sample_article):
    assert "Yonhap" in sample_article.byline
    assert "Nov. 11, 2023" in sample_article.date


def test_sample_keeps_every_paragraph_whole_and_in_order(sample_article):
    assert [(p[: len(a)], p[-len(b) :]) for p, (a, b) in zip(sample_article.paragraphs, SAMPLE_PARAGRAPHS)] == SAMPLE_PARAGRAPHS
    assert len(sample_article.paragraphs) == len(SAMPLE_PARAGRAPHS)


@pytest.mark.parametrize(
    "clutter",
    ["Link copied", "•", "(Yonhap)", "Published", "By Yonhap", "지나쌤", "The Korea Herald", "shakes hands", "(left)"],
)
def test_sample_reading_text_has_no_clutter(sample_article, clutter):
    assert clutter not in sample_article.text


# --- one line at a time: furniture goes, look-alike sentences stay ------------------------------

@pytest.mark.parametrize(
    "line",
    [
        "• Link copied", "Share", "Share this article", "Print", "Subscribe", "Sign in", "Read more", "Advertisement",
        "Click here", "Skip to main content", "Facebook Twitter Email", "KakaoTalk Facebook Twitter", "Comments (3)",
        "Listen to this article · 3:12 min", "5 min read", "(END)", "* * *", "Reuse this content", "Most read",
        "We use cookies to give you the best experience. Accept all cookies?", "Copyright © 2023 Herald Corporation",
        "(Yonhap)", "Getty Images", "Photo: Reuters", "AFP via Getty Images", "https://example.com/story",
        "Published : Nov. 11, 2023 - 13:44", "Updated : Nov. 11, 2023 - 14:01", "Nov. 11, 2023", "3 hours ago",
        "Reporting by Jane Doe; Editing by John Roe",
    ],
)
def test_a_furniture_line_between_paragraphs_is_removed(line):
    article = clean_article(f"{TITLE}\n\n{B1}\n\n{line}\n\n{B2}")
    assert article.paragraphs == (B1, B2)


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 5 percent on Monday, the exchange said.",
        "Print media is struggling, the report said.",
        "More than 100 people attended the rally.",
        "Updated figures show a rise in exports.",
        "Related talks are scheduled for next week.",
        "The cookie maker said it would accept the offer.",
        "By the end of the year, the North had fired more missiles than ever.",
        "Reporting by state media could not be verified.",
        "The photo shows Kim Jong-un at a launch site, the agency said.",
        "What happens next",
    ],
)
def test_a_sentence_that_looks_like_furniture_is_kept(line):
    article = clean_article(f"{TITLE}\n\n{B1}\n\n{line}\n\n{B2}")
    assert article.paragraphs == (B1, line, B2)


def test_an_article_pasted_as_one_line_is_read_not_taken_for_a_caption():
    caption = "Minister Park Jin (left) shakes hands with Secretary Antony Blinken in Seoul on Thursday. (Yonhap)"
    one_line = " ".join([caption, B1, B2, B3] * 3 + ["(Yonhap)"])
    article = clean_article(one_line)
    assert B2 in " ".join(article.paragraphs)


def test_a_short_caption_is_still_a_caption():
    caption = "Minister Park Jin (left) shakes hands with Secretary Antony Blinken in Seoul on Thursday. (Yonhap)"
    article = clean_article("\n\n".join([TITLE, caption, B1, B2, B3]))
    assert caption not in article.paragraphs and B1 in article.paragraphs
