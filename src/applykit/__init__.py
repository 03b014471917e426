"""applykit: an offline-first, honest job-application copilot."""

__version__ = "0.1.0"
