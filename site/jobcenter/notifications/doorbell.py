"""The outbox worker's doorbell: a message that must leave at once (a code, 인증번호) rings it once
committed, and this process's worker takes its next round now instead of at the end of its pause.
Another process's worker still finds the message on its own next round."""

from __future__ import annotations

import asyncio
import contextlib
import weakref

_bells: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Event] = weakref.WeakKeyDictionary()


def _bell() -> asyncio.Event:
    loop = asyncio.get_running_loop()
    if loop not in _bells:
        _bells[loop] = asyncio.Event()
    return _bells[loop]


def ring() -> None:
    _bell().set()


async def pause(seconds: float) -> None:
    """Until the bell rings or `seconds` pass, whichever is first."""
    bell = _bell()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(bell.wait(), timeout=seconds)
    bell.clear()
