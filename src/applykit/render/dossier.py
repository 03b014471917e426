"""The dossier a user opens before applying: application record, checklist, fit report.

Pure functions from models to Markdown text; `pipeline.py` writes the files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from applykit.models.application import Answer, Application
from applykit.models.documents import CoverLetter, Critique, TailoredResume
from applykit.models.fit import FitReport, RequirementFit
from applykit.models.posting import Compensation, Posting

STANDARD_QUESTIONS: tuple[str, ...] = (
    "Have you used our product?",
    "How long have you used it?",
    "What impact has it had on you?",
    "Which features do you value most?",
    "How does this role connect to your professional interest?",
    "Are you legally authorized to work in the country of this role?",
    "Will you now or in the future require sponsorship?",
    "What is your notice period?",
)


def format_compensation(pay: Compensation | None) -> str:
    """ "USD 180,000–240,000 per year (raw: …)" or "not stated"."""
    if pay is None:
        return "not stated"
    if pay.min is None and pay.max is None:
        return pay.raw
    low = f"{pay.min:,.0f}" if pay.min is not None else ""
    high = f"{pay.max:,.0f}" if pay.max is not None else ""
    amount = f"{low}–{high}" if low and high and low != high else (low or f"up to {high}")
    period = f" per {pay.period}" if pay.period else ""
    currency = f"{pay.currency} " if pay.currency else ""
    return f"{currency}{amount}{period} (as written: “{pay.raw}”)"


def _section(title: str, body: str | Iterable[str]) -> str:
    text = body if isinstance(body, str) else "\n".join(body)
    return f"## {title}\n\n{text.strip() or '_not stated_'}\n"


def _bullets(items: Iterable[str]) -> str:
    lines = [f"- {item}" for item in items if item]
    return "\n".join(lines) if lines else "_none_"


def application_markdown(
    posting: Posting,
    fit: FitReport,
    resume: TailoredResume,
    letter: CoverLetter,
    application: Application,
    answered: list[Answer],
    unanswered: list[str],
) -> str:
    """The record in the `# Application Details` shape users already keep."""
    locations = "; ".join(loc.raw for loc in posting.locations) or "not stated"
    work_type = ", ".join(
        value.replace("_", " ") for value in (posting.employment_type, posting.work_mode) if value
    )
    applied = application.applied_on.isoformat() if application.applied_on else "not applied yet"
    parts = [
        "# Application Details\n",
        _section("Company", posting.company or "not found in the posting"),
        _section("Position", posting.title or "not found in the posting"),
        _section("Job URL", posting.url or "not stated"),
        _section("Status", f"{application.status} (tracker id {application.id})"),
        _section("Location", locations),
        _section("Work Type", work_type or "not stated"),
        _section("Compensation", format_compensation(posting.compensation)),
        _section(
            "Posting Date", posting.posted_on.isoformat() if posting.posted_on else "not stated"
        ),
        _section("Requisition ID", posting.requisition_id or "not stated"),
        _section("Team", posting.team or "not stated"),
        _section("Job Description", posting.description),
        _section("Application Date", applied),
        _section("Personal Connection", _personal_connection(answered, unanswered)),
        _section("Notes", _notes(fit, resume, letter)),
    ]
    return "\n".join(parts)


def _personal_connection(answered: list[Answer], unanswered: list[str]) -> str:
    lines = ["### Answered from your answer bank", ""]
    lines += [f"- **{a.question}** {a.answer}" for a in answered] or ["_none yet_"]
    lines += ["", "### Still to answer (applykit never invents these)", ""]
    lines += [f"- [ ] {question}" for question in unanswered] or ["_nothing open_"]
    lines += [
        "",
        "Save an answer once and every later dossier reuses it: "
        '`applykit track answers add "QUESTION" "ANSWER"`.',
    ]
    return "\n".join(lines)


def _notes(fit: FitReport, resume: TailoredResume, letter: CoverLetter) -> str:
    lines = [f"Fit: **{fit.score}/100 ({fit.band})**. {fit.summary}", ""]
    lines += ["### Key skills to emphasize", ""]
    lines.append(
        _bullets(
            f"{s.canonical} (the posting mentions it {s.posting_mentions}×; "
            f"your facts: {', '.join(s.fact_ids) or 'skills list'})"
            for s in fit.skills_to_emphasize
        )
    )
    lines += ["", "### Resume customization ideas", ""]
    lines.append(_bullets(change.detail for change in resume.changes[:12]))
    lines += ["", "### Bullets to highlight or modify, by experience", ""]
    for experience in fit.experiences:
        lines.append(f"**{experience.title} — {experience.organization}**")
        lines.append(
            _bullets(
                f"{b.action}: {b.text}"
                + (
                    f" — posting words this fact supports: {', '.join(b.posting_terms)}"
                    if b.posting_terms
                    else ""
                )
                for b in experience.bullets[:4]
            )
        )
        lines.append("")
    lines += ["### Education and projects to emphasize", ""]
    lines.append(_bullets([*fit.education_to_emphasize, *fit.projects_to_emphasize]))
    lines += ["", "### Gaps, honestly", ""]
    lines.append(
        _bullets(
            f"{gap.text}" + (f" — {gap.mitigation}" if gap.mitigation else "") for gap in fit.gaps
        )
    )
    lines += ["", "### Cover-letter points by paragraph", ""]
    lines.append(
        _bullets(
            f"{paragraph.role}: {paragraph.text}"
            for paragraph in letter.paragraphs
            if paragraph.role not in ("salutation", "signoff")
        )
    )
    return "\n".join(lines)


def checklist_markdown(posting: Posting, today: dt.date) -> str:
    """Every step that makes this application complete, each with a box to tick."""
    title = f"{posting.title or 'this role'} at {posting.company or 'this company'}"
    lines = [f"# Application checklist: {title}", ""]
    lines += ["## Steps the posting asks for", ""]
    lines += [f"- [ ] {step}" for step in posting.application_steps] or [
        "_The posting lists no extra steps; check its page for forms after you apply._"
    ]
    if posting.application_questions:
        lines += ["", "## Questions the posting asks you to answer", ""]
        lines += [f"- [ ] {question}" for question in posting.application_questions]
    lines += ["", "## Before you send", ""]
    lines += [
        "- [ ] Read the tailored resume (`resume.pdf`) and be ready to defend every bullet",
        "- [ ] Read and personalise the cover letter (`cover-letter.md`)",
        "- [ ] Answer the open questions in `application.md` → Personal Connection",
        f"- [ ] Mark it applied: `applykit track status ID applied` (prepared {today.isoformat()})",
    ]
    return "\n".join(lines) + "\n"


def fit_report_markdown(fit: FitReport) -> str:
    """Every requirement with its status, evidence and explanation."""
    lines = [
        f"# Fit report: {fit.posting_title or 'posting'} at {fit.company or '?'}",
        "",
        f"**Score {fit.score}/100 — {fit.band}.** {fit.summary}",
        "",
        "## Eligibility (hard requirements, reported separately)",
        "",
    ]
    lines += [
        f"- **{check.name}**: {check.status} — needs {check.required}; found {check.found}. "
        f"{check.explanation}"
        for check in fit.eligibility
    ] or ["_no hard requirements stated_"]
    lines += ["", "## Requirements", ""]
    for requirement in fit.requirements:
        lines.extend(_requirement_lines(requirement, depth=0))
    return "\n".join(lines) + "\n"


def _requirement_lines(requirement: RequirementFit, depth: int) -> list[str]:
    indent = "  " * depth
    mark = {"met": "✅", "partial": "🟡", "gap": "❌"}[requirement.status]
    lines = [
        f"{indent}- {mark} **{requirement.status}** ({requirement.kind}, "
        f"confidence {requirement.confidence:.2f}) {requirement.text}",
        f"{indent}  - why: {requirement.explanation}",
    ]
    lines += [
        f"{indent}  - evidence `{e.fact_id}` ({e.method}: {e.matched}): “{e.quote}”"
        for e in requirement.evidence[:3]
    ]
    for child in requirement.children:
        lines.extend(_requirement_lines(child, depth + 1))
    return lines


def critique_markdown(critique: Critique) -> str:
    lines = [f"# Cover-letter critique: {critique.score}/100", "", critique.summary, ""]
    for check in critique.checks:
        mark = "✅" if check.passed else "❌"
        lines.append(f"- {mark} **{check.name}** ({check.score:.2f})")
        lines += [f"  - evidence: “{quote}”" for quote in check.evidence[:2]]
        if check.suggestion and not check.passed:
            lines.append(f"  - suggestion: {check.suggestion}")
    return "\n".join(lines) + "\n"
