"""What a copied news page carries besides the article, recognised by its form, not by its words.

Each test here looks at one paragraph (a line of the pasted text) and says whether it is a
site's furniture: share buttons and menus, newsletter and cookie prompts, "Related" lists,
bylines, date stamps, photo captions and credits, wire-service datelines and tails. The
vocabularies below are the generic words of those elements on English-language news sites.
"""
from __future__ import annotations

import re

#: News agencies and photo libraries that appear in credits "(Yonhap)" and datelines "(Reuters) -".
AGENCIES = (
    "AP|Associated Press|Reuters|AFP|Agence France-Presse|Yonhap|Xinhua|KCNA|KNS|Newsis|News1|EPA|EFE|"
    "EPA-EFE|Getty|Getty Images|Bloomberg|UPI|dpa|DPA|Kyodo|Jiji|TASS|RIA Novosti|Sputnik|ANI|PTI|IANS|"
    "Bernama|Antara|ANSA|Anadolu|CNN|BBC|NHK|Shutterstock|Alamy|Pool|Handout|AAP|CP|NNA"
)
_AGENCY = re.compile(rf"(?:{AGENCIES})", re.I)
#: Words of a photo credit besides agency names.
CREDIT_WORDS = frozenset(
    "photo photos photograph photographs photographer image images picture pictures file courtesy "
    "credit credits via pool handout illustration graphic screenshot captured video getty".split()
)
#: Where people stand in a photo: only captions say this. "(left)", "(second from right)", "(L)",
#: ", second from left,".
_POSITION = (
    r"(?:(?:second|third|fourth|fifth|far|front|back|top|bottom|centre|center)[\s,-]*)*"
    r"(?:from\s+)?(?:left|right|center|centre|front|back|top|bottom)(?:\s+(?:to|and)\s+(?:left|right))?"
)
_PHOTO_POSITION = re.compile(rf"\((?:{_POSITION}|[LRC])\)|,\s+(?:second|third|fourth|fifth|far)\s+{_POSITION},", re.I)
_CAPTION_START = re.compile(
    r"^(?:(?:in\s+)?this\s+(?:undated\s+|file\s+|handout\s+|combination\s+)*(?:photo|image|picture|file photo|"
    r"photograph|screenshot|video grab)|a\s+(?:file\s+)?photo\s+(?:shows|of)|file photo|photo\s+shows|"
    r"image caption|media caption|caption)\b",
    re.I,
)
_CREDIT_LABEL = re.compile(
    r"^(?:photo|photos|photograph|image|picture|video|graphic|illustration|source|credit|photo credit|"
    r"image source)\s*(?:by\s|[:,])",
    re.I,
)
#: A credit in brackets at the end of a paragraph, after the last sentence: "... Moscow. (Yonhap)",
#: "... on Monday. [YONHAP]".
_END_CREDIT = re.compile(r"(?<=[.!?\"'”’])\s*(?:\(([^()]{1,80})\)|\[([^\[\]]{1,80})\])\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")

