"""The default backend: no model. It words a letter plan with templates and variation.

Every sentence either quotes the posting (in the company's voice, "your posting says …") or
restates one profile fact in the first person, so the text is honest by construction and the
grounding guard can trace every claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from applykit.backends.base import Backend, BackendOptions, Prompt
from applykit.backends.hookspecs import hookimpl
from applykit.errors import UserError
from applykit.models.documents import LetterParagraph, LetterPlan, PlannedFact

MIN_WORDS = 250
MAX_WORDS = 400

_IRREGULAR_PAST = frozenset(
    str.split(
        """
    built rebuilt led ran cut shipped won made wrote grew drove set taught brought began
    sold took held gave kept found spent co-led co-wrote overhauled undertook oversaw
    rewrote rethought
    """
    )
)


class GroundedBackend(Backend):
    name = "grounded"
    description = "no model: words your own facts and the posting with templates (default)"
    needs_model = False

    def stream(
        self, prompt: Prompt, options: BackendOptions, schema: dict[str, object] | None = None
    ) -> Iterator[str]:
        if prompt.plan is not None and schema is None:
            yield letter_markdown(compose_paragraphs(prompt.plan))
            return
        if prompt.fallback is not None:
            yield prompt.fallback
            return
        raise UserError(
            "the 'grounded' backend writes only from a plan of facts; it cannot answer a "
            "free-form prompt",
            where="backend grounded",
            fix="choose a model backend (`applykit backends` lists them) for free-form prompts",
        )


@hookimpl
def register_backends(register: object) -> None:
    register(GroundedBackend)  # type: ignore[operator]


# --- wording --------------------------------------------------------------------------------


def _strip_end(text: str) -> str:
    return text.strip().rstrip(".;: ")


def _lower_first(text: str) -> str:
    words = text.split(maxsplit=1)
    if not words:
        return text
    first = words[0]
    if len(first) > 1 and (
        any(ch.isupper() for ch in first[1:]) or any(c.isdigit() for c in first)
    ):
        return text
    return first[0].lower() + text[1:]


def starts_with_past_verb(text: str) -> bool:
    """Whether a fact reads as an action ("Rebuilt …", "Cut …", "Designed …")."""
    first = re.split(r"[\s,]", text.strip(), maxsplit=1)[0].lower()
    return first in _IRREGULAR_PAST or (len(first) > 3 and first.endswith("ed"))


def first_person(fact: PlannedFact) -> str:
    """One fact as a sentence in the candidate's voice, naming where it happened."""
    body = _strip_end(fact.text)
    if fact.section == "projects":
        where = f"In my project {fact.organization}" if fact.organization else "In a project"
    elif fact.organization and fact.role:
        where = f"As {fact.role} at {fact.organization}"
    elif fact.organization:
        where = f"At {fact.organization}"
    else:
        where = "In my recent work"
    if starts_with_past_verb(body):
        return f"{where}, I {_lower_first(body)}."
    return f"{where}, one result stands out: {_lower_first(body)}."


_RESULT_VERB = re.compile(
    r"\b(cut|cutting|reduced?|reducing|raised?|raising|improved?|improving|lifted|lifting|"
    r"shortened|shortening|increased?|increasing|grew|growing|lowered|lowering|saved|saving|"
    r"delivered|delivering|scaled|scaling|boosted|boosting|doubled|halved)\b",
    re.I,
)
_NUMBER_END = re.compile(r"\d[\d,.]*\+?(?:%|[\s-]?[A-Za-z]+)?")
_ING_PAST = {
    "cutting": "cut",
    "growing": "grew",
    "building": "built",
    "holding": "held",
    "running": "ran",
    "setting": "set",
    "making": "made",
    "winning": "won",
}


def _past(verb: str) -> str:
    lowered = verb.lower()
    if lowered in _ING_PAST:
        return _ING_PAST[lowered]
    if lowered.endswith("ing") and len(lowered) > 5:
        return lowered[:-3] + "ed"
    return lowered


def _result_clause(fact: PlannedFact) -> str | None:
    """The result a fact states, as a past-tense phrase ("cut chargeback losses by $2M")."""
    body = _strip_end(fact.text)
    verb = None
    for match in _RESULT_VERB.finditer(body):
        if re.search(r"\d", body[match.end() :]):
            verb = match
            break
    if verb is None:
        return None
    numbers = list(_NUMBER_END.finditer(body, verb.end()))
    end = numbers[-1].end() if numbers else len(body)
    rest = re.split(r"[,;.]", body[end:], maxsplit=1)[0]
    if len(rest.split()) <= 4 or (rest.lstrip().startswith("of ") and len(rest.split()) <= 8):
        end += len(rest)  # "saved about 6 hours [of analyst work every week]": what it counts
    clause = body[verb.end() : end]
    clause = re.split(r"\s(?:by moving|while|with)\s", clause)[0] if len(clause) > 90 else clause
    if not re.search(r"\d", clause):
        return None
    return _past(verb.group(0)) + clause


def _quote(text: str) -> str:
    return "“" + _lower_first(_strip_end(text)) + "”"


def _pick(options: list[str], variant: int) -> str:
    return options[variant % len(options)]


