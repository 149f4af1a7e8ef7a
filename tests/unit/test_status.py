"""Status derived from the clock, at the edges of the application window and of the cohort."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from jobcenter.catalog.status import Status, cohort_status, program_status

OPENS = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
CLOSES = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)  # 18:00 in Seoul
SECOND = timedelta(seconds=1)


def _status_at(now: datetime) -> Status:
    return cohort_status(
        opens_at=OPENS,
        closes_at=CLOSES,
        ends_on=date(2026, 12, 18),
        end_time=time(16),
        now=now,
        zone="Asia/Seoul",
    )


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENS - SECOND, Status.upcoming),
        (OPENS, Status.open),
        (CLOSES - SECOND, Status.open),
        (CLOSES, Status.closed),
        (datetime(2026, 12, 18, 6, 59, 59, tzinfo=UTC), Status.closed),  # 15:59:59 KST, last day
        (datetime(2026, 12, 18, 7, 0, tzinfo=UTC), Status.ended),  # 16:00 KST
    ],
)
def test_status_at_each_edge(now: datetime, expected: Status) -> None:
    assert _status_at(now) is expected


def test_the_edge_is_judged_on_the_instant_not_the_wall_clock_of_the_server() -> None:
    opening_seen_from_utc_midnight = datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC)

    assert _status_at(opening_seen_from_utc_midnight) is Status.upcoming


@pytest.mark.parametrize(
    ("cohorts", "expected"),
    [
        ([Status.ended, Status.open, Status.upcoming], Status.open),
        ([Status.ended, Status.upcoming, Status.closed], Status.upcoming),
        ([Status.ended, Status.closed], Status.closed),
        ([Status.ended, Status.ended], Status.ended),
        ([], None),
    ],
)
def test_a_program_is_as_open_as_its_most_open_cohort(cohorts: list[Status], expected: Status | None) -> None:
    assert program_status(cohorts) == expected
