"""The clock every rule about time reads, so tests can set it to the second."""

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, in UTC (times are stored in UTC and shown in the center's zone)."""
    return datetime.now(UTC)
