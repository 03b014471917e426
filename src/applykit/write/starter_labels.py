"""Words that open a line as a topic label, not as names (conventions):

* a one-word sentence at the start of a line, before the text it heads ("People. I manage
  four scientists now", "**Leadership.** I manage a team of 4"): an English word heading its
  paragraph, a soft skill included (a topic, as in a heading), never a tool ("Kubernetes. I ran
  it at Northwind" stays checked);
* a role noun opening a line or a table cell before "of / for / on" ("| Creator of boxwise, an
  open-source library |", as after a bold label): the name after it is still checked.
"""

from __future__ import annotations

import re

from applykit.write.claim_scope import known_skill, soft_skill
from applykit.write.grounding_words import english_vocabulary

_ONE_WORD_SENTENCE = re.compile(r"[ \t]*(?:[*_]+[ \t]*)?\.(?:[*_]+)?[ \t]+(?:[*_]+[ \t]*)?[A-Z]")
_ROLE_OF = re.compile(r"\s+(?:of|for|on|behind)\s+[a-z]")


def topic_label(name: str, start: int, text: str, line_start: bool) -> bool:
    """`name` (one word, at a line or cell start) is a topic label or a role noun: see above."""
    lowered = name.lower()
    if not line_start or " " in name or lowered not in english_vocabulary():
        return False
    tool = known_skill(name) and not soft_skill(name)
    if tool:
        return False
    end = start + len(name)
    if _ONE_WORD_SENTENCE.match(text, end):
        return True
    return not known_skill(name) and bool(_ROLE_OF.match(text, end))