#: Labels of buttons, menus and widgets, as whole lines (compared lower-cased, without
#: bullets, counts or trailing punctuation).
UI_LABELS = frozenset(
    """
    link copied|copy link|copied|copy|share|share this|share this article|share this story|share full article|
    share article|share on facebook|share on twitter|share on x|share via email|share via|print|print this article|
    print article|email|e-mail|mail|save|save article|save for later|saved|bookmark|subscribe|subscribe now|
    sign in|sign up|log in|login|log out|register|create account|my account|read more|read full article|
    read the full story|see more|show more|show less|load more|view more|more|view comments|comments|comment|
    leave a comment|add comment|join the conversation|advertisement|advertisements|ad|ads|sponsored|
    sponsored content|paid content|partner content|skip advertisement|skip ad|skip to content|skip to main content|
    skip to navigation|click here|click to enlarge|click to expand|tap to expand|enlarge|expand|zoom|menu|
    search|home|close|back|back to top|top|loading|please wait|listen|listen to this article|listen to article|
    play|pause|play video|watch|watch video|watch live|live|font size|text size|aa|a a|gift this article|
    give this article|gift article|supported by|reuse this content|get the app|download the app|open in app|
    read in app|follow|follow us|follow us on|like|tweet|translate|translation|report an error|report a typo|
    corrections|feedback|send feedback|contact us|about us|jump to|related|related topics|related articles|
    related stories|related content|related news|related coverage|related links|more on this story|
    more stories|more news|most popular|most read|most viewed|most shared|trending|trending now|top stories|
    top news|latest|latest news|latest stories|recommended|recommended for you|recommended stories|
    you may also like|you might also like|you may be interested in|don't miss|editor's picks|also read|
    see also|read next|up next|what to read next|explore more on these topics|topics|tags|keywords|
    accept|accept all|accept cookies|accept all cookies|reject all|manage preferences|manage cookies|
    cookie settings|cookie preferences|i agree|agree|got it|ok|okay|continue|dismiss|no thanks|
    next|previous|next article|previous article|next story|previous story|newsletter|newsletters|
    sign up for our newsletter|breaking news|exclusive|opinion|analysis|premium|subscribers only|
    end|###
    """.split("|")
)
UI_LABELS = frozenset(" ".join(label.split()) for label in UI_LABELS)
#: Words a row of share buttons is made of: "Facebook Twitter Email Print".
UI_WORDS = frozenset(
    "share print email e-mail mail facebook twitter x linkedin whatsapp telegram kakaotalk kakao story band "
    "line naver blog reddit pinterest flipboard messenger copy link copied url save bookmark comment comments "
    "tweet sms aa + - threads instagram youtube tiktok weibo wechat".split()
)
#: Headings of lists of other stories; the short headline lines that follow go with them.
_LIST_HEADING = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|content|news|coverage|links|topics))?|more on this story|"
    r"more (?:stories|news)(?: from .{1,30})?|more from .{1,30}|most (?:popular|read|viewed|shared)|"
    r"trending(?: now)?|top stories|top news|latest(?: news| stories)?|recommended(?: for you| stories)?|"
    r"you (?:may|might) also like|you may be interested in|editor'?s picks|read next|up next|"
    r"what to read next|explore more on these topics|topics|tags|keywords|see also|also read)\s*:?$",
    re.I,
)
#: Furniture recognised by a pattern, up to a length in words (None: any length). The pattern
#: is searched (case-insensitive) in the stripped line.
_UI_PATTERN_TABLE: tuple[tuple[str, int | None], ...] = (
    (r"^\d+\s*(?:min(?:ute)?s?|m)\.?\s+read$", 4),  # "5 min read"
    (r"^(?:listen|audio)\b.{0,60}\d{1,2}:\d{2}", 12),  # "Listen to this article · 5:32 min"
    (r"^\d[\d,.]*\s*(?:k\s*)?(?:comments?|shares?|views?|likes?)$", 3),  # "1.2k shares"
    (r"^(?:©|\(c\)|copyright\b)", 30),
    (r"\ball rights reserved\b", 30),
    # "Sign up to First Edition, our free daily newsletter"
    (r"^(?:sign up|subscribe|get|join|register)\b.*\b(?:newsletter|inbox|briefing|digest|alerts?|emails?)\b", 45),
    (r"^(?:privacy notice|after newsletter promotion|skip past newsletter promotion)\b", 60),
    # cookie banners speak of "cookies" and of the site, the reader's consent or settings
    (
        r"^(?=.*\b(?:cookies|cookie (?:settings|policy|preferences|notice))\b).*\b(?:we use|we and our partners|"
        r"this (?:site|website)|our (?:site|website)|your (?:experience|browser|device|consent|choices?|privacy)|"
        r"accept|consent|cookie (?:settings|policy|preferences|notice)|manage (?:preferences|cookies|settings))\b",
        70,
    ),
    # "Follow AP's coverage of North Korea at https://..."
    (r"^(?:follow|read|see|visit|watch|download|subscribe|click|find|more)\b.*(?:https?://|www\.)\S+", 30),
    (r"^(?:https?://|www\.)\S+$", 1),
    (r"^(?:read more|read also|also read|related|see also|more|watch|listen|recommended)\s*[:|>»]\s*\S", 25),
    (r"^our standards\s*:", 20),  # Reuters
    (r"\bcontributed(?:\s+to)?\s+(?:to\s+)?this\s+(?:report|story|article)\.?$", 35),  # AP
    (r"^(?:send|email)\s+(?:us\s+)?(?:your\s+)?(?:tips|feedback|story ideas)\b", 30),
    (r"^[\s_\-–—=*•·#~.|/\\]{3,}$", None),  # "___", "* * *", "---"
    (r"^(?:home|news|world)\s*(?:[>›»/|]\s*[\w .&'-]+){1,5}$", 12),  # breadcrumbs "Home > World > Asia"
)
_UI_PATTERNS = tuple((re.compile(pattern, re.I), limit) for pattern, limit in _UI_PATTERN_TABLE)
_BULLETS = "•·●▪■►▶-–—*|>»›→✓✔"
_STRIP_LABEL = re.compile(rf"^[\s(\[{re.escape(_BULLETS)}]+|[\s:.!…»›>\d()\]]+$")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?|[+\-|]")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_ui(paragraph: str) -> bool:
    """A button, menu entry, widget, promo, cookie prompt, separator or copyright line."""
    label = _STRIP_LABEL.sub("", paragraph.lower()).strip()
    label = " ".join(label.split())
    if not label:  # bullets, numbers, punctuation: nothing to read
        return True
    if label in UI_LABELS:
        return True
    tokens = [t.lower() for t in words(paragraph)]
    if tokens and len(tokens) <= 12 and all(t in UI_WORDS for t in tokens) and len(set(tokens)) >= 2:
        return True
    n = len(paragraph.split())
    text = paragraph.strip()
    if any(pattern.search(text) for pattern, limit in _UI_PATTERNS if limit is None or n <= limit):
        return True
    return is_credits_tail(paragraph)


