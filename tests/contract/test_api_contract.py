"""Issue 19: Schemathesis reads the API's OpenAPI document from a live server holding the Gimpo demo
and sends it generated requests, valid and not (odd dates, huge pages, any Unicode in `q`): no answer
is a 5xx, and every answer matches the document (status, content type, body schema).

One check is left out: `positive_data_acceptance` (any request the document allows gets 2xx). The
API refuses with 400 what the document cannot say in advance: a district this city does not have
(each deployment lists its own), a range whose end comes before its start, a keyword holding control
characters. Refusing them is meant; the refusals are checked by the 400 cases in
tests/integration/api/."""

from __future__ import annotations

import asyncio
import os
import subprocess
from datetime import UTC, datetime

import pytest

from jobcenter.demo.loader import load_demo_content
from tests.servers import BIN, UVICORN, free_port, serving

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,negative_data_rejection"
EXAMPLES = os.environ.get("API_CONTRACT_EXAMPLES", "25")
"""Generated requests per operation and phase (CI: 25, the same ones each run, as the property walk does)."""


@pytest.mark.load
async def test_every_generated_request_gets_a_documented_answer_and_never_a_5xx(tmp_path) -> None:
    await load_demo_content(datetime.now(UTC), "Asia/Seoul")
    port = free_port()
    environment = {**os.environ, "DATA_DIR": str(tmp_path), "SECRET_KEY": "contract-test-secret-key-" + "x" * 32,
                   "API_REQUESTS_PER_ADDRESS_PER_MINUTE": "1000000", "BACKGROUND_JOBS": "0"}
    with serving([*UVICORN, "--port", str(port), "--no-proxy-headers"], environment, port) as url:
        run = await asyncio.to_thread(
            subprocess.run,
            [str(BIN / "schemathesis"), "run", f"{url}/api/openapi.json", "--checks", CHECKS, "--max-examples", EXAMPLES,
             "--seed", "19", "--generation-deterministic", "--no-color", "--request-timeout", "20"],
            capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path,  # its cache stays out of the checkout
        )

    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "8 passed" in run.stdout, run.stdout[-3000:]
