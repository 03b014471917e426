"""The answer bank: questions asked once, answered by the user, reused; never invented.

A question matches a banked one when both normalise to the same key (case, accents' forms,
punctuation and spacing ignored). There is no fuzzy matching: a near miss is reported as
unanswered rather than answered with something the user did not write for it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from applykit.errors import InputError, NotFound
from applykit.models.application import Answer
from applykit.store import tables as t
from applykit.store.rows import clean_text, now

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

MAX_ANSWER_FILE_BYTES = 5_000_000
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def question_key(question: str) -> str:
    """'Will you now, or in the future, require sponsorship?' → 'will you now or in the …'."""
    folded = unicodedata.normalize("NFKC", question).casefold()
    return " ".join(_NON_WORD.sub(" ", folded).split())


def bank(connection: Connection, question: str, answer: str) -> Answer:
    """Insert or replace the banked answer for this question."""
    from sqlalchemy import select

    q = clean_text(question, field="question")
    a = clean_text(answer, field="answer")
    if not q or not question_key(q):
        raise InputError("the question is empty", where="question", fix="give the question text")
    if not a:
        raise InputError(
            f"the answer to {q!r} is empty",
            where="answer",
            fix="give the answer text (the bank never stores or invents an empty answer)",
        )
    key = question_key(q)
    existing = connection.execute(
        select(t.answer_bank.c.id).where(t.answer_bank.c.question_key == key)
    ).first()
    values = {"question": q, "answer": a, "updated_at": now()}
    if existing is None:
        connection.execute(t.answer_bank.insert(), {"question_key": key, **values})
    else:
        connection.execute(
            t.answer_bank.update().where(t.answer_bank.c.id == existing.id).values(**values)
        )
    return Answer(question=q, answer=a, source="bank")


def lookup(connection: Connection, question: str) -> str | None:
    from sqlalchemy import select

    row = connection.execute(
        select(t.answer_bank.c.answer).where(t.answer_bank.c.question_key == question_key(question))
    ).first()
    return None if row is None else str(row.answer)


def all_answers(connection: Connection) -> list[Answer]:
    from sqlalchemy import select

    rows = connection.execute(
        select(t.answer_bank.c.question, t.answer_bank.c.answer).order_by(t.answer_bank.c.id)
    )
    return [Answer(question=r.question, answer=r.answer, source="bank") for r in rows]


def read_answer_file(path: Path) -> list[tuple[str, str]]:
    """(question, answer) pairs from a YAML list of {question, answer} mappings."""
    import yaml

    if not path.is_file():
        raise NotFound(f"no answer file at {path}", where=str(path), fix="check the path")
    if path.stat().st_size > MAX_ANSWER_FILE_BYTES:
        raise InputError(
            "the answer file is larger than 5 MB",
            where=str(path),
            fix="split it into smaller files",
        )
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise InputError(
            "the answer file is not UTF-8 text", where=str(path), fix="save it as UTF-8 YAML"
        ) from error
    except RecursionError as error:
        raise InputError(
            "the answer file is nested too deeply", where=str(path), fix="see examples/answers.yaml"
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        raise InputError(
            f"the answer file is not valid YAML: {getattr(error, 'problem', error)}",
            where=where,
            fix="fix the YAML; see examples/answers.yaml for the shape",
        ) from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(
            "the answer file must be a YAML list of {question, answer} items",
            where=str(path),
            fix="start each item with '- question: …' and give 'answer: …' below it",
        )
    pairs: list[tuple[str, str]] = []
    for index, item in enumerate(data, start=1):
        if isinstance(item, dict) and isinstance(item.get("answer"), bool):
            raise InputError(
                f"item {index}: YAML read the unquoted answer as true/false, not as your words",
                where=f"{path}: item {index}",
                fix='quote the answer, e.g. answer: "Yes"',
            )
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("question"), str)
            or not isinstance(item.get("answer"), str | int | float)
        ):
            raise InputError(
                f"item {index} is not a {{question, answer}} mapping with text values",
                where=f"{path}: item {index}",
                fix="give each item 'question: …' and 'answer: …'",
            )
        extra = set(item) - {"question", "answer"}
        if extra:
            raise InputError(
                f"item {index} has unknown keys: {', '.join(sorted(map(str, extra)))}",
                where=f"{path}: item {index}",
                fix="keep only 'question' and 'answer'",
            )
        pairs.append((item["question"], str(item["answer"])))
    return pairs
