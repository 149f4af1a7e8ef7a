"""The Piccolo app: every table of the site and the migrations folder at the top of the checkout."""

from piccolo.conf.apps import AppConfig

from jobcenter.accounts.tables import Citizen, PasswordReset, PhoneCode, WebSession
from jobcenter.audit.tables import AuditEntry
from jobcenter.catalog.tables import Cohort, CohortSeries, CohortSession, Program, ProgramTerm, SessionAttendance
from jobcenter.companies.tables import Company, CompanyVisit, JobRequest, Posting, Referral
from jobcenter.counselling.tables import Availability, Booking, CounsellingPlace, CounsellingRecord, Counsellor, Leave
from jobcenter.events.tables import EventCompany, EventOccurrence, EventSeries
from jobcenter.kiosk.tables import HelpRequest, Kiosk, KioskSession
from jobcenter.limits.tables import RateEvent
from jobcenter.notifications.tables import OutboxMessage
from jobcenter.placements.tables import FollowUpCall, Placement
from jobcenter.schedule.tables import Closure
from jobcenter.settings import PROJECT_ROOT
from jobcenter.signups.tables import Application, Draw, OpeningAlert, SeatPool, Ticket
from jobcenter.staff.tables import StaffMember, StaffSession
from jobcenter.web.tables import ReadinessProbe

APP_CONFIG = AppConfig(
    app_name="jobcenter",
    migrations_folder_path=str(PROJECT_ROOT / "migrations"),
    table_classes=[
        Citizen,
        WebSession,
        RateEvent,
        PasswordReset,
        PhoneCode,
        SeatPool,
        Application,
        OpeningAlert,
        Draw,
        Ticket,
        Program,
        CohortSeries,
        Cohort,
        CohortSession,
        SessionAttendance,
        ProgramTerm,
        OutboxMessage,
        EventSeries,
        EventOccurrence,
        EventCompany,
        Company,
        CompanyVisit,
        Posting,
        Referral,
        JobRequest,
        Closure,
        CounsellingPlace,
        Counsellor,
        Availability,
        Leave,
        Booking,
        CounsellingRecord,
        StaffMember,
        StaffSession,
        AuditEntry,
        Placement,
        FollowUpCall,
        KioskSession,
        HelpRequest,
        Kiosk,
        ReadinessProbe,
    ],
    migration_dependencies=[],
    commands=[],
)
