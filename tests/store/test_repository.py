"""The repository on real databases: applications, history, notes, documents, answers."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from applykit.errors import NotFound, ValidationFailed
from applykit.models.application import Application, Contact
from applykit.store.repository import Repository, open_repository

UTC = dt.UTC


def _app(
    company: str = "Loomcraft", position: str = "Product Engineer", **extra: object
) -> Application:
    return Application.model_validate({"company": company, "position": position, **extra})


def test_add_get_and_initial_status_event(repo: Repository) -> None:
    stored = repo.add_application(_app(job_url="https://jobs.example.io/1", status="saved"))
    assert stored.id is not None
    assert [e.status for e in stored.status_history] == ["saved"]
    again = repo.get_application(stored.id)
    assert again == stored
    assert again.created_at is not None and again.created_at.tzinfo is not None


def test_get_unknown_id_is_not_found_with_a_fix(repo: Repository) -> None:
    with pytest.raises(NotFound) as caught:
        repo.get_application(4242)
    assert "4242" in caught.value.what
    assert caught.value.fix and "track list" in caught.value.fix


def test_status_history_in_order_and_applied_date_set(repo: Repository) -> None:
    app = repo.add_application(_app())
    assert app.id is not None
    t1 = dt.datetime(2026, 11, 10, 9, 30, tzinfo=UTC)
    t2 = dt.datetime(2026, 11, 14, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    repo.set_status(app.id, "applied", note="via careers page", at=t1)
    final = repo.set_status(app.id, "Screening", at=t2)
    assert final.status == "screening"
    assert [(e.status, e.at, e.note) for e in final.status_history[1:]] == [
        ("applied", t1, "via careers page"),
        ("screening", t2, ""),
    ]
    assert final.applied_on == dt.date(2026, 11, 10)
    assert final.revision == 2


def test_unknown_status_is_rejected_and_nothing_changes(repo: Repository) -> None:
    app = repo.add_application(_app())
    assert app.id is not None
    with pytest.raises(ValidationFailed) as caught:
        repo.set_status(app.id, "interview")
    assert "interviewing" in (caught.value.what + (caught.value.fix or ""))
    assert repo.get_application(app.id) == app


def test_list_filters(repo: Repository) -> None:
    a = repo.add_application(_app("Loomcraft", "Engineer", applied_on=dt.date(2026, 10, 1)))
    b = repo.add_application(_app("Northwind Labs", "Scientist", applied_on=dt.date(2026, 11, 5)))
    saved = dt.datetime(2026, 9, 15, 12, 0, tzinfo=UTC)  # saved, never applied: no date
    c = repo.add_application(_app("loomcraft studio", "Designer", created_at=saved))
    assert b.id is not None
    repo.set_status(b.id, "applied")
    ids = lambda apps: [x.id for x in apps]  # noqa: E731
    assert ids(repo.list_applications(company="LOOMCRAFT")) == [a.id, c.id]
    assert ids(repo.list_applications(status="applied")) == [b.id]
    assert ids(repo.list_applications(since=dt.date(2026, 11, 1), until=dt.date(2026, 11, 30))) == [
        b.id
    ]
    assert ids(repo.list_applications(until=dt.date(2026, 10, 31))) == [a.id, c.id]
    assert ids(repo.list_applications(since=dt.date(2026, 9, 15), until=dt.date(2026, 9, 15))) == [
        c.id
    ]
    assert ids(repo.list_applications(company="100%_")) == []
    with pytest.raises(ValidationFailed):
        repo.list_applications(status="nope")


def test_notes_contacts_interviews_and_fields(repo: Repository) -> None:
    app = repo.add_application(_app())
    assert app.id is not None
    repo.add_note(app.id, "  Recruiter replied  ")
    repo.add_contact(app.id, Contact(name="Sam Okonkwo", role="Recruiter", email="sam@example.io"))
    when = dt.datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
    repo.add_interview(app.id, when)
    final = repo.update_fields(app.id, follow_up_on=dt.date(2026, 12, 3), team="Growth")
    assert [n.text for n in final.notes] == ["Recruiter replied"]
    assert final.contacts[0].email == "sam@example.io"
    assert final.interview_dates == [when]
    assert final.follow_up_on == dt.date(2026, 12, 3) and final.team == "Growth"
    assert final.revision == 4
    with pytest.raises(ValidationFailed):
        repo.add_note(app.id, "   ")
    with pytest.raises(ValidationFailed):
        repo.update_fields(app.id, status="offer")
    with pytest.raises(ValidationFailed) as caught:
        repo.update_fields(app.id, follow_up_on="next week")
    assert caught.value.where == "follow_up_on"
    with pytest.raises(NotFound):
        repo.add_note(999, "x")


def test_documents_keep_exact_bytes_and_hash(repo: Repository) -> None:
    app = repo.add_application(_app())
    assert app.id is not None
    content = b"%PDF-1.7\x00\xff binary resume bytes"
    doc = repo.add_document(app.id, "resume", "/home/maya/out/resume.pdf", content)
    assert doc.sha256 == hashlib.sha256(content).hexdigest()
    assert doc.filename == "resume.pdf" and doc.size == len(content)
    assert repo.get_application(app.id).documents == [doc]
    assert repo.document_content(app.id, doc.sha256) == content
    with pytest.raises(NotFound):
        repo.document_content(app.id, "0" * 64)


def test_answers_per_application_replace_same_question(repo: Repository) -> None:
    app = repo.add_application(_app())
    assert app.id is not None
    repo.record_answer(app.id, "What is your notice period?", "Two weeks", "user")
    repo.record_answer(app.id, "what is your notice period?", "Four weeks", "bank")
    answers = repo.get_application(app.id).answers
    assert [(a.answer, a.source) for a in answers] == [("Four weeks", "bank")]
    with pytest.raises(ValidationFailed):
        repo.record_answer(app.id, "Q?", "A", "invented")


def test_answer_bank_normalised_match_never_invents(repo: Repository) -> None:
    repo.bank_answer("Will you now or in the future require sponsorship?", "No.")
    assert repo.lookup_answer("will you now, or in the future, require  SPONSORSHIP") == "No."
    assert repo.lookup_answer("Will you require sponsorship?") is None
    repo.bank_answer("Will you now or in the future require sponsorship?", "No, never.")
    assert [a.answer for a in repo.answer_bank()] == ["No, never."]
    asked = ["Have you used our product?", "WILL YOU NOW OR IN THE FUTURE REQUIRE SPONSORSHIP?"]
    assert repo.unanswered(asked) == ["Have you used our product?"]


def test_find_application_by_url_then_company_and_position(repo: Repository) -> None:
    stored = repo.add_application(_app(job_url="https://jobs.example.io/7"))
    assert repo.find_application("Other", "Other", "https://jobs.example.io/7") == stored
    assert repo.find_application(" loomcraft ", "PRODUCT ENGINEER") == stored
    assert repo.find_application("Loomcraft", "Designer") is None


def test_untrusted_text_is_cleaned_or_refused(repo: Repository) -> None:
    app = repo.add_application(_app("Nul\x00Corp", "Engineer", job_description="a\x00b" * 1000))
    assert app.company == "NulCorp" and "\x00" not in app.job_description
    with pytest.raises(ValidationFailed):
        repo.add_application(_app("X" * 301, "Engineer"))
    with pytest.raises(ValidationFailed):
        repo.add_application(_app("   ", "Engineer"))


def test_followups_and_stats(repo: Repository) -> None:
    day = dt.date(2026, 11, 20)
    due = repo.add_application(_app("A", "One", follow_up_on=day - dt.timedelta(days=2)))
    soon = repo.add_application(_app("B", "Two", follow_up_on=day + dt.timedelta(days=3)))
    closed = repo.add_application(_app("C", "Three", follow_up_on=day))
    assert due.id and soon.id and closed.id
    repo.set_status(closed.id, "withdrawn")
    assert [a.id for a in repo.followups(today=day)] == [due.id]
    assert [a.id for a in repo.followups(today=day, within_days=7)] == [due.id, soon.id]

    start = dt.datetime(2026, 11, 1, tzinfo=UTC)
    repo.set_status(due.id, "applied", at=start)
    repo.set_status(due.id, "screening", at=start + dt.timedelta(days=4))
    repo.set_status(due.id, "interviewing", at=start + dt.timedelta(days=9))
    repo.set_status(soon.id, "applied", at=start)
    repo.set_status(soon.id, "rejected", at=start + dt.timedelta(days=10))
    stats = repo.stats()
    assert stats.total == 3
    assert [(f.status, f.reached) for f in stats.funnel] == [
        ("applied", 2),
        ("screening", 1),
        ("interviewing", 1),
        ("offer", 0),
    ]
    assert stats.responded == 2 and stats.response_rate == 1.0
    assert stats.median_days_to_reply == 7.0


def test_open_repository_defaults_to_sqlite_in_home(applykit_home: object) -> None:
    from pathlib import Path

    with open_repository() as repo:
        repo.add_application(_app())
        assert repo.url.endswith("applykit.db")
    assert (Path(str(applykit_home)) / "applykit.db").is_file()
    with open_repository() as again:
        assert len(again.list_applications()) == 1


def test_database_url_from_the_environment(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPLYKIT_DATABASE_URL", db_url)
    with open_repository() as repo:
        repo.add_application(_app())
    with open_repository(url=db_url) as same:
        assert [a.company for a in same.list_applications()] == ["Loomcraft"]
