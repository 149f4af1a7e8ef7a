"""What the event categories are called on screen (msgids; translated where shown)."""

from jobcenter.events.month import PROGRAM
from jobcenter.events.tables import EventCategory
from jobcenter.i18n import N_

CATEGORY_LABELS = {
    EventCategory.job_fair.value: N_("Job fair"),
    EventCategory.hiring_day.value: N_("Hiring day"),
    EventCategory.standing_interview.value: N_("Standing interviews"),
    EventCategory.accompanied_interview.value: N_("Accompanied interview"),
    EventCategory.job_bus.value: N_("Job bus"),
    EventCategory.campus.value: N_("Campus counselling"),
    EventCategory.lecture.value: N_("Job lecture"),
    EventCategory.other.value: N_("Other"),
    PROGRAM: N_("Program"),
}