def compose_paragraphs(plan: LetterPlan) -> list[LetterParagraph]:
    """Word a plan as the paragraphs of a letter, each tagged with its role and facts."""
    company = (plan.company or "your company").rstrip(".")
    role = f"the {plan.position} role" if plan.position else "a role"
    paragraphs: list[LetterParagraph] = []
    greeting = plan.team or plan.company
    paragraphs.append(
        LetterParagraph(
            role="salutation",
            text=f"Dear {greeting} hiring team," if greeting else "Dear hiring manager,",
        )
    )
    opening = _pick(
        [
            f"I am applying for {role} at {company}.",
            f"I would like to be considered for {role} at {company}.",
        ],
        plan.variant,
    )
    if plan.why_role:
        opening += " " + _pick(
            [
                f"Your posting says the role will {_quote(plan.why_role)}, and that is the work "
                "I want to keep doing.",
                f"What draws me to it is concrete: your posting says the team will "
                f"{_quote(plan.why_role)}, which is the kind of problem I choose to work on.",
            ],
            plan.variant,
        )
    if plan.skills:
        opening += " " + f"My strongest tools for it are {_series(plan.skills[:3])}."
    paragraphs.append(LetterParagraph(role="opening", text=opening))
    facts = plan.accomplishments[:2]
    if facts:
        lead = (
            f"Your posting asks for {_quote(plan.top_requirement)}. "
            if plan.top_requirement
            else ""
        )
        paragraphs.append(
            LetterParagraph(
                role="accomplishment",
                text=lead + first_person(facts[0]),
                fact_ids=[facts[0].fact_id],
            )
        )
    if len(facts) > 1:
        lead = _pick(
            ["My work also reaches beyond that.", "Here is a second, different example."],
            plan.variant,
        )
        paragraphs.append(
            LetterParagraph(
                role="range", text=f"{lead} {first_person(facts[1])}", fact_ids=[facts[1].fact_id]
            )
        )
    paragraphs.append(_bridge(plan, company))
    close = _close(plan, company)
    paragraphs.append(close)
    signoff = "Best regards,\n" + (plan.candidate or "")
    contact = " · ".join(part for part in (plan.email, plan.phone) if part)
    if contact:
        signoff += "\n" + contact
    paragraphs.append(LetterParagraph(role="signoff", text=signoff.strip()))
    _fit_length(paragraphs, plan)
    return paragraphs


def _series(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _bridge(plan: LetterPlan, company: str) -> LetterParagraph:
    results = [clause for fact in plan.accomplishments[:2] if (clause := _result_clause(fact))]
    text = ""
    if results:
        text = _pick(
            [
                "I measure that kind of work by what it changed for the business and its users, "
                "not by the model alone.",
                "Behind each of these is an outcome the business could see, not just a better "
                "model.",
            ],
            plan.variant,
        )
    if len(results) == 2:
        text += f" In the first case I {results[0]}; in the second I {results[1]}."
    elif results:
        text += f" In that case I {results[0]}."
    if plan.outcome:
        text += f" Your posting puts it as {_quote(plan.outcome)}, and that is how I would "
        text += f"judge my own work at {company}."
    if not text:
        text = (
            f"I judge technical work by what it changes for the people who use it, and "
            f"that is how I would judge my own work at {company}."
        )
    fact_ids = [fact.fact_id for fact in plan.accomplishments[:2]]
    return LetterParagraph(role="bridge", text=text.strip(), fact_ids=fact_ids)


def _close(plan: LetterPlan, company: str) -> LetterParagraph:
    offer = (
        f"I would bring hands-on experience in {_series(plan.skills[:3])} to {company}"
        if plan.skills
        else f"I would bring the same care for measurable results to {company}"
    )
    ask = _pick(
        [
            "Could we set up a conversation about how I could help your team? "
            "I would welcome the chance to discuss it.",
            "I would welcome a conversation about where I could help most, and I am happy to "
            "walk through any of this work in detail.",
        ],
        plan.variant,
    )
    return LetterParagraph(role="close", text=f"{offer}. {ask}")


def _fit_length(paragraphs: list[LetterParagraph], plan: LetterPlan) -> None:
    """Add further facts while short of MIN_WORDS; drop them again past MAX_WORDS."""
    insert_at = next(
        (i for i, p in enumerate(paragraphs) if p.role == "bridge"), len(paragraphs) - 2
    )
    for fact in plan.extra:
        if count_words(letter_markdown(paragraphs)) >= MIN_WORDS:
            break
        candidate = LetterParagraph(role="range", text=first_person(fact), fact_ids=[fact.fact_id])
        paragraphs.insert(insert_at, candidate)
        if count_words(letter_markdown(paragraphs)) > MAX_WORDS:
            paragraphs.remove(candidate)
            break
        insert_at += 1


def count_words(text: str) -> int:
    return len(re.findall(r"[\w$€£%][\w'’.,%$/+-]*", text))


def letter_markdown(paragraphs: list[LetterParagraph]) -> str:
    return (
        "\n\n".join(
            p.text.replace("\n", "  \n") if p.role == "signoff" else p.text for p in paragraphs
        )
        + "\n"
    )
