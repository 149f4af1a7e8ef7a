"""Reading follow-up calls: the lists staff work through (due, coming up, recorded...), paged and
sorted in two queries, and one call with the other calls of the same job. Numbers are masked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from jobcenter.accounts.mobile import mask_mobile
from jobcenter.errors import NotFound
from jobcenter.placements.tables import FollowUpCall
from jobcenter.rows import RowView
from jobcenter.web.form_input import read_id

VIEWS = ("due", "upcoming", "not_reached", "done", "all")
SORTS = ("due", "name", "called")
RECORDED_VIEWS = ("not_reached", "done")
"""Lists of calls already made: they can be sorted by when the call was recorded, newest first (their default)."""


class FollowUpCallNotFound(NotFound):
    """No follow-up call has this number."""


@dataclass(frozen=True)
class CallLine(RowView):
    """One call with the person, the job and the program it came from."""

    row: dict[str, Any]
    today: date

    @property
    def masked_mobile(self) -> str:
        return mask_mobile(self.row["mobile"])

    @property
    def made(self) -> bool:
        return self.row["called_at"] is not None

    @property
    def overdue_days(self) -> int:
        """Days past its due date while nobody has called; 0 otherwise."""
        return 0 if self.made else max(0, (self.today - self.row["due_on"]).days)

    @property
    def needs_reason(self) -> bool:
        """They left, or think of leaving: the reason is asked."""
        return self.row["still_employed"] is False or self.row["thinking_of_leaving"] is True


@dataclass(frozen=True)
class CallQuery:
    """Which list, in which order, for whom (None: everyone), which page."""

    view: str = "due"
    sort: str = "due"
    citizen_id: int | None = None
    page: int = 1

    @classmethod
    def parse(cls, view: str | None, sort: str | None, citizen: str | None, page: int) -> CallQuery:
        """What the address asked for; anything that does not parse is the list's default."""
        view = view if view in VIEWS else "due"
        default_sort = "called" if view in RECORDED_VIEWS else "due"
        if sort not in SORTS or (sort == "called" and view not in RECORDED_VIEWS):
            sort = default_sort
        citizen_id = read_id(citizen)
        return cls(view=view, sort=sort, citizen_id=citizen_id, page=page)


COLUMNS = (
    FollowUpCall.id,
    FollowUpCall.months_after,
    FollowUpCall.due_on,
    FollowUpCall.called_at,
    FollowUpCall.called_by,
    FollowUpCall.reached,
    FollowUpCall.still_employed,
    FollowUpCall.thinking_of_leaving,
    FollowUpCall.leave_reason,
    FollowUpCall.difficulties,
    FollowUpCall.note,
    FollowUpCall.placement.id.as_alias("placement_id"),
    FollowUpCall.placement.posting.as_alias("posting_id"),
    FollowUpCall.placement.company.as_alias("company"),
    FollowUpCall.placement.position.as_alias("position"),
    FollowUpCall.placement.started_on.as_alias("started_on"),
    FollowUpCall.placement._.citizen.id.as_alias("citizen_id"),
    FollowUpCall.placement._.citizen.name.as_alias("name"),
    FollowUpCall.placement._.citizen.mobile.as_alias("mobile"),
    FollowUpCall.placement._.program.title.as_alias("program_title"),
)


def _conditions(query: CallQuery, today: date) -> list[Any]:
    conditions: list[Any] = {
        "due": [FollowUpCall.called_at.is_null(), FollowUpCall.due_on <= today],
        "upcoming": [FollowUpCall.called_at.is_null(), FollowUpCall.due_on > today],
        "not_reached": [FollowUpCall.called_at.is_not_null(), FollowUpCall.reached == False],  # noqa: E712 - SQL
        "done": [FollowUpCall.called_at.is_not_null()],
        "all": [],
    }[query.view]
    if query.citizen_id is not None:
        conditions.append(FollowUpCall.placement.citizen == query.citizen_id)
    return conditions


def _ordered(select: Any, sort: str) -> Any:
    if sort == "name":
        return select.order_by(FollowUpCall.placement._.citizen.name).order_by(FollowUpCall.due_on).order_by(FollowUpCall.id)
    if sort == "called":
        return select.order_by(FollowUpCall.called_at, ascending=False).order_by(FollowUpCall.id, ascending=False)
    return select.order_by(FollowUpCall.due_on).order_by(FollowUpCall.id)


async def call_list(query: CallQuery, *, today: date, page_size: int) -> tuple[list[CallLine], int]:
    """One page of the list and how many calls it holds in all."""
    conditions = _conditions(query, today)
    select = _ordered(FollowUpCall.select(*COLUMNS), query.sort)
    count = FollowUpCall.count()
    if conditions:
        select, count = select.where(*conditions), count.where(*conditions)
    rows = await select.limit(page_size).offset((query.page - 1) * page_size)
    return [CallLine(row, today) for row in rows], await count


async def calls_due(today: date) -> int:
    """How many calls are due today or overdue: the number on the back office's first page."""
    return await FollowUpCall.count().where(*_conditions(CallQuery(view="due"), today))


async def call_line(call_id: int, *, today: date) -> CallLine:
    """One call as the lists show it; FollowUpCallNotFound when there is none."""
    row = await FollowUpCall.select(*COLUMNS).where(FollowUpCall.id == call_id).first()
    if row is None:
        raise FollowUpCallNotFound(call_id)
    return CallLine(row, today)


async def calls_of_placement(placement_id: int, *, today: date) -> list[CallLine]:
    """Every call of one job, earliest first: what the person said last time, before calling again."""
    rows = await FollowUpCall.select(*COLUMNS).where(FollowUpCall.placement == placement_id).order_by(FollowUpCall.due_on)
    return [CallLine(row, today) for row in rows]
