"""The one strict base every applykit model derives from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Unknown fields are errors, defaults are validated, names are kept as written."""

    model_config = ConfigDict(extra="forbid", validate_default=True, populate_by_name=True)
