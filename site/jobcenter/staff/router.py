"""Everything under /staff: its own session, guard, layout and controllers. The rules they call
are the areas' services, the ones the public site uses."""

from __future__ import annotations

from litestar import Router
from litestar.di import Provide

from jobcenter.accounts.backoffice import NewsController
from jobcenter.accounts.web import forget_citizen
from jobcenter.audit.backoffice import AuditController
from jobcenter.catalog.backoffice import AttendanceController, ProgramAdminController, SessionAdminController
from jobcenter.companies.backoffice import CompanyAdminController, JobRequestAdminController, PostingAdminController, ReferralAdminController
from jobcenter.counselling.backoffice import CounsellingAdminController
from jobcenter.events.backoffice import StaffCalendarController
from jobcenter.kiosk.backoffice import HelpRequestController, KioskAdminController
from jobcenter.notifications.backoffice import FailedMessagesController
from jobcenter.placements.backoffice import FollowUpCallsController
from jobcenter.signups.backoffice import RosterController
from jobcenter.staff.backoffice import StaffAccountsController, StaffLoginController, staff_dashboard, staff_keep_session, staff_logout
from jobcenter.staff.citizens import CitizensController
from jobcenter.staff.web import admin_only, provide_actor, staff_only


def staff_router() -> Router:
    return Router(
        path="/staff",
        route_handlers=[
            StaffLoginController,
            staff_logout,
            staff_keep_session,
            staff_dashboard,
            StaffAccountsController,
            Router(path="/audit", route_handlers=[AuditController], guards=[admin_only]),
            FollowUpCallsController,
            CitizensController,
            RosterController,
            ProgramAdminController,
            SessionAdminController,
            AttendanceController,
            CompanyAdminController,
            PostingAdminController,
            ReferralAdminController,
            JobRequestAdminController,
            CounsellingAdminController,
            StaffCalendarController,
            HelpRequestController,
            Router(path="/kiosks", route_handlers=[KioskAdminController], guards=[admin_only]),
            FailedMessagesController,
            NewsController,
        ],
        guards=[staff_only],
        before_request=forget_citizen,
        dependencies={"actor": Provide(provide_actor, sync_to_thread=False)},
    )
