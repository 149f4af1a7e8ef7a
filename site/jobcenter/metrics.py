"""The site's own Prometheus metrics, beside the requests, statuses and latencies that Litestar's
middleware counts per route (app.py). With `PROMETHEUS_MULTIPROC_DIR` set before a process starts,
every process (each uvicorn worker, the background worker) writes its values to files there and a
scrape of any one of them sums them all (prometheus-client's multiprocess mode); without it, each
process counts for itself."""

from __future__ import annotations

import os
import re
from pathlib import Path

from prometheus_client import Counter, Gauge

if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    # Made if missing, so no command (a migration, the worker started first) fails on it.
    Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).mkdir(parents=True, exist_ok=True)

SEAT_TRANSACTIONS = Counter(
    "jobcenter_seat_transactions", "Applications for seats by outcome: confirmed, waitlisted, applied (a lottery) or the refusal",
    ["outcome"],
)
OUTBOX_SENT = Counter("jobcenter_outbox_sent", "Messages the provider took")
OUTBOX_FAILURES = Counter("jobcenter_outbox_failures", "Delivery attempts that failed; final: no retry will follow", ["final"])
OUTBOX_BACKLOG = Gauge(
    "jobcenter_outbox_backlog", "Messages waiting (pending) and given up (failed), as read at the scrape", ["status"],
    multiprocess_mode="mostrecent",
)
DATABASE_ERRORS = Counter(
    "jobcenter_database_errors", "Requests and sweeps the database refused: unavailable (busy, locked, down) or bad_input", ["kind"],
)


def outcome_name(refusal: Exception) -> str:
    """A refusal's class as a label: NotOpenYet -> not_open_yet."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(refusal).__name__).lower()
