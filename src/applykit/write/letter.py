"""Write a cover letter that never lies.

The letter is planned from facts (`letter_plan.py`), worded by a backend, and checked by the
grounding guard. A model's draft with an untraced claim is retried a bounded number of times
with the offending claims named; after that the grounded composer's letter is shown instead,
and the letter says so (`fell_back`, a warning naming the claims).
"""

from __future__ import annotations

import re

from applykit.backends.base import Backend, BackendOptions, Prompt
from applykit.backends.grounded import compose_paragraphs, count_words, letter_markdown
from applykit.config import get_settings
from applykit.models.documents import (
    CoverLetter,
    GroundingReport,
    LetterParagraph,
    LetterPlan,
    ParagraphRole,
)
from applykit.models.fit import FitReport
from applykit.models.posting import Posting
from applykit.models.profile import Profile
from applykit.write.grounding import check_grounding, describe_untraced
from applykit.write.letter_plan import plan_letter

__all__ = ["letter_plain_text", "model_prompt", "write_letter"]

PLACEHOLDER_RE = re.compile(r"\[[^\]\n]{0,40}\]|\{[^}\n]{0,40}\}|<[A-Z][^>\n]{0,40}>")
_SIGNOFF_RE = re.compile(
    r"^(best|kind|warm)?\s*(regards|wishes)|^sincerely|^yours|^thank you,?$|^respectfully",
    re.I,
)
MIN_MODEL_WORDS = 120
LETTER_MAX_TOKENS = 700

SYSTEM_PROMPT = """\
You write honest cover letters. Use ONLY the facts listed by the user. Never add a number,
employer, job title, school, degree, skill or product that is not in the facts. Numbers about
the company belong to the company: never present them as the candidate's results.
Write 250 to 350 words in plain paragraphs: an opening naming the company and the role and why
this role; one accomplishment with its number matched to the top requirement; a second,
different accomplishment; a sentence linking the technical work to business or user outcomes;
a close that offers value and asks for a conversation. No placeholders in brackets."""


def write_letter(
    profile: Profile,
    posting: Posting,
    fit: FitReport,
    *,
    backend: Backend | None = None,
    options: BackendOptions | None = None,
) -> CoverLetter:
    """A cover letter for `posting` from `profile`'s facts, checked by the grounding guard.

    `options` go to a model backend (default: up to LETTER_MAX_TOKENS tokens).
    """
    from applykit.backends.plugins import get_backend

    settings = backend.settings if backend is not None else get_settings()
    backend = backend or get_backend(None, settings)
    plan = plan_letter(profile, posting, fit)
    warnings = _plan_warnings(plan)
    grounded = compose_paragraphs(plan)
    if not backend.needs_model:
        generation = backend.generate(Prompt(plan=plan))
        paragraphs = (
            _split(generation.text) if generation.text != letter_markdown(grounded) else grounded
        )
        return _finish(profile, posting, plan, paragraphs, backend.name, 1, False, warnings)
    prompt = model_prompt(plan)
    attempts = 0
    problems = ""
    for _ in range(max(0, settings.grounding_retries) + 1):
        attempts += 1
        generation = backend.generate(
            prompt, options=options or backend.options(max_tokens=LETTER_MAX_TOKENS)
        )
        paragraphs = _with_signoff(_split(generation.text), plan)
        text = letter_markdown(paragraphs)
        report = check_grounding(text, profile, posting)
        problems = _draft_problems(text, report)
        if not problems:
            return _finish(
                profile, posting, plan, paragraphs, backend.name, attempts, False, warnings, report
            )
        prompt = prompt.model_copy(update={"user": _retry_user(model_prompt(plan).user, problems)})
    warnings.append(
        f"the {backend.name} backend's letter was not shown: after {attempts} attempt(s) it "
        f"still had {problems}; this is the grounded letter built from your facts instead"
    )
    return _finish(profile, posting, plan, grounded, backend.name, attempts, True, warnings)


def _plan_warnings(plan: LetterPlan) -> list[str]:
    warnings: list[str] = []
    if not plan.candidate:
        warnings.append(
            "the profile has no name (basics.name): the letter is signed without "
            "one; add your name to the profile"
        )
    if not plan.company:
        warnings.append("the posting names no company: the letter cannot name it")
    if not plan.accomplishments:
        warnings.append(
            "the profile has no facts (work highlights) to cite: the letter has no "
            "accomplishments; add highlights to your profile"
        )
    elif not any(re.search(r"\d", fact.text) for fact in plan.accomplishments):
        warnings.append("none of your facts has a number: add measured results to your profile")
    return warnings


def _draft_problems(text: str, report: GroundingReport) -> str:
    problems: list[str] = []
    if not report.ok:
        problems.append("untraced claims: " + describe_untraced(report))
    placeholders = PLACEHOLDER_RE.findall(text)
    if placeholders:
        problems.append("placeholders " + ", ".join(placeholders[:5]))
    words = count_words(text)
    if words < MIN_MODEL_WORDS:
        problems.append(f"only {words} words")
    return "; ".join(problems)


