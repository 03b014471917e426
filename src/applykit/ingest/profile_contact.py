"""The header of a resume: name, label, contact details, links and location → Basics.

E-mail, phone, URLs (GitHub, LinkedIn … become `basics.profiles`) and "City, Region" are
taken out of each header segment; what is left becomes the label, or goes to `unplaced`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from applykit.ingest.profile_dates import find_date_span
from applykit.ingest.profile_entries import LOCATION, URL
from applykit.ingest.profile_sections import Line
from applykit.models.profile import Address, Basics, Profile, ProfileLink

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w])\+?\(?\d[\d\s().-]{6,}\d(?![\w])")
_NETWORKS = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "twitter.com": "Twitter",
    "x.com": "X",
    "stackoverflow.com": "Stack Overflow",
    "kaggle.com": "Kaggle",
    "medium.com": "Medium",
    "scholar.google.com": "Google Scholar",
    "orcid.org": "ORCID",
    "huggingface.co": "Hugging Face",
    "behance.net": "Behance",
    "dribbble.com": "Dribbble",
}


def parse_header_block(lines: list[Line], profile: Profile) -> None:
    basics = profile.basics
    rest = list(lines)
    if rest and _looks_like_name(rest[0]):
        basics.name = rest.pop(0).text
    for line in rest:
        parse_contact_line(line, profile, allow_label=True)


def parse_contact_line(line: Line, profile: Profile, *, allow_label: bool) -> None:
    basics: Basics = profile.basics
    text = line.text
    if len(text.split()) >= 12 and not EMAIL.search(text):
        basics.summary = f"{basics.summary} {text}".strip() if basics.summary else text
        return
    for segment in re.split(r"\s*[|·•]\s*|\s{3,}|\s+[–—]\s+", text):
        segment = segment.strip(" ,;")
        if not segment:
            continue
        segment = _take_contacts(segment, profile)
        if not segment:
            continue
        if basics.location is None and LOCATION.match(segment):
            city, _, region = segment.partition(",")
            basics.location = _address(city.strip(), region.strip())
        elif allow_label and basics.label is None and len(segment.split()) <= 8:
            basics.label = segment
        else:
            profile.unplaced.append(segment)


def add_links(links: list[str], profile: Profile) -> None:
    """Hyperlink targets behind the visible text ("LinkedIn", "Email me"): an e-mail, a
    phone number and network profiles are added when the text did not show them."""
    basics = profile.basics
    for link in links:
        lowered = link.lower()
        if lowered.startswith("mailto:"):
            address = link[7:].split("?", 1)[0]
            if basics.email is None and EMAIL.fullmatch(address):
                basics.email = address
        elif lowered.startswith("tel:"):
            if basics.phone is None and PHONE.fullmatch(link[4:].strip()):
                basics.phone = link[4:].strip()
        elif (
            lowered.startswith("http")
            and (network := _network(link))
            and _url_key(link) not in _known_urls(profile)
        ):
            username = link.rstrip("/").rsplit("/", 1)[-1]
            basics.profiles.append(ProfileLink(network=network, username=username, url=link))


def _network(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    for known, name in _NETWORKS.items():
        if host == known or host.endswith("." + known):
            return name
    return None


def _url_key(url: str) -> str:
    """The same address written with or without scheme, "www." or a final slash."""
    key = re.sub(r"^https?://(?:www\.)?", "", url.strip().lower())
    return key.rstrip("/")


def _known_urls(profile: Profile) -> set[str]:
    urls = [link.url for link in profile.basics.profiles if link.url]
    if profile.basics.url:
        urls.append(profile.basics.url)
    return {_url_key(url) for url in urls}


def _take_contacts(segment: str, profile: Profile) -> str:
    """Move e-mail, URLs and phone numbers into basics; return what is left."""
    basics = profile.basics
    for match in EMAIL.finditer(segment):
        if basics.email is None:
            basics.email = match.group(0)
        elif match.group(0) != basics.email:
            profile.unplaced.append(match.group(0))
    segment = EMAIL.sub("", segment)
    for match in URL.finditer(segment):
        url = match.group(0).rstrip(".,)")
        url = url if url.lower().startswith("http") else f"https://{url}"
        network = _network(url)
        if _url_key(url) in _known_urls(profile):
            continue
        if network:
            username = url.rstrip("/").rsplit("/", 1)[-1]
            profile.basics.profiles.append(ProfileLink(network=network, username=username, url=url))
        elif basics.url is None:
            basics.url = url
        else:
            profile.unplaced.append(url)
    segment = URL.sub("", segment)
    for match in PHONE.finditer(segment):
        digits = re.sub(r"\D", "", match.group(0))
        if 7 <= len(digits) <= 15 and find_date_span(match.group(0)) is None:
            if basics.phone is None:
                basics.phone = match.group(0).strip()
            else:
                profile.unplaced.append(match.group(0).strip())
            segment = segment.replace(match.group(0), "")
    segment = re.sub(
        r"^(?:e-?mail|phone|tel|mobile|web|website|linkedin|github)\s*:?\s*$",
        "",
        segment.strip(),
        flags=re.IGNORECASE,
    )
    return segment.strip(" ,;:()")


def _address(city: str, region: str) -> Address:
    return Address(city=city, region=region or None)


def _looks_like_name(line: Line) -> bool:
    text = line.text
    words = text.split()
    if line.level == 1:
        return True
    return (
        1 <= len(words) <= 5
        and not re.search(r"[\d@/|:]", text)
        and find_date_span(text) is None
        and all(
            word[:1].isupper() or word.lower() in ("de", "van", "von", "da", "di", "la", "le")
            for word in words
        )
    )
