"""How a lottery's order follows from public values, and nothing else: anyone can recompute it.

1. When the lottery is set up, the center draws a random secret and publishes its SHA-256 (the
   commitment), with the source of a public value nobody knows yet (a named national lottery draw).
2. When applications close, the list of tickets is frozen and published, one line per ticket:
   its number, a tab, and `P` for the priority group or `-`. The list's SHA-256 is published too.
   Tickets are numbered in the order of the applications' confirmation numbers, which are random.
3. After the public value is known, staff enter it; the seed is
   SHA-256(secret | list digest | public value), and the secret is published.
4. Each ticket's key is SHA-256(seed | number); the priority group comes first, then keys in
   order. Seats go down that order to tickets not withdrawn before the draw; the rest wait, in order.

The center knows the secret but not the public value when the list freezes, and cannot change
the list or the secret after: no one can steer the draw. The time of applying plays no part.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

PRIORITY_MARK = {True: "P", False: "-"}


@dataclass(frozen=True)
class Entry:
    number: int
    priority: bool


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_hex(32)


def commitment(secret: str) -> str:
    return sha256(secret)


def list_text(entries: Iterable[Entry]) -> str:
    """The published list, in ticket order, whose SHA-256 is the list digest."""
    return "".join(f"{entry.number}\t{PRIORITY_MARK[entry.priority]}\n" for entry in sorted(entries, key=lambda e: e.number))


def normalized(public_value: str) -> str:
    """The public value as it enters the seed: spaces collapsed, so "3  11 19" and "3 11 19 " agree."""
    return " ".join(public_value.split())


def seed(secret: str, list_digest: str, public_value: str) -> str:
    return sha256(f"{secret}|{list_digest}|{normalized(public_value)}")


def drawn_order(seed_value: str, entries: Iterable[Entry]) -> list[Entry]:
    """Every ticket, in the drawn order: the priority group first, then by each ticket's key."""
    return sorted(entries, key=lambda entry: (not entry.priority, sha256(f"{seed_value}|{entry.number}")))
