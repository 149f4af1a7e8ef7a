"""What the directory's codes are called on screen (msgids; translated where they are shown)."""

from jobcenter.companies.tables import EmploymentType, Industry, PostingStatus, ReferralStatus, WagePeriod
from jobcenter.i18n import N_

INDUSTRY_LABELS = {
    Industry.manufacturing.value: N_("Manufacturing"),
    Industry.logistics.value: N_("Logistics and warehousing"),
    Industry.food.value: N_("Food processing"),
    Industry.retail.value: N_("Retail and wholesale"),
    Industry.services.value: N_("Services and facility management"),
    Industry.construction.value: N_("Construction"),
    Industry.care.value: N_("Care and social services"),
    Industry.agriculture.value: N_("Agriculture"),
}

WELCOME_LABELS = {
    "seniors": N_("Hires seniors"),
    "youth": N_("Hires young people"),
    "disabled": N_("Hires people with disabilities"),
    "foreign": N_("Hires foreign workers"),
}
"""The directory's filter of whom a company hires (directory.WELCOMES)."""

EMPLOYMENT_LABELS = {
    EmploymentType.full_time.value: N_("Full-time"),
    EmploymentType.part_time.value: N_("Part-time"),
    EmploymentType.contract.value: N_("Fixed-term contract"),
    EmploymentType.daily.value: N_("Day work"),
}

WAGE_PERIOD_LABELS = {WagePeriod.hourly.value: N_("an hour"), WagePeriod.monthly.value: N_("a month")}

POSTING_WELCOMES = {"seniors": N_("Seniors welcome"), "youth": N_("Young people welcome"), "disabled": N_("People with disabilities welcome")}
"""우대: whom a posting welcomes (never an age limit)."""

STATE_LABELS = {"open": N_("Hiring now"), "closing_soon": N_("Closing soon"), "closed": N_("Applications closed")}
"""모집 중, 마감 임박, 마감: a posting's state on the day it is read."""

STATUS_LABELS = {PostingStatus.draft.value: N_("Draft"), PostingStatus.published.value: N_("Published"), PostingStatus.closed.value: N_("Applications closed")}

REFERRAL_LABELS = {
    ReferralStatus.requested.value: N_("Received"),
    ReferralStatus.referred.value: N_("Referred"),
    ReferralStatus.interview.value: N_("Interview"),
    ReferralStatus.hired.value: N_("Hired"),
    ReferralStatus.rejected.value: N_("Not hired"),
    ReferralStatus.cancelled.value: N_("Cancelled"),
}
"""접수, 추천함, 면접, 채용, 불합격, 취소."""

LABELS = {
    "referral_statuses": REFERRAL_LABELS, "industries": INDUSTRY_LABELS, "welcomes": WELCOME_LABELS, "employment": EMPLOYMENT_LABELS,
    "wage_periods": WAGE_PERIOD_LABELS, "posting_welcomes": POSTING_WELCOMES, "states": STATE_LABELS, "posting_statuses": STATUS_LABELS,
}
"""Every label a directory template shows, for its context."""
