"""Where the job is: "City, ST", "City, Country", "Remote (US)"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from applykit.ingest.posting_automata import occurrences_of_each
from applykit.ingest.posting_keywords import Scan, needles
from applykit.models.posting import Location

# Patterns used inside functions, compiled once (re.match(pattern, …) looks each up per call).
_PLACE_WORDS = re.compile(r"[\s,/]+")


US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "District of Columbia",
}
CA_PROVINCES = {
    "ON": "Ontario",
    "QC": "Quebec",
    "BC": "British Columbia",
    "AB": "Alberta",
    "MB": "Manitoba",
    "SK": "Saskatchewan",
    "NS": "Nova Scotia",
    "NB": "New Brunswick",
    "NL": "Newfoundland",
    "PE": "Prince Edward Island",
}
COUNTRIES = {
    "united states": "United States",
    "usa": "United States",
    "us": "United States",
    "u.s.": "United States",
    "canada": "Canada",
    "united kingdom": "United Kingdom",
    "uk": "United Kingdom",
    "gb": "United Kingdom",
    "england": "United Kingdom",
    "scotland": "United Kingdom",
    "ireland": "Ireland",
    "germany": "Germany",
    "deutschland": "Germany",
    "de": "Germany",
    "france": "France",
    "spain": "Spain",
    "portugal": "Portugal",
    "italy": "Italy",
    "netherlands": "Netherlands",
    "the netherlands": "Netherlands",
    "belgium": "Belgium",
    "switzerland": "Switzerland",
    "austria": "Austria",
    "sweden": "Sweden",
    "norway": "Norway",
    "denmark": "Denmark",
    "finland": "Finland",
    "poland": "Poland",
    "czech republic": "Czech Republic",
    "czechia": "Czechia",
    "india": "India",
    "singapore": "Singapore",
    "japan": "Japan",
    "china": "China",
    "australia": "Australia",
    "new zealand": "New Zealand",
    "brazil": "Brazil",
    "mexico": "Mexico",
    "israel": "Israel",
    "south africa": "South Africa",
    "nigeria": "Nigeria",
    "kenya": "Kenya",
    "uae": "United Arab Emirates",
    "united arab emirates": "United Arab Emirates",
    "estonia": "Estonia",
    "romania": "Romania",
    "greece": "Greece",
    "hungary": "Hungary",
    "ukraine": "Ukraine",
    "argentina": "Argentina",
    "chile": "Chile",
    "colombia": "Colombia",
    "philippines": "Philippines",
    "south korea": "South Korea",
    "korea": "South Korea",
    "taiwan": "Taiwan",
    "hong kong": "Hong Kong",
    "luxembourg": "Luxembourg",
    "remote": "",
}
_REGION_CODES = "|".join([*US_STATES, *CA_PROVINCES])
_COUNTRY_NAMES = "|".join(
    sorted((re.escape(k.title()) for k in COUNTRIES if len(k) > 3), key=len, reverse=True)
)
# A city starts a word and its words are bounded in length, so one long run of letters cannot
# make the search quadratic (every capital would otherwise rescan the whole run).
# "Not after a word character": written as a lookbehind after the first capital (it then spans
# that capital too), so the pattern starts with [A-Z] and the regex engine skips ahead to the
# next capital instead of testing the lookbehind at every character (~4x faster, same matches).
_CITY = r"[A-Z](?<![\w.'’-].)[a-zA-Zà-ÿ.'’-]{1,30}(?: [A-Z][a-zA-Zà-ÿ.'’-]{1,30}){0,3}"
_REGION_NAMES = "|".join(
    sorted(
        (re.escape(n) for n in [*US_STATES.values(), *CA_PROVINCES.values()]), key=len, reverse=True
    )
)
_NAME_TO_CODE = {name: code for code, name in [*US_STATES.items(), *CA_PROVINCES.items()]}
# Without a comma only codes that are never English words ("Go OR Rust" is not Oregon).
_SAFE_CODES = "CA|NY|TX|FL|IL|WA|GA|NJ|NC|VA|AZ|MI|OH|MN|TN|MO|WI|MD|UT|NV|KY|IA|KS|CT|DC"
_PLACE = re.compile(
    rf"({_CITY})(?:, ?(?:({_REGION_CODES})\b(?:,? ?(?:USA|US|United States|Canada)\b)?"
    rf"|({_COUNTRY_NAMES}|USA|UK|U\.S\.)\b|({_REGION_NAMES})\b)| ({_SAFE_CODES})\b)"
)
_NOT_CITY = re.compile(
    r"^(?:Remote|Hybrid|Full|Part|Contract|Salary|Location|Locations|Office|Offices|Based|Work"
    r"|Home|Travel|Headquarters|The|Our|In|At|We|And|Or|Posted|Apply|Similar|Requisition)\b"
)


# Where the part after a city can begin: "," or ", " then a code or name, or " " and a code
# that is never an English word. Every match of _PLACE holds one such anchor right after its
# city, and a city is 2 to 127 characters long (1 + 30 letters, then up to 3 words of 1 + 31).
_AFTER_CITY = tuple(
    sorted(
        {
            sep + name
            for name in [
                *US_STATES,
                *CA_PROVINCES,
                *(k.title() for k in COUNTRIES if len(k) > 3),
                "USA",
                "UK",
                "U.S.",
                *US_STATES.values(),
                *CA_PROVINCES.values(),
            ]
            for sep in (",", ", ")
        }
        | {" " + code for code in _SAFE_CODES.split("|")}
    )
)
# Where `posting_cities._CUE` may match, found on the text as written (lower-casing a 5 kB
# posting and scanning it for a dozen words costs more than the rest of that module): the
# spellings postings use. A cue written otherwise ("LOCATED IN") is missed, never misread.
CUE_ANCHORS = (
    "Location",
    "location",
    "LOCATION",
    "ocated in",
    "ocated at",
    "ased in",
    "ased out of",
    "ffices in",
    "ffice in",
    "hub",
    "eadquartered in",
    "Remote -",
    "Remote –",
    "Remote —",
    "elocate to",
)
# Both kinds of anchor, looked for in one automaton pass over the text (remembered for the next
# look-up of the same text: the body is read for places, then for cues).
PLACE_WORDS = _AFTER_CITY + CUE_ANCHORS
_CITY_MAX, _MATCH_MAX = 127, 160  # longest city; longest match with the character after it


def _places(head: str) -> Iterator[re.Match[str]]:
    """`_PLACE.finditer(head)`, searched only in the reach of an anchor (same matches).

    A match starting at s has an anchor at s + 2 … s + 127, so only those starts are tried; a
    search limited to 160 characters past the last such start sees all a match there reads.
    """
    count = len(_AFTER_CITY)
    anchors = sorted({at for index, at in occurrences_of_each(head, PLACE_WORDS) if index < count})
    position = 0
    size = len(head)
    index = 0
    while index < len(anchors):
        low, high = max(0, anchors[index] - _CITY_MAX), anchors[index] - 2
        index += 1
        while index < len(anchors) and anchors[index] - _CITY_MAX <= high + 1:
            high = anchors[index] - 2
            index += 1
        start = max(low, position)
        while start <= high:
            match = _PLACE.search(head, start, min(size, high + _MATCH_MAX))
            if match is None or match.start() > high:
                break
            yield match
            position = start = match.end()


def find_locations(text: str, *, limit: int = 8) -> list[Location]:
    """Places written as "City, ST" or "City, Country", in order, without repeats."""
    found: list[Location] = []
    seen: set[tuple[str, str | None]] = set()
    head = text[:20000]
    for match in _places(head):
        if match.start() and (head[match.start() - 1].isalnum() or head[match.start() - 1] in "_-"):
            continue  # inside a word ("McDonald"): the scan starts at capitals only, for speed
        city = match.group(1)
        words = city.split()
        while words and _NOT_CITY.match(words[0]):
            words = words[1:]
        if not words:
            continue
        city = " ".join(words)
        region_code = match.group(2) or match.group(5) or _NAME_TO_CODE.get(match.group(4) or "")
        country_raw = match.group(3)
        country: str | None
        if region_code:
            country = "United States" if region_code in US_STATES else "Canada"
            region: str | None = region_code
        else:
            country = COUNTRIES.get((country_raw or "").lower(), country_raw or "") or None
            region = None
        key = (city.lower(), region or country)
        if key in seen:
            continue
        seen.add(key)
        raw = city + match.group(0)[len(match.group(1)) :]
        found.append(Location(raw=raw, city=city, region=region, country=country))
        if len(found) >= limit:
            break
    return found


_REMOTE_PLACE = re.compile(
    r"\bremote(?:[- ]first)?\s*(?:\(([^)\n]{1,40})\)|[-–,]\s*(US|USA|UK|EU|Europe|Canada"
    r"|United States|Germany|worldwide|anywhere)\b)",
    re.IGNORECASE,
)


_REMOTE_WORD = needles("remote")


def remote_location(text: str | Scan) -> Location | None:
    scan = (text if isinstance(text, Scan) else Scan(text)).derive("", 20000)
    head = scan.text
    if not scan.has("remote"):  # no letter of "remote" case-folds oddly (İ, ı, ſ)
        return None
    starts = scan.starts(_REMOTE_WORD)  # every match begins with "remote"
    if starts is None:
        match = _REMOTE_PLACE.search(head)
    else:
        match = next(filter(None, (_REMOTE_PLACE.match(head, at) for at in starts)), None)
    if match is None:
        return None
    where = (match.group(1) or match.group(2) or "").strip()
    country = None
    for word in _PLACE_WORDS.split(where.lower()):
        if COUNTRIES.get(word):
            country = COUNTRIES[word]
            break
    return Location(raw=match.group(0).strip(), country=country)
