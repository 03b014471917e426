"""Fit a tailored resume to its page budget by cutting the least valuable parts first.

The Typst source carries invisible position marks (see render/templates/*.typ); one layout
query tells where every bullet, entry and section starts, so the fitter can estimate how
many cuts the overflow needs and then confirm with one or two more layouts instead of a
blind search. Every cut becomes a `ResumeChange`; role headers are never cut.
"""

from __future__ import annotations

from applykit.models.documents import ResumeChange, TailoredResume
from applykit.render.resume_text import clean
from applykit.render.typst_compile import Layout, compile_typst, layout_of
from applykit.render.typst_source import resume_typst

OPTIONAL_SECTIONS = ("Languages", "Awards", "Volunteering", "Publications", "Certifications")
"""Sections that may be cut whole, first to last, before relevant bullets."""
LOW_RELEVANCE = 0.3
"""Bullets below this relevance go before any optional section."""

Cut = tuple[int, int, int]
"""(section, entry, bullet) of a bullet to cut, or (section, -1, -1) for a whole section."""


def _bullet_key(resume: TailoredResume, cut: Cut) -> tuple[float, int, int, int]:
    s, e, b = cut
    relevance = resume.sections[s].entries[e].bullets[b].relevance
    return (relevance, -s, -e, -b)  # among equals: later section, older role, later bullet


def cut_order(resume: TailoredResume) -> list[Cut]:
    """What to cut, first to last, when the resume is over its page budget.

    1. bullets below LOW_RELEVANCE, least relevant first;
    2. the optional line sections (languages, awards, publications, certifications);
    3. project bullets, then the Projects section;
    4. the remaining bullets, least relevant first, the top bullet of the two most
       recent roles last. Role headers (title, employer, dates) are never cut.
    """
    bullets = [
        (s, e, b)
        for s, section in enumerate(resume.sections)
        for e, entry in enumerate(section.entries)
        for b in range(len(entry.bullets))
    ]
    bullets.sort(key=lambda cut: _bullet_key(resume, cut))
    low = [
        c
        for c in bullets
        if resume.sections[c[0]].entries[c[1]].bullets[c[2]].relevance < LOW_RELEVANCE
    ]
    rest = [c for c in bullets if c not in low]
    optional = [
        (s, -1, -1)
        for heading in OPTIONAL_SECTIONS
        for s, section in enumerate(resume.sections)
        if section.heading == heading
    ]
    projects = [s for s, section in enumerate(resume.sections) if section.heading == "Projects"]
    project_bullets = [c for c in rest if c[0] in projects]
    protected = [
        c
        for c in rest
        if c[0] not in projects
        and resume.sections[c[0]].heading == "Experience"
        and c[1] < 2
        and c[2] == 0
    ]
    last = [c for c in rest if c not in project_bullets and c not in protected]
    return [*low, *optional, *project_bullets, *[(s, -1, -1) for s in projects], *last, *protected]


def _without(resume: TailoredResume, cuts: list[Cut]) -> TailoredResume:
    drop = set(cuts)
    copy = resume.model_copy(deep=True)
    for s, section in enumerate(copy.sections):
        for e, entry in enumerate(section.entries):
            entry.bullets = [b for i, b in enumerate(entry.bullets) if (s, e, i) not in drop]
    copy.sections = [section for s, section in enumerate(copy.sections) if (s, -1, -1) not in drop]
    return copy


