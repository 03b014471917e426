"""The `# Application Details` Markdown shape, both ways.

Writing is lossless: list items put their fields on one line separated by ` | ` with `\\`,
`|` and line breaks escaped, and text blocks escape lines that would read as headings. Reading
also accepts hand-written records (free-text status, plain bullet notes, extra headings
inside the job description).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from applykit.models.application import STATUSES, Application

TITLE = "# Application Details"

# (section heading, model field, kind); kind: text | date | datetime | int | list
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("Company", "company", "text"),
    ("Position", "position", "text"),
    ("Job URL", "job_url", "text"),
    ("Status", "status", "text"),
    ("Status History", "status_history", "list"),
    ("Location", "location", "text"),
    ("Work Type", "work_mode", "text"),
    ("Compensation", "compensation", "text"),
    ("Posting Date", "posted_on", "date"),
    ("Requisition ID", "requisition_id", "text"),
    ("Team", "team", "text"),
    ("Application Date", "applied_on", "date"),
    ("Follow-up Date", "follow_up_on", "date"),
    ("Interview Dates", "interview_dates", "list"),
    ("Personal Connection", "personal_connection", "text"),
    ("Contacts", "contacts", "list"),
    ("Documents", "documents", "list"),
    ("Answers", "answers", "list"),
    ("Notes", "notes", "list"),
    ("Created", "created_at", "datetime"),
    ("Updated", "updated_at", "datetime"),
    ("Revision", "revision", "int"),
    ("Job Description", "job_description", "text"),
)
ALIASES = {
    "title": "position",
    "role": "position",
    "job title": "position",
    "url": "job_url",
    "link": "job_url",
    "work mode": "work_mode",
    "salary": "compensation",
    "pay": "compensation",
    "date posted": "posted_on",
    "posted": "posted_on",
    "req id": "requisition_id",
    "job id": "requisition_id",
    "applied": "applied_on",
    "date applied": "applied_on",
    "follow up": "follow_up_on",
    "follow-up": "follow_up_on",
    "interviews": "interview_dates",
    "description": "job_description",
    "connection": "personal_connection",
    "referral": "personal_connection",
}
KIND = {name: kind for _, name, kind in SECTIONS}
HEADING_TO_FIELD = {heading.lower(): name for heading, name, _ in SECTIONS} | ALIASES

# ---------------------------------------------------------------------------- escaping


def inline(value: str | None) -> str:
    text = value or ""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r")


def split_inline(item: str) -> list[str]:
    """Fields of a ` | `-separated item, unescaped."""
    fields: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(item):
        char = item[i]
        if char == "\\" and i + 1 < len(item):
            nxt = item[i + 1]
            current.append({"n": "\n", "r": "\r"}.get(nxt, nxt))
            i += 2
            continue
        if char == "|":
            text = "".join(current)
            fields.append(text[:-1] if text.endswith(" ") else text)
            current = []
            i += 2 if item[i + 1 : i + 2] == " " else 1
            continue
        current.append(char)
        i += 1
    fields.append("".join(current))
    return fields


def block(text: str) -> str:
    return "\n".join(
        "\\" + line if line.startswith(("#", "\\")) else line for line in text.split("\n")
    )


def unblock(lines: list[str]) -> str:
    return "\n".join(line[1:] if line.startswith("\\") else line for line in lines).strip()


# ---------------------------------------------------------------------------- writing


def _iso(value: dt.datetime | dt.date) -> str:
    return value.isoformat()


def _items(app: Application, name: str) -> list[list[str]]:
    if name == "status_history":
        return [
            [f"{_iso(e.at)} {e.status}", *([e.note] if e.note else [])] for e in app.status_history
        ]
    if name == "interview_dates":
        return [[_iso(at)] for at in app.interview_dates]
    if name == "contacts":
        return [[c.name, c.role or "", c.email or "", c.note] for c in app.contacts]
    if name == "documents":
        return [
            [d.kind, d.filename, d.sha256, str(d.size), _iso(d.added_at)] for d in app.documents
        ]
    if name == "answers":
        return [[a.question, a.answer, a.source] for a in app.answers]
    if name == "notes":
        return [[_iso(n.at), n.text] for n in app.notes]
    raise KeyError(name)


def render_record(app: Application) -> str:
    parts = [TITLE]
    for heading, name, kind in SECTIONS:
        value: Any = getattr(app, name)
        if kind == "list":
            items = _items(app, name)
            if not items:
                continue
            body = "\n".join("- " + " | ".join(inline(x) for x in item) for item in items)
        elif value is None or value == "":
            continue
        elif kind in ("date", "datetime"):
            body = _iso(value)
        else:
            body = block(str(value))
        parts.append(f"## {heading}\n{body}")
    return "\n\n".join(parts) + "\n"


def render_markdown(apps: list[Application]) -> str:
    return "\n".join(render_record(app) for app in apps)


# ---------------------------------------------------------------------------- reading


@dataclass
class RawRecord:
    """One `# Application Details` block: its first line number and its sections."""

    line: int
    sections: dict[str, list[str]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)


def _heading(line: str) -> str | None:
    """The text of a level-2 heading ('## Company ##' → 'Company'); no regex, no backtracking."""
    if not line.startswith("##") or line.startswith("###") or line[2:3] not in (" ", "\t"):
        return None
    return line[3:].strip().rstrip("#").strip() or None


def split_records(text: str) -> tuple[list[RawRecord], list[str]]:
    records: list[RawRecord] = []
    stray: list[str] = []
    current: RawRecord | None = None
    section: str | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw[:-1] if raw.endswith("\r") else raw
        if line.rstrip().lower() == TITLE.lower():
            current = RawRecord(line=number)
            records.append(current)
            section = None
            continue
        if current is None:
            if line.strip():
                stray.append(f"line {number}: text before the first '{TITLE}' was ignored")
            continue
        heading = _heading(line)
        if heading is not None:
            name = HEADING_TO_FIELD.get(heading.rstrip(":").lower())
            if name is not None and name not in current.sections:
                section = name
                current.sections[name] = []
                continue
            if section is None or KIND.get(section) != "text":
                current.unknown.append(heading[:80])
                section = None
                continue
        if section is not None:
            current.sections[section].append(line)
    return records, stray[:1]


STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("not yet applied", "saved"),
    ("interested", "saved"),
    ("saved", "saved"),
    ("wishlist", "saved"),
    ("accepted", "accepted"),
    ("offer", "offer"),
    ("interview", "interviewing"),
    ("screen", "screening"),
    ("phone call", "screening"),
    ("reject", "rejected"),
    ("declined", "rejected"),
    ("withdr", "withdrawn"),
    ("ghost", "ghosted"),
    ("no response", "ghosted"),
    ("applied", "applied"),
    ("submitted", "applied"),
)


def read_status(text: str) -> tuple[str | None, dt.date | None]:
    """('saved', 2026-11-09) from 'Interested – not yet applied (saved 2026-11-09)'."""
    lowered = text.strip().lower()
    found = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", lowered)
    day = _date_or_none(found.group(1)) if found else None
    if lowered in STATUSES:
        return lowered, day
    for word, status in STATUS_WORDS:
        if word in lowered:
            return status, day
    return None, day


def _date_or_none(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class RecordError(ValueError):
    """A record that cannot be imported; the message says why."""


def parse_date(text: str, heading: str) -> dt.date:
    value = _date_or_none(text.strip())
    if value is None:
        raise RecordError(f"{heading} {text.strip()[:60]!r} is not a date (use YYYY-MM-DD)")
    return value


def parse_datetime(text: str, heading: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise RecordError(f"{heading} {text.strip()[:60]!r} is not a date and time") from error
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def list_items(lines: list[str]) -> list[str]:
    """Bullet items; unbulleted lines continue the item above (or start one)."""
    items: list[str] = []
    for line in lines:
        if re.match(r"^\s*[-*+]\s", line):
            items.append(re.sub(r"^\s*[-*+]\s", "", line, count=1))
        elif line.strip():
            if items:
                items[-1] += "\n" + line.strip()
            else:
                items.append(line.strip())
    return items


def record_data(record: RawRecord, now: dt.datetime) -> dict[str, Any]:
    """The model fields of one record, as a dict for validation; RecordError says why not."""
    s = record.sections
    data: dict[str, Any] = {}
    for heading, name, kind in SECTIONS:
        if name not in s or kind == "list":
            continue
        text = unblock(s[name])
        if kind == "text":
            data[name] = text
        elif not text:
            continue
        elif kind == "date":
            data[name] = parse_date(text, heading)
        elif kind == "datetime":
            data[name] = parse_datetime(text, heading)
        else:
            if not text.isdigit():
                raise RecordError(f"{heading} {text[:20]!r} is not a whole number")
            data[name] = int(text)
    for required in ("company", "position"):
        if not data.get(required):
            raise RecordError(f"the record has no '## {required.title()}' section (or it is empty)")
    if "status" in data:
        status, day = read_status(data["status"])
        if status is None:
            raise RecordError(
                f"unknown status {data['status'][:60]!r}; use one of: {', '.join(STATUSES)}"
            )
        data["status"] = status
        if day is not None and "status_history" not in s:
            at = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
            data["status_history"] = [{"status": status, "at": at, "note": ""}]
    items = {name: list_items(s.get(name, [])) for _, name, kind in SECTIONS if kind == "list"}
    if items["status_history"]:
        data["status_history"] = [_history_item(item) for item in items["status_history"]]
    data["interview_dates"] = [
        parse_datetime(split_inline(x)[0], "Interview date") for x in items["interview_dates"]
    ]
    data["contacts"] = [_contact(split_inline(x)) for x in items["contacts"]]
    data["documents"] = [_document(split_inline(x)) for x in items["documents"]]
    data["answers"] = [_answer(split_inline(x)) for x in items["answers"]]
    data["notes"] = [_note(x, now) for x in items["notes"]]
    return data


def _history_item(item: str) -> dict[str, Any]:
    fields = split_inline(item)
    head = fields[0].rsplit(" ", 1)
    if len(head) != 2 or head[1] not in STATUSES:
        raise RecordError(f"status history item {item[:60]!r} is not '<date-time> <status>'")
    return {
        "at": parse_datetime(head[0], "Status history date"),
        "status": head[1],
        "note": " | ".join(fields[1:]),
    }


def _contact(fields: list[str]) -> dict[str, Any]:
    name, role, email, note = [*fields, "", "", ""][:4]
    return {"name": name, "role": role or None, "email": email or None, "note": note}


def _document(fields: list[str]) -> dict[str, Any]:
    if len(fields) != 5:
        raise RecordError("a document item needs: kind | filename | sha256 | size | added at")
    kind, filename, sha, size, added = fields
    if not size.isdigit():
        raise RecordError(f"document size {size[:20]!r} is not a whole number")
    return {
        "kind": kind,
        "filename": filename,
        "sha256": sha,
        "size": int(size),
        "added_at": parse_datetime(added, "Document date"),
    }


def _answer(fields: list[str]) -> dict[str, Any]:
    if len(fields) < 2:
        raise RecordError("an answer item needs: question | answer [| source]")
    source = fields[2] if len(fields) > 2 and fields[2] in ("bank", "user") else "user"
    return {"question": fields[0], "answer": fields[1], "source": source}


def _note(item: str, now: dt.datetime) -> dict[str, Any]:
    fields = split_inline(item)
    if len(fields) == 2:
        try:
            return {"at": parse_datetime(fields[0], "Note date"), "text": fields[1]}
        except RecordError:
            pass
    return {"at": now, "text": item}
