"""The API's share of the site's rate limiter: so many requests a minute from one address, counted
in the database like every other limit, so all app servers count together."""

from __future__ import annotations

from datetime import timedelta

from litestar import Request
from litestar.exceptions import TooManyRequestsException

from jobcenter.limits.service import Limit, RateLimited, key_of, take
from jobcenter.settings import Settings

WINDOW = timedelta(minutes=1)


async def count_request(request: Request) -> None:
    """A before_request hook: one more request from the client's address, or 429 with Retry-After."""
    settings: Settings = request.app.state.settings
    limit = Limit("api-address", settings.limits.api_requests_per_address_per_minute, WINDOW)
    client = request.client.host if request.client else "unknown"
    try:
        await take(limit, key_of(client), request.app.state.clock())
    except RateLimited as error:
        raise TooManyRequestsException(headers={"retry-after": str(error.retry_after)}) from error
