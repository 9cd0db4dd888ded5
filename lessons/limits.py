"""How much input one lesson may take. Checked before any work is done, so a huge input is
refused at once instead of being analysed."""
from __future__ import annotations

#: A long news feature is 2,000-10,000 words, about 15-70 kB of text. 2 MB of plain text is
#: a book, not a lesson.
MAX_TEXT_BYTES = 2 * 1024 * 1024
#: A news page carries scripts, styles and menus around the article: 0.3-3 MB is common.
MAX_HTML_BYTES = 6 * 1024 * 1024
#: Word files and PDFs embed fonts and photos, so a short article can still be several MB.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
#: Reading text after extraction: a 10,000-word article is about 65,000 characters; about
#: twice that is more than any lesson, and it keeps the analysis of one input under a second.
MAX_TEXT_CHARS = 150_000
