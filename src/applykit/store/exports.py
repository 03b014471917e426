"""Applications → Markdown, CSV, JSON (all three re-importable without loss) and ICS."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Literal

from applykit.models.application import Application
from applykit.store.markdown_records import render_markdown

ExportFormat = Literal["md", "csv", "json", "ics"]
FORMATS: tuple[str, ...] = ("md", "csv", "json", "ics")
JSON_FORMAT_NAME = "applykit.applications"
JSON_VERSION = 1
# Plain columns first, then lists as JSON cells; `id` is informational (import assigns ids).
CSV_SCALARS: tuple[str, ...] = (
    "id",
    "company",
    "position",
    "job_url",
    "status",
    "location",
    "work_mode",
    "compensation",
    "requisition_id",
    "team",
    "posted_on",
    "applied_on",
    "follow_up_on",
    "personal_connection",
    "job_description",
    "created_at",
    "updated_at",
    "revision",
)
CSV_LISTS: tuple[str, ...] = (
    "status_history",
    "interview_dates",
    "notes",
    "contacts",
    "documents",
    "answers",
)


def export_applications(
    apps: list[Application], fmt: str, *, now: dt.datetime | None = None
) -> str:
    if fmt == "md":
        return render_markdown(apps)
    if fmt == "csv":
        return to_csv(apps)
    if fmt == "json":
        return to_json(apps)
    if fmt == "ics":
        return to_ics(apps, now=now)
    raise ValueError(f"unknown export format {fmt!r}")


def to_json(apps: list[Application]) -> str:
    payload = {
        "format": JSON_FORMAT_NAME,
        "version": JSON_VERSION,
        "applications": [app.model_dump(mode="json") for app in apps],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def to_csv(apps: list[Application]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_SCALARS, *CSV_LISTS])
    for app in apps:
        data: dict[str, Any] = app.model_dump(mode="json")
        row = ["" if data[name] is None else str(data[name]) for name in CSV_SCALARS]
        row += [
            json.dumps(data[name], ensure_ascii=False) if data[name] else "" for name in CSV_LISTS
        ]
        writer.writerow(row)
    return out.getvalue()


# ---------------------------------------------------------------------------- ICS


def _ics_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> list[str]:
    """RFC 5545 lines are at most 75 octets; continue with a leading space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def to_ics(apps: list[Application], *, now: dt.datetime | None = None) -> str:
    """Interviews (one hour each) and follow-up days of open applications, as a calendar."""
    stamp = _stamp(now or dt.datetime.now(dt.UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//applykit//tracker//EN",
        "CALSCALE:GREGORIAN",
    ]
    for app in apps:
        title = f"{app.position} at {app.company}"
        url = [f"URL:{''.join(app.job_url.split())}"] if app.job_url else []
        for index, at in enumerate(app.interview_dates):
            lines += [
                "BEGIN:VEVENT",
                f"UID:applykit-{app.id}-interview-{index}-{_stamp(at)}@applykit",
                f"DTSTAMP:{stamp}",
                f"DTSTART:{_stamp(at)}",
                f"DTEND:{_stamp(at + dt.timedelta(hours=1))}",
                f"SUMMARY:{_ics_text('Interview: ' + title)}",
                *url,
                "END:VEVENT",
            ]
        if app.follow_up_on is not None and app.status not in {
            "accepted",
            "rejected",
            "withdrawn",
        }:
            day = app.follow_up_on
            lines += [
                "BEGIN:VEVENT",
                f"UID:applykit-{app.id}-follow-up-{day:%Y%m%d}@applykit",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{_ics_text('Follow up: ' + title)}",
                "DESCRIPTION:"
                + _ics_text(f"Status: {app.status}. applykit application #{app.id}."),
                *url,
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