def model_prompt(plan: LetterPlan) -> Prompt:
    """The chat prompt a model backend gets: only the planned facts and posting lines."""
    lines = [
        f"Candidate: {plan.candidate or '(no name given: do not write one)'}",
        f"Company: {plan.company or '(not named)'}",
        f"Role: {plan.position or '(not named)'}",
    ]
    if plan.why_role:
        lines.append(f"Why this role (from the posting): {plan.why_role}")
    if plan.top_requirement:
        lines.append(f"Top requirement (from the posting): {plan.top_requirement}")
    if plan.outcome:
        lines.append(f"What the company cares about (from the posting): {plan.outcome}")
    lines.append("Candidate's facts (the ONLY claims you may make about the candidate):")
    for fact in [*plan.accomplishments, *plan.extra[:2]]:
        where = " at ".join(part for part in (fact.role, fact.organization) if part)
        lines.append(f"- {fact.text} ({where})")
    if plan.skills:
        lines.append("Candidate's skills: " + ", ".join(plan.skills))
    lines.append("Write the letter body now, starting with 'Dear'.")
    return Prompt(system=SYSTEM_PROMPT, user="\n".join(lines), plan=plan)


def _retry_user(user: str, problems: str) -> str:
    return (
        f"{user}\n\nYour previous draft was rejected because it had {problems}. "
        "Write it again and leave out anything that is not in the facts above."
    )


def _split(text: str) -> list[LetterParagraph]:
    """Paragraphs of a model's letter, with roles guessed from their order."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    paragraphs: list[LetterParagraph] = []
    body_roles: list[ParagraphRole] = ["opening", "accomplishment", "range", "bridge", "close"]
    body = [b for b in blocks if not b.lower().startswith("dear") and not _is_signoff(b)]
    for block in blocks:
        if block.lower().startswith("dear"):
            paragraphs.append(LetterParagraph(role="salutation", text=block))
        elif _is_signoff(block):
            paragraphs.append(LetterParagraph(role="signoff", text=block))
        else:
            index = body.index(block)
            role = body_roles[min(index, len(body_roles) - 1)]
            if index == len(body) - 1 and len(body) > 1:
                role = "close"
            paragraphs.append(LetterParagraph(role=role, text=block))
    return paragraphs


def _is_signoff(block: str) -> bool:
    return bool(_SIGNOFF_RE.match(block.strip().splitlines()[0].strip()))


def _with_signoff(paragraphs: list[LetterParagraph], plan: LetterPlan) -> list[LetterParagraph]:
    """Replace whatever sign-off a model wrote with the candidate's real name and contact."""
    kept = [p for p in paragraphs if p.role != "signoff"]
    signoff = "Best regards,\n" + (plan.candidate or "")
    contact = " · ".join(part for part in (plan.email, plan.phone) if part)
    if contact:
        signoff += "\n" + contact
    return [*kept, LetterParagraph(role="signoff", text=signoff.strip())]


def letter_plain_text(markdown: str) -> str:
    """The letter as plain text: Markdown emphasis and hard line breaks removed."""
    text = markdown.replace("  \n", "\n")
    text = re.sub(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1", r"\2", text)
    return re.sub(r"^#+\s*", "", text, flags=re.M)


def _finish(
    profile: Profile,
    posting: Posting,
    plan: LetterPlan,
    paragraphs: list[LetterParagraph],
    backend_name: str,
    attempts: int,
    fell_back: bool,
    warnings: list[str],
    report: GroundingReport | None = None,
) -> CoverLetter:
    markdown = letter_markdown(paragraphs)
    report = report or check_grounding(markdown, profile, posting)
    if not report.ok:
        paragraphs = [p for p in paragraphs if not _has_untraced(markdown, p, report)]
        warnings.append("left out sentences with untraced claims: " + describe_untraced(report))
        markdown = letter_markdown(paragraphs)
        report = check_grounding(markdown, profile, posting)
    words = count_words(markdown)
    if not 250 <= words <= 400:
        warnings.append(f"the letter has {words} words (aim for 250 to 400)")
    return CoverLetter(
        company=plan.company,
        position=plan.position,
        candidate=plan.candidate,
        paragraphs=paragraphs,
        markdown=markdown,
        text=letter_plain_text(markdown),
        word_count=words,
        backend=backend_name,
        attempts=attempts,
        fell_back=fell_back,
        grounding=report,
        warnings=warnings,
    )


def _has_untraced(markdown: str, paragraph: LetterParagraph, report: GroundingReport) -> bool:
    start = markdown.find(paragraph.text.replace("\n", "  \n"))
    end = start + len(paragraph.text) + paragraph.text.count("\n") * 2
    return start >= 0 and any(start <= c.start < end for c in report.untraced)
