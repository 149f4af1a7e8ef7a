"""A stand-in for SOLAPI's send API, run by the tests as a process of its own on a loopback port:

    python -m tests.fake_sms_gateway PORT API_SECRET

It checks each request's HMAC-SHA256 signature, keeps every message it takes, and answers as the
provider does: 200 with `messageList` for messages taken and `failedMessageList` for a number it
refuses (INVALID_NUMBER). `POST /_mode` {"mode": ...} changes how it answers the next requests:
`ok`, `down` (503 and nothing taken), `take_then_hang` (takes the message, answers only after a
minute: the sender cannot know it was taken), `hang` (answers after a minute, takes nothing).
`GET /_received` lists what it took; `GET /messages/v4/list?to=...` is the provider's list."""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from typing import Any
from urllib.parse import parse_qs, urlsplit

INVALID_NUMBER = "01000000000"
HANG_SECONDS = 60

received: list[dict[str, Any]] = []
state = {"mode": "ok"}
lock = threading.Lock()
ids = count(1)


class Gateway(BaseHTTPRequestHandler):
    secret = ""

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the tests read /_received
        return

    def _answer(self, status: int, body: Any) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _signed(self) -> bool:
        header = self.headers.get("Authorization", "")
        if not header.startswith("HMAC-SHA256 "):
            return False
        fields = dict(part.split("=", 1) for part in header.removeprefix("HMAC-SHA256 ").split(", "))
        expected = hmac.new(self.secret.encode(), (fields.get("date", "") + fields.get("salt", "")).encode(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, fields.get("signature", ""))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/_received":
            with lock:
                self._answer(200, received)
            return
        if url.path == "/messages/v4/list" and self._signed():
            to = parse_qs(url.query).get("to", [""])[0]
            with lock:
                listed = {entry["messageId"]: entry for entry in received if entry["to"] == to}
            self._answer(200, {"messageList": listed})
            return
        self._answer(401 if url.path.startswith("/messages") else 404, {"errorCode": "NotFound"})

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        if self.path == "/_mode":
            state["mode"] = body["mode"]
            self._answer(200, state)
            return
        if self.path != "/messages/v4/send-many/detail":
            self._answer(404, {"errorCode": "NotFound"})
            return
        if not self._signed():
            self._answer(401, {"errorCode": "SignatureDoesNotMatch", "errorMessage": "signature"})
            return
        mode = state["mode"]
        if mode == "down":
            self._answer(503, {"errorCode": "ServiceUnavailable"})
            return
        if mode == "hang":
            time.sleep(HANG_SECONDS)
            return
        taken, failed = [], []
        for message in body["messages"]:
            if message["to"] == INVALID_NUMBER:
                failed.append({"to": message["to"], "statusCode": "1062", "statusMessage": "유효하지 않은 수신번호"})
                continue
            entry = {**message, "messageId": f"M{next(ids):08d}"}
            with lock:
                received.append(entry)
            taken.append({"messageId": entry["messageId"], "to": message["to"], "statusCode": "2000"})
        if mode == "take_then_hang":
            time.sleep(HANG_SECONDS)
            return
        self._answer(200, {"groupInfo": {"groupId": "G1", "count": {"total": len(body["messages"])}},
                           "messageList": taken, "failedMessageList": failed})


def main() -> None:
    port, Gateway.secret = int(sys.argv[1]), sys.argv[2]
    server = ThreadingHTTPServer(("127.0.0.1", port), Gateway)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
