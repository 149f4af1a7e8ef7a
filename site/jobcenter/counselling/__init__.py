"""Counselling appointments (취업상담 예약): a person books a free time with a counsellor at the
center or where counsellors visit (campuses, the job bus), from the counsellors' weekly patterns
less public holidays, closure days and leave; staff keep the patterns, book for callers and
walk-ins, mark who came, and keep a record of each meeting that only staff see."""
