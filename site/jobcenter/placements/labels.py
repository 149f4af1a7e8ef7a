"""What the follow-up calls' codes are called on screen (msgids; translated where they are shown)."""

from jobcenter.i18n import N_
from jobcenter.placements.tables import LeaveReason

LEAVE_REASON_LABELS = {
    LeaveReason.pay.value: N_("Pay"),
    LeaveReason.hours.value: N_("Working hours"),
    LeaveReason.commute.value: N_("Commute"),
    LeaveReason.health.value: N_("Health"),
    LeaveReason.workplace.value: N_("Workplace relations or conditions"),
    LeaveReason.job_mismatch.value: N_("The work did not suit them"),
    LeaveReason.contract_ended.value: N_("The contract ended"),
    LeaveReason.other.value: N_("Other"),
}

VIEW_LABELS = {
    "due": N_("Due now"),
    "upcoming": N_("Coming up"),
    "not_reached": N_("Not reached"),
    "done": N_("Recorded"),
    "all": N_("All calls"),
}
"""The call lists, in the order their tabs appear."""