_TAIL_PART = re.compile(
    r"^(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|fact[- ]checked|graphics|"
    r"photos|video|production)\s+by\s+(?P<names>.+)$",
    re.I,
)
_NAME_CONNECTORS = frozenset("and in from with at the of & , .".split())


def is_credits_tail(paragraph: str) -> bool:
    """A wire story's tail: "Reporting by Hyonhee Shin; Editing by William Mallard"."""
    parts = [part.strip(" .") for part in paragraph.strip().split(";")]
    if not parts[0] or len(paragraph.split()) > 45:
        return False
    for part in parts:
        match = _TAIL_PART.match(part)
        if not match:
            return False
        for token in match.group("names").replace(",", " , ").split():
            if not (token[:1].isupper() or token.lower() in _NAME_CONNECTORS):
                return False
    return True


def is_list_heading(paragraph: str) -> bool:
    """'Related articles', 'Most popular'...: a heading of links to other stories."""
    return bool(_LIST_HEADING.match(_STRIP_LABEL.sub("", paragraph.strip()).strip()))


def is_headline_like(paragraph: str) -> bool:
    """Short, and not ending like a sentence: a title, a heading, a link to another story.
    (A headline may end with "?" or "!", not with a period, even inside quotes.)"""
    text = paragraph.strip()
    if not 0 < len(text.split()) <= 25 or not any(ch.isalpha() for ch in text):
        return False
    return not re.search(r"[.,;:][\"'”’)\]]*$", text)


def is_credit(inner: str) -> bool:
    """The inside of a bracketed credit: "Yonhap", "AP Photo/Ahn Young-joon", "Getty Images"."""
    tokens = inner.replace("/", " / ").split()
    if not tokens or len(tokens) > 8 or _SENTENCE_END.search(inner):
        return False
    if _AGENCY.fullmatch(tokens[0].rstrip(",")) or any(t.lower().strip(",:") in CREDIT_WORDS for t in tokens):
        return True
    return len(tokens) <= 3 and all(t[:1].isupper() or t == "/" for t in tokens)


