"""The back office's menu: (who sees it, label msgid, path prefix). `admin` items only for admins."""

from jobcenter.i18n import N_

STAFF_MENU = [
    ("staff", N_("Programs"), "/staff/programs"),
    ("staff", N_("Calendar"), "/staff/calendar"),
    ("staff", N_("Companies"), "/staff/companies"),
    ("staff", N_("Job postings"), "/staff/postings"),
    ("staff", N_("Referral requests"), "/staff/referrals"),
    ("staff", N_("Requests from companies"), "/staff/job-requests"),
    ("staff", N_("Counselling"), "/staff/counselling"),
    ("staff", N_("Citizens"), "/staff/citizens"),
    ("staff", N_("Follow-up calls"), "/staff/calls"),
    ("staff", N_("News"), "/staff/news"),
    ("admin", N_("Audit log"), "/staff/audit"),
    ("admin", N_("Staff accounts"), "/staff/accounts"),
    ("admin", N_("Kiosks"), "/staff/kiosks"),
]
