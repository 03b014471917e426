"""Word cues for requirements and company lines, as patterns over `fold`ed (lower-cased) text.

Each pattern here answers the same yes/no question as a case-insensitive original (named in its
comment) asked of the text as written, but runs on `fold(text)` without `re.IGNORECASE`. That
lets every branch start with a plain literal letter: the regex engine then skips ahead to the
next character that can begin a word, and rejects a branch on its first letter, instead of
trying twenty case-insensitive branches at every character (5-10x faster on a 200-character
line). A leading `\\b` before a word's first letter is written after that letter as `(?<!\\w.)`
(the character before it is not a word character, or there is none).

Only `bool(pattern.search(fold(text)))` is promised equal to the original's answer; the match
positions are not used. `tests/ingest/test_posting_cues.py` compares both on random texts.
"""

from __future__ import annotations

import re

# (?i)\bexperience|\byears?\b|\bdegree|\bknowledge|\babilit|\bable to\b|\bskills\b|proficien
# |familiar|\bmust\b|\brequired\b|certif|licen[cs]e|understanding|background in|\bstrong\b
# |\bexcellent\b|\bproven\b|\bfluent|\bdiploma|\bpreferred\b|\bplus\b
REQUIREMENT_CUE = re.compile(
    r"e(?<!\w.)xperience|y(?<!\w.)ears?\b|d(?<!\w.)egree|k(?<!\w.)nowledge|a(?<!\w.)bilit"
    r"|a(?<!\w.)ble to\b|s(?<!\w.)kills\b|proficien|familiar|m(?<!\w.)ust\b|r(?<!\w.)equired\b"
    r"|certif|licen[cs]e|understanding|background in|s(?<!\w.)trong\b|e(?<!\w.)xcellent\b"
    r"|p(?<!\w.)roven\b|f(?<!\w.)luent|d(?<!\w.)iploma|p(?<!\w.)referred\b|p(?<!\w.)lus\b"
)

# (?i)equal (?:employment )?opportunit|affirmative action|all applicants|applicants applying
# |reasonable accommodation|e-verify|drug[- ]free|until filled|all qualified
# |world[’']s (?:first|largest)|privacy (?:notice|policy)|^(?:full|part)[- ]time$
# |\boffers\b.{0,40}\b(?:benefits|incentives|401)
# |easy apply|apply now|\bclick (?:here|our|the|on)\b|follow (?:us|our)|learn more about
# (the anchored branch is `BOILERPLATE_WHOLE`, matched on its own)
BOILERPLATE = re.compile(
    r"equal (?:employment )?opportunit|affirmative action|all applicants|applicants applying"
    r"|reasonable accommodation|e-verify|drug[- ]free|until filled|all qualified"
    r"|world[’']s (?:first|largest)|privacy (?:notice|policy)"
    r"|o(?<!\w.)ffers\b.{0,40}\b(?:benefits|incentives|401)"
    r"|easy apply|apply now|c(?<!\w.)lick (?:here|our|the|on)\b|follow (?:us|our)"
    r"|learn more about"
)
BOILERPLATE_WHOLE = re.compile(r"(?:full|part)[- ]time$")  # use with .match


# (?i)\b(?:we|our|us)\b
COMPANY_VOICE = re.compile(r"w(?<!\w.)e\b|o(?<!\w.)ur\b|u(?<!\w.)s\b")

# (?i)\(preferred\)|\bpreferred\b|\bis a plus\b|\ba plus\b|\bnice to have\b|\bbonus\b
# |\bhelpful but not required\b|\bis helpful\b|\bideally\b|\bdesirable\b
PREFERRED_ITEM = re.compile(
    r"\(preferred\)|p(?<!\w.)referred\b|i(?<!\w.)s (?:a plus|helpful)\b|a(?<!\w.) plus\b"
    r"|n(?<!\w.)ice to have\b|b(?<!\w.)onus\b|h(?<!\w.)elpful but not required\b"
    r"|i(?<!\w.)deally\b|d(?<!\w.)esirable\b"
)

# (?i)\b(?:we(?:'re| are) looking for|you have|you bring|you should have|must have|must be
# |required|requirements?|experience (?:with|in)|knowledge of|degree|proficien
# |familiar(?:ity)? with|ability to|\d\+? years)\b
# (the branch that starts with a digit is `REQUIREMENT_YEARS`, searched on its own)
REQUIREMENT_SENTENCE = re.compile(
    r"w(?<!\w.)e(?:'re| are) looking for\b|y(?<!\w.)ou (?:have|bring|should have)\b"
    r"|m(?<!\w.)ust (?:have|be)\b|r(?<!\w.)equire(?:d|ments?)\b|e(?<!\w.)xperience (?:with|in)\b"
    r"|k(?<!\w.)nowledge of\b|d(?<!\w.)egree\b|p(?<!\w.)roficien\b"
    r"|f(?<!\w.)amiliar(?:ity)? with\b|a(?<!\w.)bility to\b"
)
REQUIREMENT_YEARS = re.compile(r"\d(?<!\w\d)\+? years\b")

# (?i)\bsalary\b|\bbenefits?\b|equal opportunity|to apply|\bwe offer\b
NOT_REQUIREMENT_SENTENCE = re.compile(
    r"s(?<!\w.)alary\b|b(?<!\w.)enefits?\b|equal opportunity|to apply|w(?<!\w.)e offer\b"
)

# (?i)\byou(?:'ll| will)\b|\byour (?:role|job|responsibilities)\b|\bresponsible for\b
RESPONSIBILITY_SENTENCE = re.compile(
    r"y(?<!\w.)ou(?:'ll| will|r (?:role|job|responsibilities))\b|r(?<!\w.)esponsible for\b"
)

# (?i)\bis one of\b|\bfounded\b|\bwe are an?\b|\bis hiring\b
COMPANY_LINE = re.compile(r"i(?<!\w.)s (?:one of|hiring)\b|f(?<!\w.)ounded\b|w(?<!\w.)e are an?\b")

# (?i)\byou(?:r|'ll)?\b|looking for|hiring|seeking|\bjoin\b
ADDRESSES_READER = re.compile(r"y(?<!\w.)ou(?:r|'ll)?\b|looking for|hiring|seeking|j(?<!\w.)oin\b")


def requirement_sentence(low: str) -> bool:
    """The original `_REQUIREMENT_SENTENCE.search(text)`, asked of `low = fold(text)`."""
    return REQUIREMENT_SENTENCE.search(low) is not None or REQUIREMENT_YEARS.search(low) is not None


def boilerplate(low: str) -> bool:
    """The original `_BOILERPLATE.search(text)`, asked of `low = fold(text)`."""
    return BOILERPLATE.search(low) is not None or BOILERPLATE_WHOLE.match(low) is not None
