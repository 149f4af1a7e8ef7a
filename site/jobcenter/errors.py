"""Errors every area shares. It imports nothing from any area, so any of them can use it.

A domain's "not found" (a program, an event date, an application, a call...) subclasses NotFound:
the service raises it, the controller lets it pass, and the app answers it once, as the 404 page
(web/errors.py; the kiosk shows its own 404 screen). It is deliberately not a LookupError, so a
KeyError or IndexError from a bug is never mistaken for a missing row and shown as a 404.
"""

from __future__ import annotations


class NotFound(Exception):
    """The thing asked for does not exist, or is not this person's to see."""
