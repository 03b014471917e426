"""Tokens for skill matching: the same rules for the taxonomy's aliases and for the text.

A token is a run of letters and digits with an optional `++`, `+` or `#` glued on (C++, C#,
F#), or one punctuation character. Hyphens and underscores are dropped, so "scikit-learn" and
"scikit learn" are the same key; other punctuation is kept ("A/B", "Node.js", "C/C++").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

TOKEN_RE = re.compile(r"[^\W_]+(?:\+\+|\+|#)?|[^\s\w\-_]")
"""One token: a word (letters/digits, maybe `++`, `+`, `#`) or one non-space, non-hyphen symbol."""

SQUASH_RE = re.compile(r"[^0-9a-z+#]+")


def iter_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield `(start, end, lower-cased token)` for every token of `text`, in order."""
    for match in TOKEN_RE.finditer(text):
        yield match.start(), match.end(), match.group().lower()


def normalize_key(surface: str) -> str:
    """The lookup key of a surface form: its lower-cased tokens joined by single spaces."""
    return " ".join(match.group().lower() for match in TOKEN_RE.finditer(surface))


def squash_key(surface: str) -> str:
    """A looser key with every character but letters, digits, `+` and `#` removed ("nodejs")."""
    return SQUASH_RE.sub("", surface.lower())
