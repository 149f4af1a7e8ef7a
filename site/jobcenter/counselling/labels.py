"""What counselling's codes are called on screen (msgids; translated where they are shown)."""

from jobcenter.counselling.tables import BookingChannel, BookingStatus, PlaceKind, Topic
from jobcenter.i18n import N_

TOPIC_LABELS = {
    Topic.first.value: N_("First counselling: where to start"),
    Topic.resume.value: N_("Résumé and interview"),
    Topic.training.value: N_("Training and certificates"),
    Topic.programmes.value: N_("국민취업지원제도 and other programmes"),
}
STATUS_LABELS = {
    BookingStatus.booked.value: N_("Booked"),
    BookingStatus.cancelled.value: N_("Cancelled"),
    BookingStatus.attended.value: N_("Attended"),
    BookingStatus.no_show.value: N_("Did not come"),
}
CHANNEL_LABELS = {
    BookingChannel.online.value: N_("Online"),
    BookingChannel.phone.value: N_("By phone"),
    BookingChannel.walk_in.value: N_("At the desk"),
    BookingChannel.kiosk.value: N_("At the kiosk"),
}
PLACE_KIND_LABELS = {PlaceKind.office.value: N_("The center"), PlaceKind.campus.value: N_("Campus visit"), PlaceKind.bus.value: N_("Job bus")}

LABELS = {"topics": TOPIC_LABELS, "booking_statuses": STATUS_LABELS, "channels": CHANNEL_LABELS, "place_kinds": PLACE_KIND_LABELS}
"""Every label a counselling template shows, for its context."""
