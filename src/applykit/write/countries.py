"""Country names a letter writes for the two-letter code a profile gives."""

from __future__ import annotations

COUNTRY_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "UK": "United Kingdom",
    "CA": "Canada",
    "DE": "Germany",
    "SE": "Sweden",
    "PT": "Portugal",
    "PL": "Poland",
    "NL": "Netherlands",
    "FR": "France",
    "ES": "Spain",
    "IT": "Italy",
    "IE": "Ireland",
    "IN": "India",
    "AU": "Australia",
}
"""The profile's two-letter country code, as a letter writes it ("Seattle, Washington, United
States")."""
