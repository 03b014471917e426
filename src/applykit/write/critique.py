"""Score any cover letter against the structure a hiring manager keeps reading.

Each check carries evidence quoted from the letter and one concrete suggestion. Without a
posting the checks that need it (specificity, company statistics) judge the letter alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from applykit.models.documents import Critique, CritiqueCheck
from applykit.models.posting import Posting
from applykit.write.claims import MAX_TEXT_CHARS, find_quantities
from applykit.write.evidence import company_aliases, posting_text
from applykit.write.names import find_names
from applykit.write.text_units import content_stems, voice_of

__all__ = ["CLICHES", "critique_letter"]

CLICHES = (
    "team player",
    "hard-working",
    "hard working",
    "hardworking",
    "passionate about",
    "above and beyond",
    "outside the box",
    "self-starter",
    "self starter",
    "detail-oriented",
    "detail oriented",
    "attention to detail",
    "fast-paced environment",
    "fast paced environment",
    "excellent communication skills",
    "strong communication skills",
    "i am writing to express",
    "express my interest",
    "valuable asset",
    "perfect fit",
    "ideal candidate",
    "excellent candidate",
    "results-driven",
    "results driven",
    "proven track record",
    "track record of success",
    "wear many hats",
    "make a difference",
    "i thrive",
    "thrive in",
    "go-getter",
    "synergy",
    "dynamic environment",
    "eager to learn",
    "quick learner",
    "work well both independently",
    "to whom it may concern",
    "dear sir or madam",
    "i believe that my skills",
    "grow with you",
    "shares my values",
    "look forward to hearing from you",
    "hit the ground running",
    "think outside",
    "best of breed",
    "highly motivated",
)
_ASK = re.compile(
    r"\b(conversation|discuss|talk|chat|interview|call|meet|meeting|speak|walk you through)\b", re.I
)
_VALUE = re.compile(r"\b(bring|help|contribute|offer|deliver|build|improve|add)\b", re.I)
_OUTCOME = re.compile(
    r"\b(customers?|users?|merchants?|patients?|clients?|revenue|business|outcomes?|trust|"
    r"loss(es)?|growth|conversion|retention|cost|profit|engagement|safety|experience for)\b",
    re.I,
)
_BRIDGE = re.compile(
    r"\b(means?|meant|so that|which (?:means|meant|gave|let)|translat\w*|result(?:ed|ing) in|"
    r"for (?:a|the|your) (?:business|company|team|customers?)|mattered|matters|outcomes?)\b",
    re.I,
)
_ACTION = re.compile(
    r"\b(i|we)\s+(?:also\s+)?(\w+ed|built|led|ran|cut|shipped|grew|made|wrote|drove|won|took|"
    r"brought|set|rebuilt|designed|moved|raised|reduced)\b",
    re.I,
)
_PLACEHOLDER = re.compile(r"\[[^\]\n]{1,40}\]|\{[^}\n]{1,40}\}|<[A-Z][^>\n]{0,40}>")
_GENERIC_COMPANY = re.compile(r"\byour (company|organi[sz]ation|firm|team)\b", re.I)

MIN_SENTENCES = 3
"""Below this a letter is too short for the style checks to mean anything."""

_WEIGHTS = {
    "company named and specific": 15,
    "quantified evidence of your own results": 20,
    "two distinct accomplishments": 15,
    "bridge to outcomes": 10,
    "specific close with an ask": 10,
    "generic sentences": 15,
    "clichés": 10,
    "length": 5,
}


@dataclass
class _Letter:
    text: str
    body: list[str]
    sentences: list[str]
    words: int


def _parse(text: str) -> _Letter:
    text = text[:MAX_TEXT_CHARS].replace("\r\n", "\n")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    body = [
        b
        for b in blocks
        if not re.match(r"^(dear|to whom|hi|hello)\b", b, re.I)
        and not re.match(
            r"^(best|kind|warm)?\s*(regards|wishes)|^sincerely|^yours|^thanks,?$", b, re.I
        )
    ]
    sentences = [
        s.strip()
        for block in body
        for s in re.split(r"(?<=[.!?])\s+", block.replace("\n", " "))
        if len(s.split()) >= 3
    ]
    words = len(re.findall(r"[\w$€£%][\w'’.,%$/+-]*", "\n\n".join(body)))
    return _Letter(text, body, sentences, words)


def _check(name: str, score: float, evidence: list[str], suggestion: str) -> CritiqueCheck:
    score = max(0.0, min(1.0, score))
    return CritiqueCheck(
        name=name,
        passed=score >= 0.6,
        score=round(score, 2),
        evidence=evidence[:4],
        suggestion="" if score >= 0.99 else suggestion,
    )


def _shorten(sentence: str, limit: int = 160) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def critique_letter(text: str, posting: Posting | None = None) -> Critique:
    """Score `text` 0-100 against the rubric; every check says why, with quotes."""
    letter = _parse(text)
    companies = company_aliases(posting.company) if posting and posting.company else []
    posting_stems = content_stems(posting_text(posting)) if posting else set()
    checks = [
        _company_check(letter, companies, posting_stems),
        _quantified_check(letter, companies, posting),
        _accomplishments_check(letter, companies),
        _bridge_check(letter),
        _close_check(letter, companies, posting_stems),
        _generic_check(letter, posting_stems),
        _cliche_check(letter),
        _length_check(letter),
    ]
    score = sum(_WEIGHTS[c.name] * c.score for c in checks)
    placeholders = _PLACEHOLDER.findall(letter.text)
    if placeholders:
        score = min(score, 40)
        checks.append(
            _check(
                "placeholders",
                0.0,
                placeholders[:4],
                "replace every bracketed placeholder with real text",
            )
        )
    strong = [c.name for c in checks if c.passed]
    weak = [c.name for c in checks if not c.passed]
    summary = f"{round(score)}/100. "
    summary += ("Strong: " + ", ".join(strong) + ". ") if strong else ""
    summary += ("Needs work: " + ", ".join(weak) + ".") if weak else "Nothing to fix."
    return Critique(score=round(score), summary=summary.strip(), checks=checks)


def _names_company(sentence: str, companies: list[str]) -> bool:
    return any(re.search(r"\b" + re.escape(c) + r"\b", sentence, re.I) for c in companies)


def _company_check(letter: _Letter, companies: list[str], posting_stems: set[str]) -> CritiqueCheck:
    name = "company named and specific"
    if companies:
        naming = [s for s in letter.sentences if _names_company(s, companies)]
    else:
        naming = [
            s
            for s in letter.sentences
            if find_names(s)
            and not _GENERIC_COMPANY.search(s)
            and re.search(r"\b(at|join|to)\s+[A-Z]", s)
        ]
    generic = [s for s in letter.sentences if _GENERIC_COMPANY.search(s)]
    specific = [
        s
        for s in letter.sentences
        if posting_stems
        and len(content_stems(s) & posting_stems) >= 4
        and re.search(r"\b(you|your|posting|team)\b", s, re.I)
    ]
    score = (0.5 if naming else 0.0) + (0.5 if specific or (naming and not posting_stems) else 0)
    if generic and not naming:
        score = 0.0
    evidence = [_shorten(s) for s in (naming[:2] + specific[:1])] or [
        "no sentence names the company" + (f" (e.g. {_shorten(generic[0], 80)})" if generic else "")
    ]
    return _check(
        name,
        score,
        evidence,
        "name the company and the role in the first "
        "paragraph, and cite one concrete thing from the posting (a team, a product, "
        "a problem they describe) as your reason for applying",
    )


def _own_numbers(
    letter: _Letter, companies: list[str], posting: Posting | None
) -> tuple[list[str], list[str]]:
    posting_values = {q.value for q in find_quantities(posting_text(posting))} if posting else set()
    own: list[str] = []
    company: list[str] = []
    for sentence in letter.sentences:
        quantities = [q for q in find_quantities(sentence) if q.kind != "date"]
        if not quantities:
            continue
        voice = voice_of(sentence, companies)
        from_posting = all(q.value in posting_values for q in quantities)
        if (voice == "candidate" and not (from_posting and posting_values)) or (
            voice == "company"
            and re.search(r"\b(i|my)\b", sentence, re.I)
            and not (from_posting and posting_values)
        ):
            own.append(sentence)
        else:
            company.append(sentence)
    return own, company


def _quantified_check(
    letter: _Letter, companies: list[str], posting: Posting | None
) -> CritiqueCheck:
    own, company = _own_numbers(letter, companies, posting)
    score = 1.0 if len(own) >= 2 else 0.6 if own else 0.0
    evidence = [_shorten(s) for s in own[:3]]
    if company and not own:
        evidence.append("numbers only describe the company: " + _shorten(company[0], 100))
    if not evidence:
        evidence = ["no sentence gives a number for a result of yours"]
    return _check(
        "quantified evidence of your own results",
        score,
        evidence,
        "give a measured result of your own work (a latency, a cost, a lift, a count) "
        "next to the posting's top requirement; the company's own figures do not count",
    )


def _accomplishments_check(letter: _Letter, companies: list[str]) -> CritiqueCheck:
    found: list[tuple[int, str]] = []
    for index, block in enumerate(letter.body):
        for sentence in re.split(r"(?<=[.!?])\s+", block.replace("\n", " ")):
            if _ACTION.search(sentence) and any(
                q.kind != "date" for q in find_quantities(sentence)
            ):
                found.append((index, sentence))
    paragraphs = {index for index, _ in found}
    score = 1.0 if len(paragraphs) >= 2 else 0.5 if found else 0.0
    evidence = [_shorten(s) for _, s in found[:3]] or [
        "no sentence shows something you did with its result"
    ]
    return _check(
        "two distinct accomplishments",
        score,
        evidence,
        "give two different accomplishments in separate paragraphs (different "
        "problems or roles), each with what you did and what it changed",
    )


def _bridge_check(letter: _Letter) -> CritiqueCheck:
    bridges = [s for s in letter.sentences if _OUTCOME.search(s) and _BRIDGE.search(s)]
    score = 1.0 if bridges else 0.0
    evidence = [_shorten(s) for s in bridges[:2]] or [
        "no sentence links the technical work to a business or user outcome"
    ]
    return _check(
        "bridge to outcomes",
        score,
        evidence,
        "add one sentence saying what your technical results meant for customers or "
        "the business, and why that matters to this company",
    )


def _close_check(letter: _Letter, companies: list[str], posting_stems: set[str]) -> CritiqueCheck:
    close = letter.body[-1].replace("\n", " ") if letter.body else ""
    ask = bool(_ASK.search(close))
    value = bool(_VALUE.search(close))
    specific = _names_company(close, companies) or bool(
        re.search(
            r"\byour\s+\w+\s+team\b|"
            r"\bteam'?s\b",
            close,
            re.I,
        )
    )
    specific = specific or len(content_stems(close) & posting_stems) >= 3
    generic_only = bool(re.search(r"look forward to hearing from you", close, re.I)) and not ask
    score = 0.5 * ask + 0.25 * value + 0.25 * specific
    if generic_only:
        score = min(score, 0.25)
    return _check(
        "specific close with an ask",
        score,
        [_shorten(close)] if close else [],
        "end by naming the value you would bring to this team and asking for a "
        "conversation, instead of waiting to hear back",
    )


def _generic_check(letter: _Letter, posting_stems: set[str]) -> CritiqueCheck:
    generic: list[str] = []
    for sentence in letter.sentences:
        has_number = any(q.kind != "date" for q in find_quantities(sentence))
        names = [n for n, _, _ in find_names(sentence)]
        specific_words = (
            len(content_stems(sentence) & posting_stems) >= 3 if posting_stems else False
        )
        if not has_number and not names and not specific_words:
            generic.append(sentence)
    share = len(generic) / max(1, len(letter.sentences))
    score = 1.0 if share <= 0.25 else 0.6 if share <= 0.4 else max(0.0, 1.0 - share)
    if len(letter.sentences) < MIN_SENTENCES:
        score = 0.0
    evidence = [f"{len(generic)} of {len(letter.sentences)} sentences could go to any company"]
    evidence += [_shorten(s, 120) for s in generic[:3]]
    return _check(
        "generic sentences",
        score,
        evidence,
        "rewrite sentences that would fit any employer: tie each one to a fact about "
        "you (a number, a system, a team) or about this posting",
    )


def _cliche_check(letter: _Letter) -> CritiqueCheck:
    lowered = letter.text.lower()
    found = [phrase for phrase in CLICHES if phrase in lowered]
    score = 1.0 if not found else 0.5 if len(found) == 1 else 0.0
    evidence = [f"“{phrase}”" for phrase in found] or ["no stock phrases found"]
    if len(letter.sentences) < MIN_SENTENCES:
        score, evidence = 0.0, ["too few sentences to judge"]
    return _check(
        "clichés",
        score,
        evidence,
        "cut stock phrases; show the quality with an example instead of naming it",
    )


def _length_check(letter: _Letter) -> CritiqueCheck:
    words = letter.words
    if 250 <= words <= 400:
        score = 1.0
    elif 200 <= words < 250 or 400 < words <= 480:
        score = 0.6
    else:
        score = 0.2
    return _check(
        "length",
        score,
        [f"{words} words in the body (aim for 250 to 400)"],
        "keep the letter between 250 and 400 words: one page a reader finishes",
    )
