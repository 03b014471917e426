"""The example profile and postings the guard tests read, parsed once per test module.

A test module that defines a fixture of the same name (test_letter.py's `brightwater` is a
posting with its fit report) uses its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from applykit.ingest.postings import parse_posting_file
from applykit.ingest.profiles import load_profile
from applykit.models.posting import Posting
from applykit.models.profile import Profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _posting(name: str) -> Posting:
    return parse_posting_file(EXAMPLES / "postings" / name)


@pytest.fixture(scope="module")
def profile() -> Profile:
    return load_profile(EXAMPLES / "profile.yaml")


@pytest.fixture(scope="module")
def brightwater() -> Posting:
    return _posting("senior-ml-engineer.md")


@pytest.fixture(scope="module")
def kestrel() -> Posting:
    return _posting("contract-mlops-remote.txt")


@pytest.fixture(scope="module")
def kornblume() -> Posting:
    return _posting("data-scientist-berlin.txt")


@pytest.fixture(scope="module")
def meridian() -> Posting:
    return _posting("intern-ml-bigtech.txt")


@pytest.fixture(scope="module")
def maplestone() -> Posting:
    return _posting("junior-swe-plain.txt")


@pytest.fixture(scope="module")
def loomcraft() -> Posting:
    return _posting("record-product-engineer.md")


@pytest.fixture(scope="module")
def quillfield() -> Posting:
    return _posting("applied-scientist-jsonld.html")
