"""The table /readyz writes to: one row whose counter each readiness check moves on."""

from __future__ import annotations

from piccolo.columns import BigInt, Serial
from piccolo.table import Table


class ReadinessProbe(Table):
    """A write that really reaches the disk: SQLite skips writing a row set to what it already
    holds, so a no-op update would pass on a volume that refuses every write."""

    id: Serial  # the primary key Piccolo adds (declared here for type checkers only)

    writes = BigInt(default=0)