def _record_cuts(original: TailoredResume, fitted: TailoredResume, cuts: list[Cut]) -> None:
    budget = f"{original.page_budget} page{'s' if original.page_budget > 1 else ''}"
    sections_cut = {s for s, e, _ in cuts if e < 0}
    for s, e, b in sorted(cuts):
        section = original.sections[s]
        if e < 0:
            fitted.changes.append(
                ResumeChange(kind="cut", detail=f"section '{section.heading}' cut to fit {budget}")
            )
            continue
        if s in sections_cut:
            continue
        entry = section.entries[e]
        bullet = entry.bullets[b]
        fitted.changes.append(
            ResumeChange(
                kind="cut",
                detail=f"{clean(entry.title)}, {clean(entry.organization)}: cut to fit {budget} "
                f"(relevance {bullet.relevance:.2f})",
                fact_id=bullet.fact_id,
                entry_id=entry.entry_id,
                before=bullet.text,
            )
        )
    for s, e in sorted({(s, e) for s, e, _ in cuts if e >= 0 and s not in sections_cut}):
        entry = original.sections[s].entries[e]
        if all((s, e, b) in cuts for b in range(len(entry.bullets))):
            fitted.changes.append(
                ResumeChange(
                    kind="shrunk",
                    detail=f"{clean(entry.title)}, {clean(entry.organization)}: only the "
                    "title, employer and dates are kept",
                    entry_id=entry.entry_id,
                )
            )


def _heights(layout: Layout) -> dict[str, float]:
    """Each mark's height: the distance to the next mark (sections: to the next section)."""
    ordered = sorted(layout.marks, key=layout.offset)
    heights: dict[str, float] = {}
    for index, mark in enumerate(ordered):
        later = ordered[index + 1 :]
        if mark.startswith("s:"):
            later = [m for m in later if m.startswith("s:") or m == "end"]
        if later:
            heights[mark] = layout.offset(later[0]) - layout.offset(mark)
    return heights


def _saved(cuts: list[Cut], heights: dict[str, float]) -> float:
    sections = {s for s, e, _ in cuts if e < 0}
    total = sum(heights.get(f"s:{s}", 0.0) for s in sections)
    for s, e, b in cuts:
        if e >= 0 and s not in sections:
            total += heights.get(f"b:{s}:{e}:{b}", 0.0)
    return total


def _estimate(order: list[Cut], layout: Layout, budget: int) -> int:
    """The fewest cuts whose measured heights cover the overflow."""
    need = layout.offset("end") - budget * layout.content_height
    heights = _heights(layout)
    for count in range(len(order) + 1):
        if _saved(order[:count], heights) >= need:
            return count
    return len(order)


def fit_to_pages(
    resume: TailoredResume, *, design: str = "classic", paper: str | None = None
) -> tuple[TailoredResume, bytes]:
    """The resume cut to `resume.page_budget` pages in this design, and its PDF.

    Cuts follow `cut_order`. The number of cuts starts from the layout's estimate and is
    confirmed (and corrected, galloping then bisecting) with a few more layouts. If
    everything cuttable is not enough, the resume comes back with a warning.
    """
    budget = max(1, resume.page_budget)

    def source(count: int) -> str:
        return resume_typst(_without(resume, order[:count]), design=design, paper=paper)

    def fits(count: int) -> bool:
        return layout_of(source(count)).pages <= budget

    order: list[Cut] = []
    layout = layout_of(source(0))
    if layout.pages <= budget:
        return resume, compile_typst(source(0))
    order = cut_order(resume)
    guess = _estimate(order, layout, budget)
    if fits(guess):
        high, step = guess, 1
        while high - step >= 0 and fits(high - step):
            high, step = high - step, step * 2
        low = max(high - step, 0)
    else:
        low, step = guess, 1
        while low + step < len(order) and not fits(low + step):
            low, step = low + step, step * 2
        high = min(low + step, len(order))
        if high == len(order) and not fits(high):
            fitted = _without(resume, order)
            _record_cuts(resume, fitted, order)
            pages = layout_of(source(high)).pages
            fitted.warnings.append(
                f"the resume needs {pages} pages even with only role headers; "
                f"the budget was {budget}"
            )
            return fitted, compile_typst(source(high))
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle
    fitted = _without(resume, order[:high])
    _record_cuts(resume, fitted, order[:high])
    return fitted, compile_typst(source(high))
