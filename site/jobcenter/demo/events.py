"""The Gimpo City Job Center's event calendar (demo content), as in the center's article."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

CENTER = "김포시일자리센터 (고용복지플러스센터)"
CENTER_ADDRESS = "경기도 김포시 김포한강4로 125 (장기동)"


@dataclass(frozen=True)
class DemoSeries:
    category: str
    title: str
    summary: str
    rrule: str
    start: time
    end: time
    place: str
    address: str = ""
    area: str = ""
    who_should_come: str = ""
    what_to_bring: str = ""
    description: str = ""
    days: int = 1
    skip_holidays: bool = False
    capacity: int | None = None
    companies: list[tuple[str, str, int]] = field(default_factory=list)


SERIES: list[DemoSeries] = [
    DemoSeries(
        category="job_fair",
        title="김포시 채용박람회",
        summary="관내 유망기업 20여 곳이 참여해 현장에서 면접을 보는 대규모 채용행사입니다.",
        rrule="FREQ=YEARLY;BYMONTH=4,10;BYDAY=3TH",
        start=time(10), end=time(16), days=2,
        place="김포아트빌리지 야외광장", address="경기도 김포시 운양동 1-1",
        who_should_come="일자리를 찾는 시민 누구나",
        what_to_bring="이력서 여러 부, 신분증",
        description="현장 면접, 이력서 사진 촬영, 취업 상담 부스가 함께 운영됩니다.\n\n사전 등록하면 원하는 기업의 면접 시간을 먼저 잡을 수 있습니다.",
        capacity=200,
        companies=[("(주)한강물류", "물류 관리, 지게차 운전", 8), ("김포정밀(주)", "생산직, 품질 검사", 12), ("대곶식품", "식품 포장, 사무 보조", 5)],
    ),
    DemoSeries(
        category="hiring_day",
        title="구인·구직 만남의 날",
        summary="매달 관내 기업 5곳 안팎이 센터에서 구직자를 직접 만나 면접을 봅니다.",
        rrule="FREQ=MONTHLY;BYDAY=3WE",
        start=time(14), end=time(16), place=CENTER, address=CENTER_ADDRESS,
        who_should_come="구직 중인 시민 누구나",
        what_to_bring="이력서, 신분증",
        companies=[("양촌산업(주)", "생산직", 3), ("김포요양원", "요양보호사", 2), ("장기동 마트", "계산원, 진열", 4)],
    ),
    DemoSeries(
        category="standing_interview",
        title="상설면접",
        summary="채용 수요가 많은 기업의 면접을 센터에서 수시로 진행합니다.",
        rrule="FREQ=WEEKLY;BYDAY=TU",
        start=time(10), end=time(12), place=CENTER, address=CENTER_ADDRESS,
        what_to_bring="이력서", skip_holidays=True,
    ),
    DemoSeries(
        category="accompanied_interview",
        title="동행면접 신청 상담",
        summary="면접이 어려운 구직자와 직업상담사가 함께 면접에 가는 서비스입니다. 상담으로 신청하세요.",
        rrule="FREQ=WEEKLY;BYDAY=TH",
        start=time(14), end=time(17), place="김포시일자리센터 상담실", address=CENTER_ADDRESS,
        skip_holidays=True, capacity=4,
    ),
    DemoSeries(
        category="job_bus",
        title="찾아가는 일자리 버스 (대곶면)",
        summary="버스 안에서 그 지역 기업 면접과 취업 상담을 합니다.",
        rrule="FREQ=MONTHLY;BYDAY=2TU",
        start=time(10), end=time(15), place="대곶면 행정복지센터 앞",
        area="대곶면·하성면", who_should_come="센터까지 오기 어려운 지역의 구직자",
        what_to_bring="이력서 (현장에서 작성 도움)", capacity=12,
    ),
    DemoSeries(
        category="job_bus",
        title="찾아가는 일자리 버스 (월곶면)",
        summary="버스 안에서 그 지역 기업 면접과 취업 상담을 합니다.",
        rrule="FREQ=MONTHLY;BYDAY=4TU",
        start=time(10), end=time(15), place="월곶면 행정복지센터 앞",
        area="월곶면·통진읍", who_should_come="센터까지 오기 어려운 지역의 구직자",
        what_to_bring="이력서 (현장에서 작성 도움)", capacity=12,
    ),
    DemoSeries(
        category="campus",
        title="캠퍼스 취업상담 (김포대학교)",
        summary="직업상담사가 격주로 김포대학교에 가서 1:1 취업 상담을 합니다.",
        rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
        start=time(13), end=time(17), place="김포대학교 학생회관 2층",
        who_should_come="김포대학교 재학생·졸업생", skip_holidays=True,
    ),
    DemoSeries(
        category="campus",
        title="캠퍼스 취업상담 (김포제일공업고등학교)",
        summary="매주 수요일 직업상담사가 학교에서 취업 상담을 합니다.",
        rrule="FREQ=WEEKLY;BYDAY=WE",
        start=time(13), end=time(16), place="김포제일공업고등학교 진로상담실",
        who_should_come="3학년 학생", skip_holidays=True,
    ),
]
