"""Success messages after a form (flash, then 303): the redirect carries `?done=<key>` and the page
shows the fixed sentence for that key. Nothing personal travels in the URL, and nothing is stored."""

from __future__ import annotations

from litestar import Request
from litestar.response import Redirect
from litestar.status_codes import HTTP_303_SEE_OTHER

from jobcenter.i18n import N_

MESSAGES = {
    "saved": N_("Saved."),
    "created": N_("Created."),
    "deleted": N_("Deleted."),
    "cancelled": N_("Cancelled. The people registered will be told."),
    "moved": N_("Moved. The people registered will be told."),
    "signed_up": N_("The application was made."),
    "checked_in": N_("Checked in."),
    "password_reset": N_("The password was reset."),
    "recorded": N_("Recorded."),
    "imported": N_("Imported."),
    "counselling_booked": N_("Your counselling time is booked. A text confirms it; see it in My applications."),
    "counselling_moved": N_("Your counselling time was moved. A text confirms the new time."),
    "counselling_cancelled": N_("Your counselling time was cancelled."),
    "referral_requested": N_("Your request was sent to the center. A counsellor will call you; see it in My applications."),
    "scheduled": N_("The job was recorded and its follow-up calls were scheduled."),
    "reset_link_sent": N_("A password reset link was sent by email. It works once, for one hour."),
    "citizen_deleted": N_("The account was deleted, and any seats it held went to the people waiting."),
    "notice_sent": N_("The notice was queued for each person it is for."),
    "drawn": N_("The lottery is drawn. Everyone who applied is being told by text."),
    "queued_again": N_("The messages are queued again and go out within a minute."),
    "account_claimed": N_("Your account is ready. The applications made for you at the center or the kiosk are in it."),
    "account_existing": N_("This number already had an account, so you are logged in to it. Nothing in it was changed."),
    "alert_on": N_("We will text you the day before applications open, and again when they open."),
    "alert_off": N_("You will not be told when applications open."),
    "mobile_changed": N_("Your mobile number was changed. Log in with it from now on."),
    "kiosk_revoked": N_("The kiosk was revoked. That device can no longer apply or call staff."),
    "news_sent": N_("The news was queued for everyone who agreed to receive it."),
}


def done(path: str, key: str) -> Redirect:
    """303 to `path` with the success message `key`."""
    separator = "&" if "?" in path else "?"
    return Redirect(path=f"{path}{separator}done={key}", status_code=HTTP_303_SEE_OTHER)


def flash_message(request: Request) -> str | None:
    """The msgid to show for this request's `?done=`, or None."""
    return MESSAGES.get(request.query_params.get("done", ""))
