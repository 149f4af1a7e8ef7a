"""What the catalog's codes are called on screen (msgids; translated where they are shown)."""

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
