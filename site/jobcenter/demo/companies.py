"""The company directory's demo content: forty made-up companies across Gimpo's districts, each with
the conditions a counsellor found on a visit (names are invented; the mix of industries and
conditions is the city's: factories and warehouses in the 읍·면, services and care in the 동)."""

from __future__ import annotations

from dataclasses import dataclass

SENIORS, YOUTH, DISABLED, FOREIGN = "seniors", "youth", "disabled", "foreign"


@dataclass(frozen=True)
class DemoCompany:
    name: str
    district: str
    industry: str
    products: str
    employees: int
    hours: str
    shifts: str
    wage: tuple[int, int]
    """The monthly wage range in 만원."""
    bus: bool
    parking: bool
    stop_minutes: int
    meals: str
    dormitory: bool
    hires: tuple[str, ...]
    visited_days_ago: int


DISTRICT_CENTERS = {
    "통진읍": (37.6930, 126.5990), "고촌읍": (37.6010, 126.7700), "양촌읍": (37.6470, 126.6250), "대곶면": (37.6450, 126.5560),
    "월곶면": (37.7170, 126.5570), "하성면": (37.7240, 126.6280), "김포본동": (37.6230, 126.7140), "장기본동": (37.6420, 126.6700),
    "사우동": (37.6180, 126.7200), "풍무동": (37.6040, 126.7270), "장기동": (37.6410, 126.6660), "구래동": (37.6450, 126.6280),
    "마산동": (37.6390, 126.6450), "운양동": (37.6540, 126.6830),
}
"""Roughly the middle of each district: the demo's pins stand around it."""
UNPINNED_EVERY = 10
"""Every tenth demo company has no pin yet: it is listed, not on the map."""


def demo_pin(number: int, district: str) -> tuple[float | None, float | None]:
    """A made-up place for the demo's company `number` near its district's middle (a few hundred
    metres off, the same on every load), or none for every tenth."""
    if number % UNPINNED_EVERY == UNPINNED_EVERY - 1:
        return None, None
    latitude, longitude = DISTRICT_CENTERS[district]
    return round(latitude + ((number * 37) % 11 - 5) * 0.0015, 6), round(longitude + ((number * 53) % 13 - 6) * 0.0018, 6)


C = DemoCompany
DAY = "08:30~17:30"
FIXED = "주간 고정"
TWO = "2교대"
LUNCH = "중식 제공"
BOTH = "중식·석식 제공"

