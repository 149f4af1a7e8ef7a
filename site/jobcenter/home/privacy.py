"""The privacy policy's date (templates/home/_privacy_policy.html holds its text): change both
together, and keep the old text where people can ask for it (PIPA art. 30)."""

from __future__ import annotations

from datetime import date

POLICY_SINCE = date(2026, 12, 1)
"""The day the privacy policy as written applies from."""
