"""What the directory's codes are called on screen (msgids; translated where they are shown)."""

from jobcenter.companies.tables import Industry
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

LABELS = {"industries": INDUSTRY_LABELS, "welcomes": WELCOME_LABELS}
"""Every label a directory template shows, for its context."""