COMPANIES: list[DemoCompany] = [
    C("한강정밀", "통진읍", "manufacturing", "자동차 부품 절삭 가공", 45,
        DAY, FIXED, (250, 290), True, True, 12, LUNCH, False, (SENIORS, FOREIGN), 20),
    C("통진식품", "통진읍", "food", "김치·반찬 제조", 60, "07:00~16:00", FIXED, (230, 250), True, True, 8, BOTH, False, (SENIORS,), 35),
    C("마송물류센터", "통진읍", "logistics", "택배 분류·상하차", 120,
        "22:00~07:00", "야간 고정", (300, 340), True, True, 15, BOTH, True, (YOUTH, FOREIGN), 12),
    C("서해금속", "통진읍", "manufacturing", "금속 프레스 부품", 38, DAY, TWO, (270, 320), False, True, 20, LUNCH, True, (FOREIGN,), 60),
    C("고촌물산", "고촌읍", "retail", "식자재 도매 유통", 25, "06:00~15:00", FIXED, (240, 260), False, True, 5, LUNCH, False, (SENIORS,), 18),
    C("아라뱃길물류", "고촌읍", "logistics", "온라인 쇼핑몰 물류 (피킹·포장)", 150,
        "09:00~18:00", FIXED, (230, 250), True, True, 10, LUNCH, False, (SENIORS, YOUTH, DISABLED), 9),
    C("고촌케어센터", "고촌읍", "care", "주야간 노인 보호", 30, "08:00~17:00", FIXED, (220, 240), False, True, 3, LUNCH, False, (SENIORS,), 40),
    C("신곡테크", "고촌읍", "manufacturing", "전자 부품 조립", 55, DAY, FIXED, (230, 260), True, True, 7, LUNCH, False, (DISABLED, YOUTH), 27),
    C("양촌플라스틱", "양촌읍", "manufacturing", "플라스틱 사출 성형", 80,
        "08:00~20:00", TWO, (280, 330), True, True, 18, BOTH, True, (FOREIGN,), 15),
    C("학운산단포장", "양촌읍", "manufacturing", "골판지 상자 제조", 42,
        DAY, FIXED, (240, 270), True, True, 10, LUNCH, False, (SENIORS, FOREIGN), 50),
    C("양곡식품", "양촌읍", "food", "떡·한과 제조", 22, "06:00~15:00", FIXED, (220, 240), False, True, 6, LUNCH, False, (SENIORS,), 33),
    C("김포에코텍", "양촌읍", "manufacturing", "재활용 원료 선별", 35, DAY, FIXED, (250, 280), True, True, 25, BOTH, False, (SENIORS, DISABLED), 70),
    C("대곶기계", "대곶면", "manufacturing", "산업용 기계 조립", 28, DAY, FIXED, (270, 310), False, True, 30, LUNCH, True, (FOREIGN,), 22),
    C("대명항수산", "대곶면", "food", "수산물 손질·포장", 18, "05:00~14:00", FIXED, (230, 260), False, True, 4, LUNCH, False, (SENIORS,), 45),
    C("약암가구", "대곶면", "manufacturing", "원목 가구 제작", 15, DAY, FIXED, (250, 290), False, True, 20, LUNCH, False, (SENIORS, YOUTH), 80),
    C("월곶농원", "월곶면", "agriculture", "화훼·묘목 재배", 12, "08:00~17:00", FIXED, (210, 230), False, True, 15, LUNCH, False, (SENIORS,), 25),
    C("문수산레미콘", "월곶면", "construction", "레미콘 생산·운송", 30, "07:00~16:00", FIXED, (320, 380), False, True, 20, LUNCH, False, (), 55),
    C("애기봉전자", "월곶면", "manufacturing", "전선·케이블 가공", 40, DAY, FIXED, (240, 270), True, True, 12, LUNCH, True, (FOREIGN, DISABLED), 38),
    C("하성쌀농협가공", "하성면", "food", "쌀 도정·포장 (김포금쌀)", 35,
        "08:00~17:00", FIXED, (230, 260), False, True, 5, LUNCH, False, (SENIORS,), 14),
    C("전류리정공", "하성면", "manufacturing", "금형 부품 가공", 26, DAY, FIXED, (260, 300), True, True, 22, LUNCH, False, (YOUTH,), 65),
    C("하성요양원", "하성면", "care", "노인 요양 시설", 45, "07:00~19:00", "3교대", (230, 270), False, True, 10, BOTH, False, (SENIORS,), 30),
    C("북변상회", "김포본동", "retail", "전통시장 식자재 판매", 8, "09:00~19:00", FIXED, (210, 230), False, False, 2, LUNCH, False, (SENIORS,), 16),
    C("김포시설관리", "김포본동", "services", "건물 청소·시설 관리", 70,
        "06:00~15:00", FIXED, (215, 235), False, True, 3, LUNCH, False, (SENIORS, DISABLED), 11),
    C("중봉인쇄", "김포본동", "manufacturing", "인쇄·제본", 14, DAY, FIXED, (230, 260), False, True, 5, LUNCH, False, (DISABLED,), 75),
    C("장기본동돌봄센터", "장기본동", "care", "방문 요양·돌봄", 40, "09:00~18:00", FIXED, (210, 240), False, False, 4, "", False, (SENIORS,), 19),
    C("한강신도시관리", "장기본동", "services", "아파트 경비·미화", 90,
        "07:00~07:00 (격일)", "격일 근무", (220, 250), False, True, 2, LUNCH, False, (SENIORS,), 8),
    C("사우베이커리", "사우동", "food", "제과·제빵", 20, "06:00~15:00", FIXED, (220, 250), False, False, 3, LUNCH, False, (YOUTH,), 28),
    C("김포시청앞마트", "사우동", "retail", "마트 계산·진열", 35,
        "09:00~18:00 / 13:00~22:00", TWO, (210, 230), False, True, 1, LUNCH, False, (SENIORS, YOUTH, DISABLED), 21),
    C("사우세무회계", "사우동", "services", "세무·회계 사무", 12, "09:00~18:00", FIXED, (250, 300), False, True, 2, "", False, (YOUTH,), 90),
    C("풍무스마트팩토리", "풍무동", "manufacturing", "의료기기 부품 조립", 65,
        DAY, FIXED, (250, 290), True, True, 8, BOTH, False, (YOUTH, DISABLED), 13),
    C("풍무주차관리", "풍무동", "services", "주차장 관리", 18, "07:00~19:00", TWO, (210, 230), False, True, 2, "", False, (SENIORS,), 42),
    C("장기동어린이집연합", "장기동", "care", "보육 보조", 25, "09:00~16:00", FIXED, (200, 220), False, False, 3, LUNCH, False, (SENIORS, YOUTH), 24),
    C("한강로지스", "장기동", "logistics", "새벽 배송 센터", 110, "00:00~08:00", "야간 고정", (310, 350), True, True, 12, BOTH, False, (YOUTH,), 17),
    C("구래상가관리", "구래동", "services", "상가 미화·보안", 30, "06:00~15:00", FIXED, (215, 235), False, True, 2, LUNCH, False, (SENIORS,), 36),
    C("구래전자서비스", "구래동", "services", "가전 수리 접수·배송", 22,
        "09:00~18:00", FIXED, (240, 280), False, True, 5, LUNCH, False, (YOUTH,), 48),
    C("마산동반찬가게", "마산동", "food", "반찬 조리·판매", 10, "07:00~16:00", FIXED, (210, 230), False, False, 3, LUNCH, False, (SENIORS,), 23),
    C("마산드림건설", "마산동", "construction", "실내 인테리어 시공", 16, "08:00~17:00", FIXED, (280, 340), False, True, 10, LUNCH, False, (), 85),
    C("운양헬스케어", "운양동", "care", "재활 병원 간호 보조", 50,
        "07:00~15:00 / 15:00~23:00", TWO, (230, 270), False, True, 4, BOTH, False, (SENIORS, YOUTH), 10),
    C("운양북카페", "운양동", "retail", "도서·카페 운영", 9, "10:00~19:00", FIXED, (210, 230), False, False, 2, "", False, (DISABLED, YOUTH), 31),
    C("김포한강물류", "운양동", "logistics", "생활용품 창고 입출고", 75,
        DAY, FIXED, (240, 270), True, True, 14, LUNCH, False, (SENIORS, DISABLED), 26),
]


