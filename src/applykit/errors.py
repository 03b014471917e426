"""User-facing errors: what went wrong, where, and how to fix it.

Library code raises these; the CLI and the API turn them into a message in one place.
Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake the user can fix: bad input, a missing file, a missing extra."""

    kind = "error"

    def __init__(self, what: str, *, where: str | None = None, fix: str | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.where = where
        self.fix = fix

    def render(self) -> str:
        lines = [f"{self.kind}: {self.what}"]
        if self.where:
            lines.append(f"  where: {self.where}")
        if self.fix:
            lines.append(f"  fix:   {self.fix}")
        return "\n".join(lines)


class InputError(UserError):
    """A file or text the user gave cannot be read or understood."""

    kind = "input error"


class ValidationFailed(UserError):
    """A file parsed but its content breaks the model's rules."""

    kind = "invalid"


class NotFound(UserError):
    """Something the user named does not exist (a file, an application id)."""

    kind = "not found"


class ConfigError(UserError):
    """Settings or environment are wrong (a bad database URL, a missing key)."""

    kind = "configuration error"


class MissingExtra(UserError):
    """An optional part needs an extra that is not installed."""

    kind = "not installed"

    def __init__(self, feature: str, extra: str, *, where: str | None = None) -> None:
        super().__init__(
            f"{feature} needs the optional extra [{extra}], which is not installed",
            where=where,
            fix=f"pip install 'applykit[{extra}]'",
        )


class BackendUnavailable(UserError):
    """A language-model backend cannot be used right now (server down, timeout, no key)."""

    kind = "backend unavailable"
