"""Settings from the environment, created by `get_settings()`, never at import time."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_home() -> Path:
    from platformdirs import user_data_path

    return user_data_path("applykit", appauthor=False)


class Settings(BaseSettings):
    """Every setting can be given as APPLYKIT_<NAME> in the environment."""

    model_config = SettingsConfigDict(env_prefix="APPLYKIT_", extra="ignore")

    home: Path = Field(default_factory=_default_home)
    database_url: str | None = None
    backend: str = "grounded"
    openai_base_url: str = "http://127.0.0.1:11434/v1"
    openai_api_key: str | None = None
    openai_model: str = "llama3.2"
    openai_timeout_s: float = 60.0
    openai_max_retries: int = 2
    llamacpp_model_path: Path | None = None
    grounding_retries: int = 2

    @property
    def resolved_database_url(self) -> str:
        """The configured URL, or a SQLite file inside the home folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'applykit.db'}"

    @property
    def profile_path(self) -> Path:
        """The current master profile, a YAML file the user may edit by hand."""
        return self.home / "profile.yaml"

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


def get_settings() -> Settings:
    """Read settings from the environment now (tests point APPLYKIT_HOME at a temp dir)."""
    return Settings()
