"""What the catalog's codes are called on screen (msgids; translated where they are shown), and the
three life-stage doors of the home page and the kiosk."""

from jobcenter.catalog.status import STATUS_LABELS
from jobcenter.catalog.tables import Audience, Category
from jobcenter.i18n import N_

AUDIENCE_LABELS = {
    Audience.youth.value: N_("Youth"),
    Audience.middle_aged.value: N_("Middle-aged"),
    Audience.senior.value: N_("Seniors"),
    Audience.all.value: N_("Everyone"),
}

CATEGORY_LABELS = {
    Category.job_support.value: N_("Job-search programs"),
    Category.training.value: N_("Job training"),
    Category.consulting.value: N_("Counselling and consulting"),
    Category.lecture.value: N_("Lectures"),
}

LABELS = {"audiences": AUDIENCE_LABELS, "categories": CATEGORY_LABELS, "statuses": STATUS_LABELS}
"""Every label a catalog template shows, for its context."""

LIFE_STAGES = {
    Audience.youth.value: N_("Ages 18 to 39: job-search programs and consulting"),
    Audience.middle_aged.value: N_("Ages 40 to 64: re-employment and certified training"),
    Audience.senior.value: N_("Ages 60 and over: training for work close to home"),
}
"""The three doors of the home page and the kiosk, each with a hint of what is behind it."""
