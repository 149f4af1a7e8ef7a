"""A test client that runs the app in the test's own event loop.

Litestar's AsyncTestClient runs the app in a thread of its own (a blocking portal) and waits for
each request there: the test's loop stands still meanwhile, so requests a test starts together run
one after another, and the database connections the tests open (their loop) cannot be the app's.
Here each request is awaited in the test's loop, as a server would run it: requests gathered
together run together, and the app shares the session's PostgreSQL pool or kept SQLite connections
(tests/conftest.py) instead of opening a connection per query.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any, Self

from anyio import Event
from httpx import AsyncBaseTransport, ByteStream, Request, Response
from litestar.testing import AsyncTestClient
from litestar.testing.transport import SendReceiveContext, TestClientTransport


class InLoopTransport(TestClientTransport, AsyncBaseTransport):
    async def handle_async_request(self, request: Request) -> Response:
        scope: dict[str, Any] = self.parse_request(request=request)
        scope.update(method=request.method, http_version="1.1", extensions={"http.response.template": {}})
        raw_kwargs: dict[str, Any] = {"stream": BytesIO()}
        context: SendReceiveContext = {
            "response_complete": Event(),
            "request_complete": False,
            "raw_kwargs": raw_kwargs,
            "response_started": False,
            "template": None,
            "context": None,
        }
        await self.client.app(scope, self.create_receive(request=request, context=context), self.create_send(request=request, context=context))
        assert context["response_started"], "the app sent no response"
        body = raw_kwargs.pop("stream").getvalue()
        return Response(**raw_kwargs, stream=ByteStream(body), request=request)


class InLoopClient(AsyncTestClient):
    """AsyncTestClient's interface (cookies, redirects followed, the app's startup and shutdown
    hooks around its use), with the app run in the caller's event loop. The hooks are called as
    such: a fixture's setup and teardown run in two tasks, and Litestar's lifespan context (its task
    group) must be left in the task that entered it; the site has no other lifespan parts."""

    def __init__(self, app: Any, base_url: str) -> None:
        super().__init__(app=app, base_url=base_url)
        self._transport = InLoopTransport(client=self)

    async def __aenter__(self) -> Self:
        for hook in self.app.on_startup:
            await hook()
        return self

    async def __aexit__(self, *args: Any) -> None:
        for hook in reversed(self.app.on_shutdown):
            await hook()
