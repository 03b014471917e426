"""The one place that chains ingest → match → write → render (+ store).

`build_dossier` is what `applykit apply` runs: parse the posting, load the profile, analyse
fit, tailor the resume, write and critique the letter, record the application in the tracker,
and write the dossier folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from applykit.config import Settings, get_settings
from applykit.errors import InputError
from applykit.models.application import Answer, Application
from applykit.models.documents import CoverLetter, Critique, TailoredResume
from applykit.models.fit import FitReport
from applykit.models.posting import Posting

if TYPE_CHECKING:
    from applykit.store.repository import Repository

APPLY_STEPS: tuple[str, ...] = (
    "parse posting",
    "load profile",
    "fit report",
    "tailored resume",
    "cover letter",
    "tracker record",
    "dossier",
)

StepCallback = Callable[[str, float], None]


@dataclass
class DossierResult:
    posting: Posting
    fit: FitReport
    resume: TailoredResume
    letter: CoverLetter
    critique: Critique
    application: Application
    folder: Path
    files: list[Path] = field(default_factory=list)
    step_seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def dossier_folder_name(posting: Posting, today: dt.date) -> str:
    """`2026-11-23-brightwater-payments-senior-machine-learning-engineer` (ASCII, short)."""
    words = f"{posting.company or 'company'} {posting.title or 'role'}".lower()
    slug = re.sub(r"[^a-z0-9]+", "-", words).strip("-")[:70].strip("-")
    return f"{today.isoformat()}-{slug or 'posting'}"


class _StepClock:
    def __init__(self, on_step: StepCallback | None) -> None:
        self.seconds: dict[str, float] = {}
        self._on_step = on_step

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        self.seconds[name] = elapsed
        if self._on_step:
            self._on_step(name, elapsed)


def build_dossier(
    posting_path: Path | str,
    profile_path: Path,
    *,
    out_dir: Path | None = None,
    backend_name: str | None = None,
    answers_path: Path | None = None,
    today: dt.date | None = None,
    settings: Settings | None = None,
    on_step: StepCallback | None = None,
) -> DossierResult:
    """Run every step for one posting and write the dossier folder; return what was made."""
    from applykit.backends.plugins import get_backend
    from applykit.ingest.postings import parse_posting_file
    from applykit.ingest.profiles import load_profile
    from applykit.match.fit import analyze_fit
    from applykit.render.docx import resume_docx
    from applykit.render.dossier import (
        application_markdown,
        checklist_markdown,
        critique_markdown,
        fit_report_markdown,
    )
    from applykit.render.markdown import resume_markdown
    from applykit.render.pdf import resume_pdf
    from applykit.store.repository import open_repository
    from applykit.write.critique import critique_letter
    from applykit.write.letter import write_letter
    from applykit.write.tailor import tailor_resume

    settings = settings or get_settings()
    today = today or dt.date.today()
    clock = _StepClock(on_step)
    backend = get_backend(backend_name, settings)

    with clock.step("parse posting"):
        posting = parse_posting_file(posting_path, today=today)
    with clock.step("load profile"):
        profile = load_profile(profile_path)
    with clock.step("fit report"):
        fit = analyze_fit(profile, posting)
    with clock.step("tailored resume"):
        resume = tailor_resume(profile, posting, fit, pages=1, backend=backend)
        resume_files = {
            "resume.md": resume_markdown(resume).encode("utf-8"),
            "resume.pdf": resume_pdf(resume),
            "resume.docx": resume_docx(resume),
        }
    with clock.step("cover letter"):
        letter = write_letter(profile, posting, fit, backend=backend)
        critique = critique_letter(letter.markdown, posting)
    with clock.step("tracker record"):
        repository = open_repository(settings)
        if answers_path is not None:
            repository.import_answer_file(answers_path)
        application = _record_application(repository, posting)
        answered, unanswered = _answers_for(repository, posting)
        assert application.id is not None
        given = {(a.question, a.answer) for a in application.answers}
        for answer in answered:
            if (answer.question, answer.answer) not in given:
                repository.record_answer(application.id, answer.question, answer.answer, "bank")
        stored = {(d.filename, d.sha256) for d in application.documents}
        for name, content in [*resume_files.items(), ("cover-letter.md", _utf8(letter.markdown))]:
            if (name, hashlib.sha256(content).hexdigest()) not in stored:
                repository.add_document(application.id, name.rsplit(".", 1)[0], name, content)
        application = repository.get_application(application.id)
    with clock.step("dossier"):
        folder = out_dir or Path.cwd() / "dossiers" / dossier_folder_name(posting, today)
        texts = {
            "application.md": application_markdown(
                posting, fit, resume, letter, application, answered, unanswered
            ),
            "checklist.md": checklist_markdown(posting, today),
            "fit-report.md": fit_report_markdown(fit),
            "fit-report.json": fit.model_dump_json(indent=2),
            "cover-letter.md": letter.markdown,
            "cover-letter-critique.md": critique_markdown(critique),
            "posting.json": posting.model_dump_json(indent=2),
        }
        files = _write_folder(folder, {**resume_files, **{k: _utf8(v) for k, v in texts.items()}})
    warnings = [*posting.warnings, *letter.warnings]
    return DossierResult(
        posting, fit, resume, letter, critique, application, folder, files, clock.seconds, warnings
    )


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _write_folder(folder: Path, contents: dict[str, bytes]) -> list[Path]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            f"cannot create the dossier folder: {error.strerror}",
            where=str(folder),
            fix="choose a writable folder with --out",
        ) from error
    written = []
    for name, content in contents.items():
        path = folder / name
        path.write_bytes(content)
        written.append(path)
    return written


def _record_application(repository: Repository, posting: Posting) -> Application:
    """The tracker's record for this posting: found again on a re-run, never duplicated."""
    from applykit.render.dossier import format_compensation

    company = posting.company or "Unknown company"
    position = posting.title or "Unknown position"
    existing = repository.find_application(company, position, posting.url)
    if existing is not None:
        return existing
    return repository.add_application(
        Application(
            company=company,
            position=position,
            job_url=posting.url,
            location="; ".join(loc.raw for loc in posting.locations) or None,
            work_mode=posting.work_mode,
            compensation=(
                format_compensation(posting.compensation) if posting.compensation else None
            ),
            requisition_id=posting.requisition_id,
            team=posting.team,
            posted_on=posting.posted_on,
            job_description=posting.description,
        )
    )


def _answers_for(repository: Repository, posting: Posting) -> tuple[list[Answer], list[str]]:
    """The posting's own questions and the usual ones: answered from the bank, or left open."""
    from applykit.render.dossier import STANDARD_QUESTIONS

    answered: list[Answer] = []
    unanswered: list[str] = []
    seen: set[str] = set()
    for question in [*posting.application_questions, *STANDARD_QUESTIONS]:
        key = question.casefold().strip()
        if key in seen:
            continue
        seen.add(key)
        answer = repository.lookup_answer(question)
        if answer:
            answered.append(Answer(question=question, answer=answer, source="bank"))
        else:
            unanswered.append(question)
    return answered, unanswered
