"""Pure reports over applications: the funnel, the response rate, follow-ups due."""

from __future__ import annotations

import datetime as dt
import statistics

from applykit.models.application import STATUSES, Application, FunnelStage, TrackerStats

FUNNEL: tuple[str, ...] = ("applied", "screening", "interviewing", "offer")
# A reply from the company: anything after "applied" except the user's own moves.
REPLIES = frozenset({"screening", "interviewing", "offer", "accepted", "rejected"})
CLOSED = frozenset({"accepted", "rejected", "withdrawn", "ghosted"})
_RANK = {status: index for index, status in enumerate(FUNNEL)}


def reached(app: Application) -> set[str]:
    """Funnel stages an application reached; a later stage implies the earlier ones."""
    seen = {event.status for event in app.status_history} | {app.status}
    if app.applied_on is not None:
        seen.add("applied")
    if "accepted" in seen:
        seen.add("offer")
    top = max((_RANK[s] for s in seen if s in _RANK), default=-1)
    if seen & REPLIES and top < 0:
        top = 0
    return {stage for stage in FUNNEL if _RANK[stage] <= top}


def days_to_reply(app: Application) -> float | None:
    """Days from applying to the company's first reply, when both are known."""
    history = sorted(app.status_history, key=lambda e: e.at)
    applied_at: dt.datetime | None = None
    for event in history:
        if event.status == "applied" and applied_at is None:
            applied_at = event.at
        elif event.status in REPLIES and applied_at is not None:
            return max(0.0, (event.at - applied_at).total_seconds() / 86_400)
    if applied_at is None and app.applied_on is not None:
        start = dt.datetime.combine(app.applied_on, dt.time(), tzinfo=dt.UTC)
        replies = [e.at for e in history if e.status in REPLIES and e.at >= start]
        if replies:
            return (min(replies) - start).total_seconds() / 86_400
    return None


def compute_stats(apps: list[Application]) -> TrackerStats:
    by_status = {status: 0 for status in STATUSES}
    for app in apps:
        by_status[app.status] += 1
    stage_sets = [reached(app) for app in apps]
    counts = {stage: sum(stage in s for s in stage_sets) for stage in FUNNEL}
    applied = counts["applied"]
    responded = sum(
        1
        for app, stages in zip(apps, stage_sets, strict=True)
        if "applied" in stages and ({e.status for e in app.status_history} | {app.status}) & REPLIES
    )
    delays = [d for d in (days_to_reply(app) for app in apps) if d is not None]
    return TrackerStats(
        total=len(apps),
        by_status=by_status,
        funnel=[
            FunnelStage(
                status=stage,
                reached=counts[stage],
                share_of_applied=(counts[stage] / applied) if applied else None,
            )
            for stage in FUNNEL
        ],
        applied=applied,
        responded=responded,
        response_rate=(responded / applied) if applied else None,
        median_days_to_reply=round(statistics.median(delays), 2) if delays else None,
    )


def due_followups(
    apps: list[Application], today: dt.date, within_days: int = 0
) -> list[Application]:
    """Open applications with a follow-up date on or before today + within_days, soonest first."""
    horizon = today + dt.timedelta(days=within_days)
    due = [
        app
        for app in apps
        if app.follow_up_on is not None and app.follow_up_on <= horizon and app.status not in CLOSED
    ]
    return sorted(due, key=lambda app: (app.follow_up_on or today, app.id or 0))
