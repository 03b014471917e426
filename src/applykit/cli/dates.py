"""Date options shared by commands."""

from __future__ import annotations

import datetime as dt

from applykit.errors import UserError


def parse_today(value: str) -> dt.date:
    """`--today YYYY-MM-DD` → a date, or a usage-style user error."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise UserError(
            f"--today must be a date like 2026-11-23, not {value!r}",
            where="--today",
            fix="write the date as YYYY-MM-DD",
        ) from error
