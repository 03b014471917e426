"""Skills: a shipped taxonomy (curated ML/data/software layer + O*NET, ESCO, a gazetteer) and an
extractor that finds skill mentions in postings and profiles.

    from applykit.skills import extract_skills, load_taxonomy
    [m.canonical for m in extract_skills("Python, Java, Scala, or C/C++")]
    # ['Python', 'Java', 'Scala', 'C', 'C++']
    load_taxonomy().ancestors("pytorch")  # ['deep_learning_frameworks', 'machine_learning']
"""

from applykit.skills.extractor import SkillMention, extract_skills
from applykit.skills.taxonomy import CATEGORIES, SkillEntry, Taxonomy, load_taxonomy

__all__ = [
    "CATEGORIES",
    "SkillEntry",
    "SkillMention",
    "Taxonomy",
    "extract_skills",
    "load_taxonomy",
]
