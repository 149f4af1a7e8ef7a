"""The center's closure days, and the length of a stored rule."""

from __future__ import annotations

from piccolo.columns import Date, Serial, Varchar
from piccolo.table import Table

RULE_LENGTH = 300
"""Characters of an RRULE a series or a cohort stores."""


class Closure(Table):
    """A day the center is closed beyond the public holidays the `holidays` package knows
    (임시공휴일, 선거일, 휴관일): patterns that leave out holidays leave it out too."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    day = Date(unique=True)
    reason = Varchar(length=100)