@dataclass(frozen=True)
class DemoPosting:
    company: str
    position: str
    employment_type: str
    wage: tuple[str, int]
    """("hourly", won) or ("monthly", won)."""
    hours: str
    duties: str
    welcomes: tuple[str, ...]
    deadline_days: int
    """Days from load day to the deadline (negative: closed already)."""


P = DemoPosting
MONTH, HOUR = "monthly", "hourly"

POSTINGS: list[DemoPosting] = [
    P("아라뱃길물류", "물류센터 포장 사원", "full_time", (MONTH, 2_300_000), "09:00~18:00", "주문 상품 피킹·포장, 송장 부착", (SENIORS,), 12),
    P("아라뱃길물류", "물류센터 입고 검수", "contract", (MONTH, 2_450_000), "09:00~18:00", "입고 상품 수량·파손 확인, 바코드 등록", (), 2),
    P("한강신도시관리", "아파트 경비원", "contract", (MONTH, 2_200_000),
       "07:00~07:00 (격일)", "단지 순찰, 출입 관리, 택배 보관 (경비신임교육 이수자)", (SENIORS,), 20),
    P("김포시설관리", "건물 미화원", "part_time", (HOUR, 10_500), "06:00~10:00", "사무동 계단·화장실 청소", (SENIORS, DISABLED), 9),
    P("통진식품", "반찬 조리 보조", "full_time", (MONTH, 2_250_000), "07:00~16:00", "채소 손질, 반찬 포장", (SENIORS,), 15),
    P("한강정밀", "CNC 가공 보조", "full_time", (MONTH, 2_600_000), "08:30~17:30", "가공품 적재, 치수 측정 (교육 후 배치)", (YOUTH,), 18),
    P("풍무스마트팩토리", "의료기기 조립원", "full_time", (MONTH, 2_500_000), "08:30~17:30", "소형 부품 조립, 외관 검사", (YOUTH, DISABLED), 25),
    P("마송물류센터", "야간 택배 분류", "full_time", (MONTH, 3_100_000), "22:00~07:00", "컨베이어 분류, 상하차 보조", (YOUTH,), 7),
    P("고촌케어센터", "요양보호사", "full_time", (MONTH, 2_350_000), "08:00~17:00", "어르신 식사·이동 도움, 프로그램 보조 (자격증 필요)", (SENIORS,), 30),
    P("운양헬스케어", "간호 보조", "contract", (MONTH, 2_400_000), "07:00~15:00 / 15:00~23:00", "병동 환자 이동, 물품 정리", (SENIORS, YOUTH), 1),
    P("김포시청앞마트", "계산원", "part_time", (HOUR, 10_800), "13:00~22:00", "계산, 진열 보조", (SENIORS, YOUTH, DISABLED), 10),
    P("사우베이커리", "제빵 보조", "full_time", (MONTH, 2_250_000), "06:00~15:00", "반죽 보조, 포장, 매장 정리", (YOUTH,), 14),
    P("하성쌀농협가공", "쌀 포장원", "contract", (MONTH, 2_300_000), "08:00~17:00", "도정된 쌀 포장, 출고 준비", (SENIORS,), 21),
    P("월곶농원", "화훼 재배 보조", "daily", (HOUR, 11_000), "08:00~17:00", "모종 옮겨심기, 물 주기 (봄·가을 집중)", (SENIORS,), 6),
    P("양촌플라스틱", "사출 생산직", "full_time", (MONTH, 2_900_000), "08:00~20:00 (2교대)", "사출기 운전 보조, 제품 검사", (), 16),
    P("구래상가관리", "상가 보안원", "contract", (MONTH, 2_250_000), "06:00~15:00", "상가 순찰, 주차 안내", (SENIORS,), 11),
    P("장기본동돌봄센터", "방문 돌봄 요원", "part_time", (HOUR, 11_500), "09:00~13:00", "어르신 댁 방문 가사·말벗", (SENIORS,), 24),
    P("한강로지스", "새벽 배송 분류", "part_time", (HOUR, 12_500), "00:00~06:00", "배송지별 분류, 적재", (YOUTH,), 5),
    P("김포한강물류", "창고 관리원", "full_time", (MONTH, 2_500_000), "08:30~17:30", "재고 점검, 지게차 보조 (면허 우대)", (SENIORS, DISABLED), 19),
    P("운양북카페", "카페 매장 직원", "part_time", (HOUR, 10_400), "10:00~15:00", "음료 제조, 도서 정리", (DISABLED, YOUTH), -3),
]
