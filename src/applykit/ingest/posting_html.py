"""HTML postings: visible text with headings and list nesting kept, JSON-LD, hidden text.

The page's chrome (navigation, cookie banners, footers, "similar jobs") is dropped; hidden
elements are removed and reported, because hidden text is how postings smuggle
instructions to AI tools.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\D|$)|opacity\s*:\s*0(?:\D|$)"
    r"|(?:^|;)\s*(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$)",
    re.IGNORECASE,
)
_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
    "select",
    "input",
    "nav",
    "footer",
    "head",
    "title",
    "meta",
    "link",
}
_CHROME = re.compile(
    r"cookie|consent|banner|share|related|similar|breadcrumb|newsletter|modal", re.IGNORECASE
)
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "aside",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "br",
    "hr",
    "address",
    "details",
    "summary",
}


@dataclass
class HtmlPosting:
    text: str
    jsonld: dict[str, Any] | None = None
    hidden: list[str] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    too_deep: bool = False


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,20})\b[^<>]{0,2000}?(/?)>")
_VOID = {
    "br",
    "img",
    "hr",
    "input",
    "meta",
    "link",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
    "p",
    "li",
    "option",
    "td",
    "tr",
    "th",
    "dt",
    "dd",
}
MAX_DEPTH = 400


def nesting_depth(html: str, limit: int = MAX_DEPTH) -> int:
    """How deep elements nest (stops counting past `limit`); linear in the input."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(3) or match.group(2).lower() in _VOID:
            continue
        depth += -1 if match.group(1) else 1
        depth = max(depth, 0)
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def read_html(html: str) -> HtmlPosting:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    if nesting_depth(html) > MAX_DEPTH:
        # HTML parsers slow down quadratically on absurd nesting: read the tags away instead.
        text = _TAG.sub("\n", html)
        return HtmlPosting(text=text, hidden=[], title=None, url=None, too_deep=True)
    tree = HTMLParser(html)
    jsonld = _job_posting_jsonld(tree)
    url = None
    canonical = tree.css_first("link[rel=canonical]")
    if canonical is not None:
        url = canonical.attributes.get("href")
    page_title = tree.css_first("title")
    hidden: list[str] = []
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    text = _visible_text(root, hidden) if root is not None else ""
    if jsonld and len(text) < 200 and isinstance(jsonld.get("description"), str):
        inner = HTMLParser(jsonld["description"])
        body = inner.body or inner.root
        text = _visible_text(body, hidden) if body is not None else text
    return HtmlPosting(
        text=text,
        jsonld=jsonld,
        hidden=hidden,
        url=url,
        title=page_title.text(strip=True) if page_title is not None else None,
    )


def html_fragment_to_text(html: str) -> str:
    """A JSON-LD `description` (an HTML fragment) as structured text."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    root = tree.body or tree.root
    return _visible_text(root, []) if root is not None else ""


def _is_hidden(node: Any) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style") or ""
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_chrome(node: Any) -> bool:
    attrs = node.attributes
    label = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
    return (
        node.tag in {"aside"}
        or bool(label.strip() and _CHROME.search(label))
        or (attrs.get("role") in {"dialog", "navigation", "banner", "contentinfo"})
    )


def _visible_text(root: Any, hidden: list[str]) -> str:
    """Depth-first walk without recursion (deeply nested pages cannot overflow the stack)."""
    out: list[str] = []
    list_depth = 0
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag in {"ul", "ol"}:
                list_depth -= 1
            if tag in _BLOCK:
                out.append("\n")
            continue
        if tag == "-text":
            out.append(node.text(deep=False) or "")
            continue
        if tag in _DROP_TAGS or tag.startswith("-"):
            continue
        if _is_hidden(node):
            words = " ".join((node.text(separator=" ") or "").split())
            if words:
                hidden.append(words[:300])
            continue
        if node is not root and _is_chrome(node):
            continue
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            out.append("\n" + "\x01" * max(0, list_depth - 1) + "- ")
        elif tag in {"ul", "ol"}:
            list_depth += 1
            out.append("\n")
        elif tag in {"p", "div", "section", "tr", "dt", "dd", "blockquote"}:
            out.append("\n\n" if tag == "p" else "\n")
        elif tag == "br":
            out.append("\n")
        elif tag in {"td", "th"}:
            out.append(" ")
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    text = "".join(out)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.replace("\x01", "  ").strip()


def _job_posting_jsonld(tree: Any) -> dict[str, Any] | None:
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True) or ""
        if len(raw) > 2_000_000:
            continue
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, RecursionError):
            continue
        found = find_job_posting(data)
        if found is not None:
            return found
    return None


def find_job_posting(data: Any, depth: int = 0) -> dict[str, Any] | None:
    """The first schema.org JobPosting in a JSON-LD value (lists and @graph included)."""
    if depth > 6:
        return None
    if isinstance(data, list):
        for entry in data[:50]:
            found = find_job_posting(entry, depth + 1)
            if found is not None:
                return found
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "JobPosting" in kinds:
            return data
        graph = data.get("@graph")
        if graph is not None:
            return find_job_posting(graph, depth + 1)
    return None
