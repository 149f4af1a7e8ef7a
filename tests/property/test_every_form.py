"""Every form and query parameter of the site, public, staff and kiosk, walked with generated odd
values (PROPERTY_EXAMPLES per field: 10 in CI, the same ones each run, so that CI passes or fails
for the code alone; 1,000 new ones each run with make test-property, PROPERTY_RANDOM=1):
no answer is a 5xx, a refused request (4xx) writes nothing, and no value reaches the database
that it refuses (PostgreSQL refuses a NUL: web/errors.py answers 400, but the form should have)."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcenter.audit.service import Actor
from jobcenter.events.tables import EventOccurrence
from jobcenter.placements.service import PlacementForm, record_placement
from jobcenter.placements.tables import FollowUpCall
from jobcenter.signups.service import take_seat
from tests.builders import a_citizen, a_cohort, a_program, a_staff_member
from tests.integration.events.helpers import a_series
from tests.property.walk import PAGES, Form, fingerprint, forms_on, odd_values
from tests.support import enrol_as_kiosk, html, post_form, present

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "10"))
RANDOM = os.environ.get("PROPERTY_RANDOM") == "1"
"""New values each run (exploring); otherwise Hypothesis derives them from the test's name."""
NOT_A_FIELD = {"_csrf_token"}
MAX_QUERY_VALUE = 1_000


@pytest.fixture
async def forms(client, sign_in, sign_in_staff, clock) -> list[Form]:
    """A citizen with an application and a staff administrator signed in on one client (the
    enrolled kiosk too), a program,
    an event series, another person with a job and its follow-up calls; then every form the
    pages offer, each once."""
    program = await a_program("경비신임교육", audience="middle_aged")
    cohort = await a_cohort(program, capacity=5)
    await a_cohort(program, label="2기", capacity=5)  # one the citizen has not applied to: its form shows
    series = await a_series(capacity=10)
    citizen = await a_citizen("홍길동", birth_year=1970)
    application = await take_seat(pool_id=cohort.seat_pool, citizen_id=citizen.id, now=clock.now, language="ko", zone="Asia/Seoul")
    staff = await a_staff_member("walker", role="admin")
    other = await a_citizen("김취업", birth_year=1980)
    await take_seat(pool_id=cohort.seat_pool, citizen_id=other.id, now=clock.now, language="ko", zone="Asia/Seoul")
    await record_placement(other.id, PlacementForm(company="김포물류", position="사무", started_on=date(2026, 11, 2).isoformat(),
                                                   program=str(program.id)), months=(1, 3, 6), actor=Actor(id=staff.id, name=staff.name),
                           now=clock.now, zone="Asia/Seoul")
    await sign_in(citizen)
    await sign_in_staff(staff)
    await enrol_as_kiosk(client, clock.now)
    occurrence = await EventOccurrence.select().where(EventOccurrence.series == series.id).first()
    call = await FollowUpCall.select().first()
    ids = {"program": program.id, "cohort": cohort.id, "pool": cohort.seat_pool, "series": series.id, "occurrence": present(occurrence)["id"],
           "application": application["id"], "code": application["confirmation_code"], "citizen": other.id, "call": present(call)["id"]}
    found: dict[tuple, Form] = {}
    for template in PAGES:
        path = template.format(**ids)
        response = await client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        for form in forms_on(path, html(response)):
            found.setdefault(form.key, form)
    return list(found.values())


async def test_the_walk_reaches_public_staff_and_kiosk_forms(forms: list[Form]) -> None:
    actions = {form.action for form in forms}

    assert {"/programs", "/events", "/signup", "/login", "/applications", "/me", "/staff/calendar/new", "/staff/citizens"} <= actions
    assert any(action.startswith("/kiosk/apply/") for action in actions)
    assert any(action.startswith("/staff/rosters/") for action in actions)
    assert sum(len(form.fields) for form in forms) > 150


def _refused_by_the_database(caplog) -> bool:
    return any(record.getMessage().startswith("The database refused") for record in caplog.records)


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not RANDOM,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
async def test_no_value_in_any_field_is_a_server_error_and_a_refusal_writes_nothing(client, forms: list[Form], data, caplog) -> None:
    """One value per field per example; the database is read after each form sent by POST, so the
    state before a refused POST is the one after the POST before it (GETs come first)."""
    known = None
    for form in sorted(forms, key=lambda form: form.method != "get"):
        for name in sorted(set(form.fields) - NOT_A_FIELD):
            value = data.draw(odd_values(), label=f"{form.method.upper()} {form.action} {name}")
            sent = {**form.fields, name: value}
            where = f"{form.method.upper()} {form.action} {name}={value[:80]!r}"
            if form.method == "get":  # an address longer than a browser sends is not sent
                response = await client.get(form.action, params={**sent, name: value[:MAX_QUERY_VALUE]})
                assert response.status_code < 500, f"{where} -> {response.status_code}"
                assert not _refused_by_the_database(caplog), f"{where} reached the database"
                continue
            known = known or await fingerprint()
            response = await post_form(client, form.action, sent)
            assert response.status_code < 500, f"{where} -> {response.status_code}"
            assert not _refused_by_the_database(caplog), f"{where} reached the database"
            after = await fingerprint()
            if 400 <= response.status_code < 500:
                assert after == known, f"{where} -> {response.status_code} but wrote"
            known = after
