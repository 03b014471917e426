"""Lower-casing for word tests: `fold`, `lower`, `lowered`, `has_any` (cheap, same answers)."""

from __future__ import annotations

# The only characters that a case-insensitive pattern matches to an ASCII letter while
# `str.lower()` maps them elsewhere (İ → "i̇", ı, ſ); `fold` maps them first.
_FOLD_TRAPS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold(text: str) -> str:
    """Lower-cased text, same length and offsets, for `needle in fold(text)` prefilters.

    Any lower-case literal that an `re.IGNORECASE` pattern matches in `text` is a substring
    of `fold(text)`, so "no needle present" proves "no match" before the regex runs.
    """
    if text.isascii():
        return text.lower()
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_FOLD_TRAPS)  # translate is slow: only when needed
    return lower(text)


def folded_ascii(text: str) -> bytes | None:
    """`fold(text)` one byte per character, every non-ASCII character as `?`: for ASCII
    words (without `?`), found at the same offsets as in `fold(text)`. None when `text` holds
    a character that `fold` turns into ASCII (İ, ı, ſ, the Kelvin sign).

    Every other non-ASCII character lower-cases to non-ASCII characters, and to one alone.
    """
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text or "\u212a" in text):
        return None
    return text.encode("ascii", "replace").lower()


_ASCII_BYTES = bytes(range(128))
_LOWER_VIA_BYTES = 64  # below this many characters the extra steps cost more than they save


def lower(text: str) -> str:
    """`text.lower()`, cheaper for long text whose non-ASCII characters have no lower case.

    `str.lower` costs ~60 instructions a character once any character is non-ASCII (a curly
    quote or a bullet is enough); when every non-ASCII character is its own lower case,
    lower-casing the ASCII letters of the UTF-8 bytes gives the same string for a fraction.
    """
    if text.isascii() or len(text) < _LOWER_VIA_BYTES:
        return text.lower()
    data = text.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    for char in set(others):
        if char.lower() != char:
            return text.lower()
    return data.lower().decode("utf-8", "surrogatepass")


_LOWERED: dict[str, str] = {}
_LOWERED_SIZE = 8  # one posting lowers about six different texts
_LOWERED_MAX_CHARS = 50_000  # bounds the memory held: at most ~3 MB


def lowered(text: str) -> str:
    """`text.lower()`, remembered for the last few non-ASCII texts.

    Several extractors lower the same posting body; for text with any non-ASCII character
    (curly quotes, bullets) `str.lower` costs ~5 ns a character, ~30 µs for a posting.
    """
    if text.isascii() or len(text) > _LOWERED_MAX_CHARS:
        return text.lower()  # ASCII: ~0.3 ns a character, not worth a lookup
    low = _LOWERED.get(text)
    if low is None:
        low = lower(text)
        if len(_LOWERED) >= _LOWERED_SIZE:
            _LOWERED.clear()
        _LOWERED[text] = low
    return low


def has_any(low: str, needles: tuple[str, ...]) -> bool:
    """True when one of `needles` occurs in `low` (a `fold`ed text)."""
    return any(map(low.__contains__, needles))  # no generator frame: cheaper per call
