"""Posting text hygiene: size cap, invisible characters, glued lists, and line shapes.

Everything here is linear in the input: each regex is anchored or has bounded repetition,
and the input is capped at `MAX_CHARS` before any pattern runs.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from applykit.ingest.posting_case import fold, has_any, lower, lowered
from applykit.ingest.posting_glue import glue_candidates_by_line, unglue
from applykit.ingest.posting_sentences import sentences, sentences_by_line

# re-exported: many steps import them here
__all__ = ["fold", "has_any", "lower", "lowered", "sentences", "sentences_by_line"]

MAX_CHARS = 200_000
"""A posting is a few thousand characters; past this we read the start and say so."""

_ZERO_WIDTH = re.compile(
    "[\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_UNICODE_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# A lone surrogate (from a JSON "\\ud800" escape, say) cannot be encoded as UTF-8, which later
# steps need; it becomes U+FFFD, which is then removed like a control character.
_SURROGATE = re.compile("[\ud800-\udfff]")
_ODD = re.compile(
    "["
    + _ZERO_WIDTH.pattern[1:-1]
    + _CONTROL.pattern[1:-1]
    + _UNICODE_SPACE.pattern[1:-1]
    + _SURROGATE.pattern[1:-1]
    + "]"
)
_RUN = re.compile("  +")  # a literal prefix: the regex engine skips ahead fast


def _collapse_run(match: re.Match[str]) -> str:
    """Runs of spaces inside a line become one; leading indentation (nesting) is kept."""
    start = match.start()
    if start == 0 or match.string[start - 1] == "\n":
        return match.group(0)
    return " "


# "industriesSell into" / "territory.Produce" / "experience)Ability": a lost bullet.
_BULLET = re.compile(
    r"^(?P<mark>[•·◦▪▫●○■□►▶➢➤✓✔✅🔹🔸▸‣⁃➔→◆◇]|[-*–—+](?=\s)|o(?= )|\(?\d{1,2}[.)](?=\s)"
    r"|\(?[a-h][.)](?= ))\s*(?P<text>.*)$"
)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(.{1,80}?)(?:\*\*|__):?\s*$")
_MD_INLINE = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_MD_LINK = re.compile(r"\[([^\]\n]{0,200})\]\(([^)\s]{0,500})\)")

INJECTION = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?)"
    r"|disregard (?:all |any )?(?:the )?(?:previous|prior|above) "
    r"|(?:if|when) you are an? (?:ai|llm|language model|chatbot|assistant|gpt)"
    r"|\b(?:ai|llm|gpt)[- ](?:tools?|models?|assistants?|systems?) (?:must|should|are required to)"
    r"|\b(?:chatgpt|claude|gemini|copilot)\b[^.\n]{0,60}\b(?:must|should)\b"
    r"|(?:language models?|ai models?) reading this",
    re.IGNORECASE,
)


_INJECTION_NEEDLES = (
    "ignore",
    "disregard",
    "you are a",
    " ai ",
    " ai-",
    "llm",
    "gpt",
    "claude",
    "gemini",
    "copilot",
    "language model",
    "ai tool",
    "ai model",
    "ai system",
    "ai assistant",
)


def has_injection(text: str) -> bool:
    """Instructions addressed to AI tools (cheap substring check before the regex)."""
    low = f" {text.lower()} "
    return any(map(low.__contains__, _INJECTION_NEEDLES)) and INJECTION.search(text) is not None


@dataclass(frozen=True)
class Line:
    """One non-blank line: its indentation, bullet mark (if any), heading level (if any)."""

    text: str
    indent: int = 0
    bullet: str | None = None
    heading: int | None = None
    blank_before: bool = False

    def __init__(
        self,
        text: str,
        indent: int = 0,
        bullet: str | None = None,
        heading: int | None = None,
        blank_before: bool = False,
    ) -> None:
        # The generated __init__ of a frozen dataclass sets each field through
        # `object.__setattr__`; writing the instance dict is the same, at a third of the cost.
        fields = self.__dict__
        fields["text"] = text
        fields["indent"] = indent
        fields["bullet"] = bullet
        fields["heading"] = heading
        fields["blank_before"] = blank_before

    @functools.cached_property
    def low(self) -> str:
        """`fold(self.text)`, computed once however many steps look for words in the line."""
        return fold(self.text)


@dataclass
class CleanText:
    text: str
    warnings: list[str]
    hidden: list[str]
    utf8: bytes | None = None
    """`text` in UTF-8 (it holds no lone surrogate)."""


# `_ODD` in UTF-8 bytes: control characters are single bytes; every other odd character is a
# fixed byte sequence that starts with a lead byte (so a match is always a whole character).
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_ODD_E2 = re.compile(
    rb"\xe2(?:\x80[\x80-\x8f\xaf]|\x81[\x9f-\xa4])"
)  # U+2000-200F, 202F, 205F-2064
_SURROGATE_UTF8 = re.compile(rb"\xed[\xa0-\xbf]")  # as written by "surrogatepass"


def _odd_in(data: bytes) -> bool:
    """Whether the text encoded (UTF-8, surrogatepass) as `data` holds a `_ODD` character.

    A fraction of `_ODD.search` on the text: one-byte searches (a lead byte first) run at
    memory speed, and the regex below starts with a literal byte.
    """
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return True
    if data.isascii():
        return False
    return (
        (b"\xc2" in data and (b"\xc2\xa0" in data or b"\xc2\xad" in data))
        or (b"\xe3" in data and b"\xe3\x80\x80" in data)
        or (b"\xef" in data and (b"\xef\xbb\xbf" in data or b"\xef\xbf\xbd" in data))
        or _ODD_E2.search(data) is not None
        or (b"\xed" in data and _SURROGATE_UTF8.search(data) is not None)
    )


def clean_text(raw: str) -> CleanText:
    """Cap the size, drop control and zero-width characters, normalise spaces and line ends."""
    warnings: list[str] = []
    hidden: list[str] = []
    if len(raw) > MAX_CHARS:
        warnings.append(
            f"the input is {len(raw):,} characters long; only the first {MAX_CHARS:,} were read"
        )
        raw = raw[:MAX_CHARS]
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    # One look for all three kinds of odd character; most postings have none. (NFC below maps
    # no character outside _UNICODE_SPACE into it, so the answer holds after normalising.)
    source = raw
    data = raw.encode("utf-8", "surrogatepass")
    odd = _odd_in(data)
    if odd and _SURROGATE.search(raw):
        raw = _SURROGATE.sub("\ufffd", raw)
    controls = len(_CONTROL.findall(raw)) if odd else 0
    if controls and controls > max(8, len(raw) // 50):
        warnings.append(
            f"the input looks binary or garbled ({controls:,} control characters were removed)"
        )
    if controls:
        raw = _CONTROL.sub("", raw)
    zero_width = _ZERO_WIDTH.findall(raw) if odd else []
    if zero_width:
        warnings.append(
            f"{len(zero_width)} invisible zero-width character(s) were removed; "
            "the text may hide words from a human reader"
        )
        raw = _ZERO_WIDTH.sub("", raw)
    # Substring tests on the UTF-8 bytes (a plain byte search) while the text is still the one
    # they were taken from; removing characters above adds no "\r" or "\t".
    text = raw
    if b"\r" in data:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if b"\t" in data:
        text = text.replace("\t", "    ")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if odd:
        text = _UNICODE_SPACE.sub(" ", text)
    if (b"  " in data) if text is source else ("  " in text):
        text = _RUN.sub(_collapse_run, text)
    if (b" \n" in data) if text is source else (" \n" in text):
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    text = text.strip("\n").rstrip()
    # Encoded once for the steps that read bytes (unchanged: as above); no lone surrogate is
    # left in it.
    return CleanText(text, warnings, hidden, data if text is source else text.encode("utf-8"))


def strip_inline_markdown(text: str) -> str:
    """`**Bold** [link](url)` → `Bold link`; cheap and linear."""
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text:
        text = _MD_INLINE.sub("", text)
    return text.strip()


def split_lines(text: str, utf8: bytes | None = None) -> list[Line]:
    """Turn text into typed lines: bullets, indentation, headings (Markdown or bold).

    Two questions are asked once of the whole text instead of for each line: does it hold any
    Markdown mark (else a line's text is only stripped), and where are its glued-list
    candidates (only lines that hold one may be cut apart). `utf8`: the text's UTF-8 bytes,
    where known.
    """
    result: list[Line] = []
    append = result.append
    marked = "[" in text or "*" in text or "_" in text or "`" in text
    clean = strip_inline_markdown if marked else str.strip
    rows = text.split("\n")
    glued = glue_candidates_by_line(text, rows, utf8) if len(text) >= 80 else {}
    blank = True
    for index, raw in enumerate(rows):
        stripped = raw.lstrip(" ")
        if not stripped:
            blank = True
            continue
        indent = len(raw) - len(stripped)
        first = stripped[0]
        if first == "#":
            heading = _MD_HEADING.match(stripped)
            if heading:
                append(Line(clean(heading.group(2)), indent, None, len(heading.group(1)), blank))
                blank = False
                continue
        elif first == "*" or first == "_":
            bold = _BOLD_LINE.match(stripped)
            if bold and len(bold.group(1).split()) <= 8:
                append(Line(bold.group(1).strip(), indent, None, 3, blank))
                blank = False
                continue
        if len(stripped) < 80 or index not in glued:
            pieces: Sequence[str] = (stripped,)
        else:  # the line's candidates, past its indentation
            pieces = unglue(stripped, [at - indent for at in glued[index]])
        for piece_index, piece in enumerate(pieces):
            match = _BULLET.match(piece) if piece[0] in _BULLET_FIRST else None
            if match and match.group("text"):
                mark = match.group("mark")
                mark = "1." if mark[-1] in ".)" and not mark.startswith("-") else mark
                append(Line(clean(match.group("text")), indent, mark, None, blank))
            elif piece_index > 0 or piece is not stripped:  # cut from a glued line
                append(Line(clean(piece), indent, "~", None, blank))
            else:
                append(Line(clean(piece), indent, None, None, blank))
            blank = False
    return result


_BULLET_FIRST = frozenset("•·◦▪▫●○■□►▶➢➤✓✔✅🔹🔸▸‣⁃➔→◆◇-*–—+o(0123456789abcdefgh")


def looks_truncated(text: str) -> bool:
    """A long text that stops mid-word or mid-sentence, or ends with an ellipsis."""
    tail = text.rstrip()
    if len(tail) < 200:
        return False
    if tail.endswith(("…", "...", "[…]", "(…)")):
        return True
    last_line = tail.rsplit("\n", 1)[-1].strip()
    words = last_line.split()
    if len(last_line) < 80 or len(words) < 10 or re.search(r"@|https?:|www\.", last_line[-60:]):
        return False
    return words[-1].isalpha() and words[-1].islower()


def spans(
    low: str, needles: tuple[str, ...], before: int, after: int, limit: int = 400
) -> list[tuple[int, int]]:
    """Merged windows around each occurrence of `needles` in lower-cased text.

    Regexes then run only inside these windows (`pattern.finditer(text, start, end)`):
    a full-text scan with a many-branch pattern costs a millisecond on a 5 kB posting.
    """
    hits: list[tuple[int, int]] = []
    size = len(low)
    for needle in needles:
        index = low.find(needle)
        while index != -1 and len(hits) < limit:
            hits.append((max(0, index - before), min(size, index + len(needle) + after)))
            index = low.find(needle, index + len(needle))
    return merge_windows(hits)


def merge_windows(hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) windows sorted, overlapping or touching ones joined into one."""
    if not hits:
        return []
    hits.sort()
    merged = [hits[0]]
    for start, end in hits[1:]:
        last_start, last_end = merged[-1]
        if start <= last_end:
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


def find_in_spans(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> list[re.Match[str]]:
    """Matches of `pattern` inside the windows, in order, without repeats."""
    found: list[re.Match[str]] = []
    last_end = -1
    for start, end in windows:
        for match in pattern.finditer(text, max(start, last_end), end):
            found.append(match)
            last_end = match.end()
    return found
