"""Pure Pydantic models: they import nothing else of applykit."""

from applykit.models.application import Application, StatusEvent
from applykit.models.documents import CoverLetter, Critique, GroundingReport, TailoredResume
from applykit.models.fit import FitReport
from applykit.models.posting import Posting, Requirement
from applykit.models.profile import Fact, Profile
from applykit.models.skill import SkillRef

__all__ = [
    "Application",
    "CoverLetter",
    "Critique",
    "Fact",
    "FitReport",
    "GroundingReport",
    "Posting",
    "Profile",
    "Requirement",
    "SkillRef",
    "StatusEvent",
    "TailoredResume",
]
