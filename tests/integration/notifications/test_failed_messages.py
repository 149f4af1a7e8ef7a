"""Failed messages in the back office: grouped by reason, never showing whom they were for, and
sent again a group at a time (audited)."""

from __future__ import annotations

from jobcenter.audit.tables import AuditEntry
from jobcenter.notifications.tables import OutboxMessage
from tests.builders import NOON_SEOUL, a_citizen, a_staff_member
from tests.support import html, post_form, present

INVALID = "1062: 유효하지 않은 수신번호"


async def _failed(reason: str | None, channel: str = "sms", mobile: str = "01000000000") -> None:
    citizen = await a_citizen("실패한 분", mobile=mobile)
    await OutboxMessage(kind="confirmed", citizen=citizen.id, mobile=mobile, channel=channel, subject="s", body="[신청확정] 본문",
                        status="failed", attempts=1, last_error=reason, created_at=NOON_SEOUL).save()


async def test_the_page_groups_failures_by_reason_without_saying_whom_they_were_for(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    for mobile in ("01000000001", "01000000002"):
        await _failed(INVALID, mobile=mobile)
    await _failed("no email address", channel="email", mobile="01000000003")

    page = html(await client.get("/staff/messages/failed"))

    rows = [row.get_text(" ", strip=True) for row in page.select("[data-testid=failed-reasons] tbody tr")]
    assert rows[0].startswith(INVALID) and " 2 " in f" {rows[0]} " and "문자" in rows[0]
    assert rows[1].startswith("no email address") and "이메일" in rows[1]
    assert "실패한 분" not in page.get_text() and "01000000001" not in page.get_text()


async def test_sending_a_group_again_queues_only_that_group_and_is_audited(client, sign_in_staff) -> None:
    staff = await a_staff_member()
    await sign_in_staff(staff)
    await _failed(INVALID, mobile="01000000001")
    await _failed("no email address", channel="email", mobile="01000000002")

    response = await post_form(client, "/staff/messages/failed/retry", {"reason": INVALID, "channel": "sms"}, follow_redirects=False)

    assert response.headers["location"] == "/staff/messages/failed?done=queued_again"
    rows = await OutboxMessage.select(OutboxMessage.status, OutboxMessage.attempts, OutboxMessage.channel).order_by(OutboxMessage.id)
    assert rows == [{"status": "pending", "attempts": 0, "channel": "sms"}, {"status": "failed", "attempts": 1, "channel": "email"}]
    entry = present(await AuditEntry.select().where(AuditEntry.action == "messages.retry").first())
    assert entry["actor_id"] == staff.id and INVALID in entry["summary"]


async def test_the_dashboard_links_to_the_failures(client, sign_in_staff) -> None:
    await sign_in_staff(await a_staff_member())
    await _failed(INVALID)

    page = html(await client.get("/staff"))

    link = present(page.select_one("[data-testid=failed-messages] a"))
    assert link["href"] == "/staff/messages/failed" and "1" in link.get_text()
