"""The current master profile: one YAML file under APPLYKIT_HOME that the user may edit."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from applykit.config import Settings, get_settings
from applykit.errors import NotFound
from applykit.ingest.profile_export import to_yaml
from applykit.models.profile import Profile


def current_profile_path(settings: Settings | None = None) -> Path:
    return (settings or get_settings()).profile_path


def backup_path(path: Path) -> Path:
    """Where the previous version of a profile file is kept when it is replaced."""
    return path.with_name(path.name + ".bak")


def save_profile(profile: Profile, path: Path | None = None) -> Path:
    """Write the profile as editable YAML (atomically); returns where it went. A different
    file already there (perhaps edited by hand) is kept beside it as `<name>.bak`."""
    target = path or current_profile_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    text = to_yaml(profile)
    if target.exists():
        previous = target.read_text(encoding="utf-8", errors="replace")
        if previous == text:
            return target
        backup_path(target).write_text(previous, encoding="utf-8")
    handle, temporary = tempfile.mkstemp(prefix=".profile-", suffix=".yaml", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def require_current_profile(settings: Settings | None = None) -> Path:
    """The saved profile's path, or a NotFound that says how to create one."""
    path = current_profile_path(settings)
    if not path.exists():
        raise NotFound(
            "no profile has been imported yet",
            where=str(path),
            fix="run `applykit profile import YOUR_RESUME` (PDF, DOCX, Markdown, JSON or YAML)",
        )
    return path
