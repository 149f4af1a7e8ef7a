"""How a sender says a message did not go: never (do not try again) or not now (try later)."""

from __future__ import annotations


class Undeliverable(Exception):
    """This message can never be delivered this way (no address of its kind, a number the provider
    refuses for good): marked failed at once, with the reason."""


class GatewayError(Exception):
    """The provider did not take the request (down, refusing, unreachable): the worker tries again
    later, with backoff. Its text is kept as the message's last error."""