def end_credit(paragraph: str) -> re.Match | None:
    """The bracketed credit closing a paragraph ("... to Moscow. (Yonhap)"), if any."""
    match = _END_CREDIT.search(paragraph)
    return match if match and is_credit(match.group(1) or match.group(2)) else None


def is_credit_line(paragraph: str) -> bool:
    """A line that only credits a photo or a story: "(Yonhap)", "Getty Images", "Photo: Reuters"."""
    text = paragraph.strip()
    if _CREDIT_LABEL.match(text) and len(text.split()) <= 12:
        return True
    if text[:1] + text[-1:] in ("()", "[]") and is_credit(text[1:-1]):
        return True
    tokens = text.replace("/", " ").split()
    return 0 < len(tokens) <= 5 and all(
        _AGENCY.fullmatch(t.strip(",;")) or t.lower().strip(",;") in CREDIT_WORDS or t.lower() in ("via", "and", "/")
        for t in tokens
    )


#: Words in the longest photo caption worth recognising: a caption names who is where and why in
#: two or three sentences (the Korea Herald's run to about 50 words). A longer paragraph with
#: "(left)" in it and a credit at its end is an article pasted as one line, not a caption.
CAPTION_MAX_WORDS = 80


def is_caption(paragraph: str) -> bool:
    """A photo caption: who stands where, "In this photo...", a photo credit, "Photograph: ..."."""
    text = paragraph.strip()
    if len(text.split()) > CAPTION_MAX_WORDS:
        return False
    if _CAPTION_START.match(text) or re.search(r"\b(?:Photograph|Photo|Photos|Image|Picture)\s*:\s*\S", text):
        return True
    credit = end_credit(text)
    inner = credit and (credit.group(1) or credit.group(2)).lower()
    return bool(credit and (_PHOTO_POSITION.search(text) or any(w in inner for w in ("photo", "image", "/"))))


def has_photo_signs(paragraph: str) -> bool:
    """A credit at the end, or who stands where: enough to call a line printed twice a caption."""
    return bool(end_credit(paragraph) or _PHOTO_POSITION.search(paragraph))


def doubled(paragraph: str) -> str | None:
    """The text printed twice in a row on one line ("A A"), as it appears once; else None."""
    text = paragraph.strip()
    n = len(text)
    if n < 40:
        return None
    for middle in range(n // 2 - 2, n // 2 + 3):
        first, second = text[:middle].rstrip(), text[middle:].lstrip()
        if first == second:
            return first
    return None


#: "SEOUL, Nov 11 (Reuters) - ", "SEOUL, South Korea (AP) — ", "Seoul, South Korea CNN — ", "(CNN) —".
_AGENCY_DATELINE = re.compile(
    rf"^(?:[A-Z][\w.'’-]*(?:,?\s+[\w.'’-]+){{0,6}}?,?\s+)?"  # a place and date: "SEOUL, Nov 11"
    rf"\(?(?:{AGENCIES})\)?\s*(?:—|–|-{{1,2}})\s*(?=[A-Z\"“'‘])"
)
#: "LONDON — ", "WASHINGTON, Nov. 11 -- ": a place in capitals and a long dash.
_PLACE_DATELINE = re.compile(
    r"^[A-Z]{2,}(?:[ .'-]+[A-Z]{2,})*\.?(?:,\s+[A-Z][\w.]*(?:\s+[\w.]+){0,3})?\s*(?:—|–|--)\s*(?=[A-Z\"“'‘])"
)


def strip_dateline(paragraph: str) -> str:
    """The paragraph without a wire-service dateline at its start."""
    for pattern in (_AGENCY_DATELINE, _PLACE_DATELINE):
        match = pattern.match(paragraph)
        if match and len(match.group().split()) <= 9:
            return paragraph[match.end() :]
    return paragraph
