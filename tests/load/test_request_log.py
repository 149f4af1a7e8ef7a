"""Issue 19: with REQUEST_LOG=json the server (as uvicorn starts it, `create_app_from_env`) writes one
JSON line per request on standard output, those no route matches and those refused before routing
included, each with a request id the answer carries back: the proxy's X-Request-ID when it is sane,
a new one otherwise. The query is left out (a search holds what a person typed)."""

from __future__ import annotations

import json
import os

import httpx
import pytest

from tests.servers import UVICORN, free_port, serving

pytestmark = pytest.mark.load


def test_every_request_is_one_json_line_with_the_id_its_answer_carries(tmp_path) -> None:
    environment = {**os.environ, "DATA_DIR": str(tmp_path), "SECRET_KEY": "request-log-secret-key-" + "x" * 32, "BACKGROUND_JOBS": "0",
                   "REQUEST_LOG": "json"}
    port, output = free_port(), tmp_path / "stdout.log"
    with serving([*UVICORN, "--port", str(port), "--no-proxy-headers"], environment, port, output=output) as url, \
            httpx.Client(base_url=url) as client:
        searched = client.get("/programs", params={"q": "홍길동 010-1234-5678"})
        relayed = client.get("/api/v1/jobs", headers={"x-request-id": "proxy-7f3a"})
        odd = client.get("/nowhere", headers={"x-request-id": "two words"})
        long = client.get("/privacy", headers={"x-request-id": "x" * 200})
        refused = client.post("/api/v1/programs")
        foreign = client.get("/", headers={"host": "evil.example"})
    lines = [json.loads(line) for line in output.read_text().splitlines() if line.startswith("{")]
    lines = [line for line in lines if line["path"] != "/livez"]  # the readiness wait before the test

    answers = (searched, relayed, odd, long, refused, foreign)
    assert [line["request_id"] for line in lines] == [answer.headers["x-request-id"] for answer in answers]
    assert [line["status"] for line in lines] == [200, 200, 404, 200, 405, 400]
    assert lines[0]["path"] == "/programs" and lines[0]["route"] == "/programs" and lines[0]["method"] == "GET"
    assert "홍길동" not in output.read_text() and "1234" not in output.read_text(), "the query is left out"
    assert relayed.headers["x-request-id"] == "proxy-7f3a"
    assert len(odd.headers["x-request-id"]) == len(long.headers["x-request-id"]) == 32, "a new id, not what was sent"
    assert all(line["duration_ms"] >= 0 and line["client"] == "127.0.0.1" for line in lines)
