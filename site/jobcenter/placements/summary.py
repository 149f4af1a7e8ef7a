"""Retention by program: how many found a job through each program, and at each follow-up call how
many were reached and still in work, and why people left or think of leaving. Two grouped queries,
whatever the number of placements."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from piccolo.query.functions.aggregate import Count

from jobcenter.placements.tables import FollowUpCall, LeaveReason, Placement


@dataclass
class Milestone:
    """The calls made `months` after the start."""

    months: int
    made: int = 0
    reached: int = 0
    still_employed: int = 0

    @property
    def retention(self) -> float | None:
        """Of the people reached, the share still in the job; None when nobody was reached."""
        return self.still_employed / self.reached if self.reached else None


@dataclass
class ReasonCount:
    """How often one reason was given by people who had left, and by people thinking of leaving."""

    left: int = 0
    thinking: int = 0


@dataclass
class ProgramRetention:
    """One program's line of the summary (program_id None: jobs that came from no program)."""

    program_id: int | None
    title: str | None
    placements: int = 0
    milestones: dict[int, Milestone] = field(default_factory=dict)
    reasons: dict[str, ReasonCount] = field(default_factory=dict)

    def add_calls(self, row: dict[str, Any]) -> None:
        milestone = self.milestones.setdefault(row["months_after"], Milestone(row["months_after"]))
        milestone.made += row["calls"]
        if row["reached"]:
            milestone.reached += row["calls"]
        if row["still_employed"]:
            milestone.still_employed += row["calls"]
        if row["leave_reason"]:
            count = self.reasons.setdefault(row["leave_reason"], ReasonCount())
            if row["still_employed"] is False:
                count.left += row["calls"]
            else:
                count.thinking += row["calls"]

    @property
    def reason_list(self) -> list[tuple[str, ReasonCount]]:
        """Reasons in the order of LeaveReason, only those given."""
        return [(reason.value, self.reasons[reason.value]) for reason in LeaveReason if reason.value in self.reasons]


@dataclass(frozen=True)
class RetentionSummary:
    milestones: list[int]
    programs: list[ProgramRetention]
    total: ProgramRetention


async def retention_summary(months: Iterable[int]) -> RetentionSummary:
    """Every program with placements (by title, then jobs from no program), and the total. The
    milestones are the configured months and any others calls were scheduled at before."""
    placements = await Placement.select(
        Placement.program.as_alias("program_id"), Placement.program.title.as_alias("title"), Count(alias="placements")
    ).group_by(Placement.program, Placement.program.title)
    calls = await FollowUpCall.select(
        FollowUpCall.placement.program.as_alias("program_id"), FollowUpCall.months_after, FollowUpCall.reached,
        FollowUpCall.still_employed, FollowUpCall.leave_reason, Count(alias="calls"),
    ).where(FollowUpCall.called_at.is_not_null()).group_by(
        FollowUpCall.placement.program, FollowUpCall.months_after, FollowUpCall.reached,
        FollowUpCall.still_employed, FollowUpCall.leave_reason,
    )
    lines = {row["program_id"]: ProgramRetention(row["program_id"], row["title"], row["placements"]) for row in placements}
    total = ProgramRetention(None, None, sum(line.placements for line in lines.values()))
    for row in calls:
        line = lines.get(row["program_id"])
        if line is None:  # a placement saved between the two queries: counted on the next look
            continue
        line.add_calls(row)
        total.add_calls(row)
    milestones = sorted(set(months) | set(total.milestones))
    for line in [*lines.values(), total]:
        line.milestones = {month: line.milestones.get(month, Milestone(month)) for month in milestones}
    ordered = sorted(lines.values(), key=lambda line: (line.program_id is None, line.title or ""))
    return RetentionSummary(milestones=milestones, programs=ordered, total=total)
