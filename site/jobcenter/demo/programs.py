"""The Gimpo City Job Center's program catalog, as the center would publish it (demo content).

Dates are relative to the day the content is loaded, so every status shows: some cohorts take
applications now, some open soon, some have closed and some have finished.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from jobcenter.catalog.tables import WEEKDAYS_RULE

CLASSROOM = "김포시일자리센터 교육장 (고용복지플러스센터 3층)"
COUNSELLING_ROOM = "김포시일자리센터 상담실 (고용복지플러스센터 2층)"
LARGE_HALL = "고용복지플러스센터 대회의실 (4층)"
COUNSELLING_NOTE = "매주 수요일 1회 90분, 3회 (시간 개별 조율)"


@dataclass(frozen=True)
class Window:
    """An application window relative to load day: (day offset, hour) for opening and closing."""

    opens: tuple[int, int]
    closes: tuple[int, int]


OPEN = Window(opens=(-5, 9), closes=(7, 18))
OPENS_SOON = Window(opens=(3, 9), closes=(17, 18))
CLOSED = Window(opens=(-20, 9), closes=(-2, 18))
FINISHED = Window(opens=(-60, 9), closes=(-40, 18))


@dataclass(frozen=True)
class DemoCohort:
    """`sessions` days the `rule` gives, the first on or after `first_day` (days from load day)."""

    label: str
    window: Window
    first_day: int
    sessions: int
    start: time
    end: time
    schedule_note: str
    place: str
    capacity: int
    rule: str = WEEKDAYS_RULE


@dataclass(frozen=True)
class DemoSeries:
    """A series of one-day cohorts from `first_day` (days from load day) on the days `rule` gives."""

    rule: str
    first_day: int
    start: time
    end: time
    place: str
    capacity: int


@dataclass(frozen=True)
class DemoProgram:
    title: str
    audience: str
    category: str
    summary: str
    description: str
    eligibility: str
    min_age: int | None = None
    max_age: int | None = None
    fee_won: int = 0
    completion_percent: int = 80
    cohorts: list[DemoCohort] = field(default_factory=list)
    series: DemoSeries | None = None


PROGRAMS: list[DemoProgram] = [
    DemoProgram(
        title="청년 뉴딜 프로그램",
        audience="youth",
        category="job_support",
        summary="진로 탐색부터 이력서·자기소개서, 모의면접까지 취업 준비를 한 번에 돕는 청년 집중 과정입니다.",
        description=(
            "직업 선호도 검사로 나에게 맞는 직무를 찾고, 관내 기업의 채용 정보를 바탕으로 지원 전략을 세웁니다.\n\n"
            "이력서·자기소개서 1:1 첨삭과 현직자 모의면접을 거쳐 수료 후에도 전담 상담사가 취업까지 함께합니다."
        ),
        eligibility="김포시에 거주하는 만 18~39세 미취업 청년",
        min_age=18,
        max_age=39,
        cohorts=[
            DemoCohort("2기", FINISHED, -35, 5, time(10), time(16), "월~금", CLASSROOM, 20),
            DemoCohort("3기", OPEN, 14, 5, time(10), time(16), "월~금", CLASSROOM, 20),
        ],
    ),
    DemoProgram(
        title="청년 잡(job)담(談) 프로그램",
        audience="youth",
        category="job_support",
        summary="같은 고민을 가진 청년들이 모여 직무 이야기를 나누고 현직 선배를 만나는 소그룹 프로그램입니다.",
        description=(
            "IT, 제조, 물류, 사무 등 관심 직무별로 소그룹을 만들어 매주 한 번 모입니다.\n\n"
            "관내 기업 현직자 멘토링과 기업 탐방이 함께 진행되며, 참여자에게는 활동 수료증을 드립니다."
        ),
        eligibility="만 18~39세 청년 구직자 누구나",
        min_age=18,
        max_age=39,
        cohorts=[DemoCohort("5기", OPENS_SOON, 24, 4, time(14), time(17), "매주 목요일 (4회)", CLASSROOM, 15, "FREQ=WEEKLY;BYDAY=TH")],
    ),
    DemoProgram(
        title="청년 타겟형 취업 컨설팅",
        audience="youth",
        category="consulting",
        summary="희망 기업과 직무를 정해 두고 서류부터 면접까지 맞춤 전략을 세우는 1:1 컨설팅입니다.",
        description=(
            "지원하려는 기업의 인재상과 채용 절차를 분석해 나만의 지원 전략을 만듭니다.\n\n"
            "1회 90분씩 3회 상담으로 진행되며, 상담 일정은 신청 후 담당 직업상담사가 전화로 조율합니다."
        ),
        eligibility="구체적인 희망 기업이나 직무가 있는 만 18~39세 청년",
        min_age=18,
        max_age=39,
        cohorts=[
            DemoCohort("이번 달 과정", OPEN, 10, 3, time(10), time(17), COUNSELLING_NOTE, COUNSELLING_ROOM, 12, "FREQ=WEEKLY;BYDAY=WE"),
            DemoCohort("다음 달 과정", OPENS_SOON, 40, 3, time(10), time(17), COUNSELLING_NOTE, COUNSELLING_ROOM, 12, "FREQ=WEEKLY;BYDAY=WE"),
        ],
    ),
    DemoProgram(
        title="경비신임교육",
        audience="middle_aged",
        completion_percent=100,
        category="training",
        summary="아파트·건물 경비원으로 일하려면 꼭 받아야 하는 법정 신임교육(24시간)을 무료로 들을 수 있습니다.",
        description=(
            "경비업법에 따른 일반경비원 신임교육 과정으로, 수료하면 이수증이 발급되어 바로 취업할 수 있습니다.\n\n"
            "교육을 마친 뒤에는 센터가 관내 공동주택·시설관리 업체의 구인 정보를 연결해 드립니다."
        ),
        eligibility="김포시에 거주하는 만 40세 이상 구직자 (경비업법상 결격사유가 없는 분)",
        min_age=40,
        cohorts=[
            DemoCohort("제7기", CLOSED, 3, 3, time(9), time(18), "3일간 하루 8시간", LARGE_HALL, 30),
            DemoCohort("제8기", OPEN, 21, 3, time(9), time(18), "3일간 하루 8시간", LARGE_HALL, 30),
        ],
    ),
    DemoProgram(
        title="청소전문교육",
        audience="senior",
        category="training",
        summary="건물·사무실 청소 일자리에 필요한 장비 사용법과 안전수칙을 실습으로 배우는 어르신 과정입니다.",
        description=(
            "바닥 세정기와 청소 약품을 안전하게 다루는 방법, 작업 자세와 안전수칙을 실습 위주로 익힙니다.\n\n"
            "수료 후 관내 건물관리 업체와의 면접을 연계해 드립니다. 편한 복장으로 오세요."
        ),
        eligibility="만 60세 이상 김포시민",
        min_age=60,
        cohorts=[
            DemoCohort("3기", FINISHED, -30, 4, time(10), time(15), "월~목", CLASSROOM, 20, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH"),
            DemoCohort("4기", OPENS_SOON, 26, 4, time(10), time(15), "월~목", CLASSROOM, 20, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH"),
        ],
    ),
    DemoProgram(
        title="맞춤형 취업특강",
        audience="all",
        category="lecture",
        summary="매달 한 번, 구직 기간을 줄이고 직장 적응을 돕는 주제로 열리는 특강입니다.",
        description=(
            "면접 준비, 직장 내 의사소통, 근로계약과 노동법 기초 등 구직자가 가장 많이 묻는 주제를 다룹니다.\n\n"
            "누구나 들을 수 있으며, 특강이 끝난 뒤 희망자는 직업상담사와 개별 상담을 할 수 있습니다."
        ),
        eligibility="구직 중인 시민 누구나",
        cohorts=[
            DemoCohort("지난달 특강: 면접, 이렇게 준비하세요", FINISHED, -25, 1, time(14), time(16), "", LARGE_HALL, 50),
            DemoCohort("이번 달 특강: 첫 출근 전에 알아야 할 근로계약", OPEN, 12, 1, time(14), time(16), "", LARGE_HALL, 50),
            DemoCohort("다음 달 특강: 오래 다니는 직장의 비결", OPENS_SOON, 42, 1, time(14), time(16), "", LARGE_HALL, 50),
        ],
        series=DemoSeries("FREQ=MONTHLY;BYDAY=2TH", 50, time(14), time(16), LARGE_HALL, 50),
    ),
    DemoProgram(
        title="취업상담",
        audience="all",
        category="consulting",
        summary="직업상담사와 1:1로 만나 구직 계획을 세우고 맞는 일자리를 함께 찾습니다.",
        description=(
            "경력과 희망 조건을 바탕으로 일자리를 추천하고, 필요하면 교육 과정과 채용 행사를 안내해 드립니다.\n\n"
            "상담은 약 50분이며, 방문이 어려우면 전화 상담도 가능합니다."
        ),
        eligibility="일자리를 찾는 시민 누구나",
        cohorts=[DemoCohort("이번 달 상담 예약", OPEN, 1, 20, time(9, 30), time(17, 30), "평일, 1회 50분", COUNSELLING_ROOM, 60)],
    ),
    DemoProgram(
        title="중장년 재취업 이력서·면접 클리닉",
        audience="middle_aged",
        category="job_support",
        summary="오랜 경력을 새 직장에 맞게 정리하는 이력서 작성과 중장년 면접 대비 과정입니다.",
        description=(
            "경력 기술서를 직무 중심으로 다시 쓰고, 중장년 채용 면접에서 자주 나오는 질문에 답하는 연습을 합니다.\n\n"
            "워크넷 구직 등록과 온라인 지원 방법도 함께 안내합니다."
        ),
        eligibility="만 40~64세 구직자",
        min_age=40,
        max_age=64,
        cohorts=[DemoCohort("이번 과정", CLOSED, 4, 2, time(13), time(17), "이틀 과정", CLASSROOM, 20)],
    ),
    DemoProgram(
        title="어르신 디지털 일자리 기초교육",
        audience="senior",
        category="training",
        summary="스마트폰으로 일자리를 찾고, 지원하고, 출퇴근 기록 앱을 쓰는 방법을 천천히 배웁니다.",
        description=(
            "큰 글씨 교재와 보조 강사가 함께하는 소규모 수업입니다.\n\n"
            "본인 스마트폰을 가져오시면 필요한 앱을 함께 설치해 드립니다."
        ),
        eligibility="만 60세 이상 시민",
        min_age=60,
        cohorts=[DemoCohort("오전반", OPEN, 15, 10, time(10), time(12), "매주 화·목", CLASSROOM, 15, "FREQ=WEEKLY;BYDAY=TU,TH")],
    ),
    DemoProgram(
        title="중장년 인생 2막 설계 과정",
        audience="middle_aged",
        category="job_support",
        summary="퇴직 전후 중장년이 경력을 돌아보고 재취업·창업·귀농 등 다음 일을 설계하는 과정입니다.",
        description=(
            "생애 경력 설계 워크숍과 재무 설계 특강, 분야별 선배 사례 나눔으로 구성됩니다.\n\n"
            "과정을 마치면 개인별 경력 설계서를 바탕으로 후속 상담을 이어 갑니다."
        ),
        eligibility="만 50~64세 퇴직(예정)자",
        min_age=50,
        max_age=64,
        cohorts=[DemoCohort("1기", OPENS_SOON, 30, 3, time(10), time(16), "3일 과정", CLASSROOM, 25)],
    ),
    DemoProgram(
        title="청년 면접 이미지 메이킹",
        audience="youth",
        category="job_support",
        summary="면접 복장과 태도, 말하기를 촬영 피드백으로 점검하는 하루 과정입니다.",
        description="모의면접 장면을 촬영해 함께 보며 말투와 자세를 다듬습니다. 참여자에게 면접 사진 촬영을 지원합니다.",
        eligibility="만 18~39세 청년 구직자",
        min_age=18,
        max_age=39,
        cohorts=[DemoCohort("가을 과정", FINISHED, -33, 1, time(13), time(18), "", CLASSROOM, 16)],
    ),
]
