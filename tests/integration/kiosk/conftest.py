"""The kiosk's tests: most run on the test client enrolled as the lobby kiosk."""

from __future__ import annotations

import pytest

from tests.support import FrozenClock, enrol_as_kiosk


@pytest.fixture
async def enrolled_kiosk(client, clock: FrozenClock) -> None:
    """The test client is the kiosk 로비 키오스크, enrolled by an administrator's code."""
    await enrol_as_kiosk(client, clock.now)
