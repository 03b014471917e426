"""A table whose header gives its first column to the posting ("| Your requirement | My
experience |", "| You might be a fit if you have | My background |"): each first cell is a
requirement the letter restates, often in its own words and several at once ("| Fraud
detection; Kubernetes, Airflow, Spark | Not yet … |"), so a name in it is the posting's when
the posting holds it. The answering cells are still the candidate's claims."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from applykit.write.grounding_words import lemma_set

if TYPE_CHECKING:
    from applykit.write.evidence import Evidence


_ROW = re.compile(r"[ \t]*\|")
_SEPARATOR = re.compile(r"[ \t]*\|[ \t:|-]*-[ \t:|-]*\|?[ \t]*$")
_THEIR_HEADER = re.compile(
    r"\b(?:requirements?|you|your|posting|asks?|asked|looking\s+for|wants?|need|needs|"
    r"qualifications?|criteria|role)\b",
    re.IGNORECASE,
)
_MY_HEADER = re.compile(r"\b(?:[Mm]y|[Mm]e|I|I've)\b")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def requirement_cell(start: int, text: str) -> str | None:
    """The first cell holding `start` when its table's header row names the posting's side in
    its first cell and the candidate's ("my", "I") in its second; else None. The header and
    separator rows themselves are not requirement cells."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not _ROW.match(line) or _SEPARATOR.match(line):
        return None
    first_open = line.index("|")
    first_close = line.find("|", first_open + 1)
    if first_close < 0 or not first_open < start - line_start < first_close:
        return None
    rows = []
    cursor = line_start
    while cursor > 0:
        previous_start = text.rfind("\n", 0, cursor - 1) + 1
        previous = text[previous_start : cursor - 1]
        if not _ROW.match(previous):
            break
        rows.append(previous)
        cursor = previous_start
    if len(rows) < 2 or not _SEPARATOR.match(rows[-2]):
        return None  # the header is the table's first row, with the separator under it
    header = _cells(rows[-1])
    if len(header) < 2 or not _THEIR_HEADER.search(header[0]) or _MY_HEADER.search(header[0]):
        return None
    if not _MY_HEADER.search(header[1]):
        return None
    return line[first_open + 1 : first_close]


def requirement_restated(
    start: int, text: str, evidence: Evidence, figure: str = "", answered: bool = False
) -> bool:
    """The name at `start` stands in a requirement cell (see `requirement_cell`), the cell's
    content words are mostly the posting's (at least two, two thirds of them), the word at
    `start` is a word of the posting, and a figure in it is the posting's, in a posting
    sentence that shares half of the cell's words ("| 3+ years as a Data Scientist or similar
    quantitative role |"; "| 9+ years … |" is not the posting's).

    With `answered`, the rest of the row must name a word of the item at `start` again
    ("| Time-series forecasting and A/B tests | … time-series forecasting would be new to me |":
    the answer's mention is the one checked), or the cell and its answer each open with a
    figure of their own ("| 3+ years as a Data Scientist … | 5 years as Applied Scientist … |")."""
    cell = requirement_cell(start, text)
    if cell is None:
        return False
    if answered and not _answered_in_row(start, text, cell):
        return False
    words = lemma_set(cell)
    posting = lemma_set(evidence.posting_text)
    if len(words) < 2 or len(words & posting) < 2 * len(words) / 3:
        return False
    head = re.match(r"[\w+#./-]+", text[start:])
    if head is None or not (
        lemma_set(head.group(0)) <= posting
        or posting_initials(head.group(0), evidence.posting_text)
    ):
        return False  # "| MSc or PhD in CS, ML … |" ← the posting's "Computer Science"
    if not figure:
        return True
    return any(
        figure in line and len(words & lemma_set(line)) >= len(words) / 2
        for line in evidence.posting_text.splitlines()
    )


_ITEM_END = re.compile(r"[,;/]|\s(?:and|or)\s")
_OPENS_WITH_FIGURE = re.compile(r"[\s*_]*(?:~|about\s+|over\s+|nearly\s+)?\d")


def _answered_in_row(start: int, text: str, cell: str) -> bool:
    line_end = text.find("\n", start)
    rest = text[start : line_end if line_end >= 0 else len(text)]
    answer = rest[rest.find("|") + 1 :] if "|" in rest else ""
    item = _ITEM_END.split(rest[: rest.find("|")] if "|" in rest else rest, maxsplit=1)[0]
    if lemma_set(item) & lemma_set(answer):
        return True  # "| Solid Python on the server | Advanced Python |"
    return bool(_OPENS_WITH_FIGURE.match(cell) and _OPENS_WITH_FIGURE.match(answer))


def posting_initials(word: str, posting: str) -> str | None:
    """A two- or three-letter acronym whose letters start consecutive capitalised words of the
    posting ("CS" ← "Computer Science"): `posting:START-END` of those words, else None. Where
    the posting itself writes a longer acronym on the same letters, there is no short form."""
    if not re.fullmatch(r"[A-Z]{2,3}", word) or not posting:
        return None
    if re.search(rf"\b{word}[A-Z]{{1,3}}\b", posting):
        return None
    pattern = r"(?<![\w-])" + r"[a-z]+\s+".join(word) + r"[a-z]+(?![\w-])"
    found = re.search(pattern, posting)
    return f"posting:{found.start()}-{found.end()}" if found else None


_SUBJECT = re.compile(r"[ \t]*(?:[*_#]+[ \t]*)?(?:subject|re|betreff)\s*:", re.IGNORECASE)
_SUBJECT_PART = re.compile(r"[–—:,;()|*_]|\s-\s")


def subject_names_title(start: int, text: str, evidence: Evidence) -> bool:
    """The name stands in a subject line ("**Subject: Application – Data Scientist (m/w/d),
    Pricing & Demand Forecasting**") in a part of it (between dashes, commas, colons or
    brackets) whose words, two at least, are all words of the posting's title (or its first
    line: "Data Scientist (m/w/d) – Pricing & Demand Forecasting"): the role applied
    for, not a claim. "Subject: Data Scientist – five years of Demand Forecasting" is claimed."""
    heading = next((line for line in evidence.posting_text.splitlines() if line.strip()), "")
    title = lemma_set(f"{evidence.posting_title or ''} {heading}")
    if not title:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not _SUBJECT.match(text, line_start):
        return False
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    offset = start - line_start
    cuts = [0, *(m.end() for m in _SUBJECT_PART.finditer(line)), len(line) + 1]
    begin = max(cut for cut in cuts if cut <= offset)
    end = min((m.start() for m in _SUBJECT_PART.finditer(line, offset)), default=len(line))
    part = lemma_set(line[begin:end])
    return len(part) >= 2 and part <= title
