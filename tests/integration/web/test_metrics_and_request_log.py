"""Issue 19: what the people who run the site read. /metrics (Prometheus' text format) counts requests
by route and status with their latency, seat transactions by outcome and the outbox's backlog, for
the bearer of METRICS_TOKEN alone (the JSON request log: tests/load/test_request_log.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from prometheus_client.parser import text_string_to_metric_families

from jobcenter.app import create_app
from jobcenter.signups.service import AlreadyApplied, take_seat
from tests.builders import a_citizen, a_cohort, a_program
from tests.in_loop_client import InLoopClient

TOKEN = "metrics-token-" + "y" * 24
HOST = "http://testserver.local"


def _samples(text: str) -> dict[tuple[str, frozenset], float]:
    return {(sample.name, frozenset(sample.labels.items())): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


def _value(samples: dict[tuple[str, frozenset], float], name: str, **labels: str) -> float:
    return sum(value for (found, found_labels), value in samples.items() if found == name and set(labels.items()) <= found_labels)


@pytest.fixture
async def monitored(settings, shared_clock):
    app = create_app(replace(settings, metrics_token=TOKEN), clock=shared_clock)
    async with InLoopClient(app, base_url=HOST) as client:
        yield client


async def _scrape(client) -> dict[tuple[str, frozenset], float]:
    response = await client.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    return _samples(response.text)


async def test_a_scrape_counts_requests_by_route_and_status_with_their_latency(monitored) -> None:
    before = await _scrape(monitored)
    for path in ("/programs", "/programs", "/programs/123456", "/api/v1/jobs"):
        await monitored.get(path)

    after = await _scrape(monitored)

    def grew(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    assert grew("jobcenter_requests_total", path="/programs", status_code="200") == 2
    assert grew("jobcenter_requests_total", path="/programs/{program_id}", status_code="404") == 1
    assert grew("jobcenter_requests_total", path="/api/v1/jobs", method="GET") == 1
    assert grew("jobcenter_request_duration_seconds_count", path="/programs") == 2
    assert _value(after, "jobcenter_request_duration_seconds_bucket", path="/programs", le="+Inf") >= 2


async def test_seat_transactions_are_counted_by_outcome_and_the_outbox_backlog_is_read_at_the_scrape(monitored, clock) -> None:
    cohort = await a_cohort(await a_program(), capacity=1)
    first, second = await a_citizen("김하나"), await a_citizen("김두리")
    before = await _scrape(monitored)

    for person in (first, second):
        await take_seat(pool_id=cohort.seat_pool, citizen_id=person.id, now=clock.now, language="ko", zone="Asia/Seoul")
    with pytest.raises(AlreadyApplied):
        await take_seat(pool_id=cohort.seat_pool, citizen_id=first.id, now=clock.now, language="ko", zone="Asia/Seoul")
    after = await _scrape(monitored)

    for outcome, count in (("confirmed", 1), ("waitlisted", 1), ("already_applied", 1)):
        name = "jobcenter_seat_transactions_total"
        assert _value(after, name, outcome=outcome) - _value(before, name, outcome=outcome) == count, outcome
    assert _value(after, "jobcenter_outbox_backlog", status="pending") == 2, "the two texts wait for the worker"


async def test_the_scheme_is_read_as_http_reads_it_whatever_its_case(monitored) -> None:
    response = await monitored.get("/metrics", headers={"authorization": f"bearer {TOKEN}"})

    assert response.status_code == 200


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", TOKEN, f"Basic {TOKEN}", f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x"])
async def test_without_the_token_the_metrics_answer_403(monitored, authorization) -> None:
    response = await monitored.get("/metrics", headers={"authorization": authorization} if authorization else {})

    assert response.status_code == 403 and "jobcenter_" not in response.text


async def test_while_no_token_is_set_the_metrics_answer_403_to_everyone(client) -> None:
    response = await client.get("/metrics", headers={"authorization": "Bearer "})

    assert response.status_code == 403
