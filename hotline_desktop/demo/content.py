"""Realistic Chinese demo calls for the 12351 hotline, fast enough for a million of them.

Faker builds the pools of names and company names once; every call after that is plain
``random.Random`` choices and f-strings, because the demo loader generates 1,000,000 calls
and Faker costs tens of microseconds per value.

Callers and employers recur on purpose: the "多" (repeated) risk rule, the caller history
panel and the per-employer statistics have nothing to show on data where everyone calls once.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from typing import Generic, TypeVar

import chinese_calendar
from faker import Faker

from hotline_desktop.domain.vocabulary import CallKind, Channel, UnitKind, Urgency
from hotline_desktop.reference_data import load_employment_forms, load_org_units


@dataclass(frozen=True, slots=True)
class DemoCall:
    received_at: datetime
    phone: str
    caller_name: str
    kind: CallKind
    channel: Channel
    category_code: str
    employment_form_code: str
    industry_code: str
    region_code: str
    employer_name: str
    headcount: int
    amount: Decimal | None
    description: str
    urgency: Urgency
    answer: str
    becomes_ticket: bool


MIN_DESCRIPTION = 60
MAX_DESCRIPTION = 220

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """Everyday Chinese numeral for 0 <= n < 10000: 13 -> 十三, 105 -> 一百零五."""
    if not 0 <= n < 10000:
        raise ValueError(f"chinese_numeral covers 0..9999, not {n}")
    if n < 10:
        return _DIGITS[n]
    parts: list[str] = []
    pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if pending_zero:
                parts.append("零")
            parts.append(_DIGITS[digit] + unit)
            pending_zero = False
        elif parts:
            pending_zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


_CN = tuple(chinese_numeral(n) for n in range(1000))

# Share of the calls from repeat callers, and how strongly the pool favours its first members
# (index = size * random() ** exponent): a few people call dozens of times, most once or twice.
_REPEAT_SHARE = 0.6
_REPEAT_EXPONENT = 1.5
# Zipf-Mandelbrot weights 1 / (rank + offset) ** power: a heavy tail of employers named again and
# again, without one company swallowing a whole sector.
_EMPLOYER_OFFSET = 20
_EMPLOYER_POWER = 0.9
_RISK_SHARE = 0.017  # of requests, so that about 1 % of all calls carry a risk word

# Hotline traffic by hour of day; the line is staffed in office hours, calls outside are rare.
_HOUR_WEIGHTS = {
    7: 0.1,
    8: 0.6,
    9: 1.0,
    10: 1.0,
    11: 0.9,
    12: 0.45,
    13: 0.5,
    14: 0.9,
    15: 1.0,
    16: 0.95,
    17: 0.7,
    18: 0.3,
    19: 0.2,
    20: 0.15,
    21: 0.08,
    22: 0.02,
}
_NON_WORKDAY_FACTOR = 0.3

# (value, weight); the source reports 30,957 calls and 26,307 tickets, about 85 %.
_KINDS = (
    (CallKind.REQUEST, 0.58),
    (CallKind.CONSULTATION, 0.32),
    (CallKind.SUGGESTION, 0.04),
    (CallKind.PRAISE, 0.03),
    (CallKind.INVALID, 0.03),
)
# Consultations answered on the call do not become tickets; this share brings the total to 85 %.
_CONSULTATION_ANSWERED = 0.375
_CHANNELS = (
    (Channel.PHONE, 0.88),
    (Channel.ONLINE, 0.06),
    (Channel.NATIONAL, 0.03),
    (Channel.WALK_IN, 0.02),
    (Channel.LETTER, 0.01),
)

# 2020 census population in 10,000s; Xi'an draws more than its share as the jobs centre.
_REGION_WEIGHTS = {
    "xa": 1295 * 1.5,
    "baoji": 332,
    "xianyang": 396,
    "tongchuan": 70,
    "weinan": 469,
    "yanan": 228,
    "yulin": 362,
    "hanzhong": 321,
    "ankang": 249,
    "shangluo": 204,
    "yangling": 25,
}
_DEFAULT_REGION_WEIGHT = 250
# Area code and digits of the local number; Xianyang and Yangling share Xi'an's 029 since 2007.
_AREA_CODES = {
    "xa": ("029", 8),
    "xianyang": ("029", 8),
    "yangling": ("029", 8),
    "baoji": ("0917", 7),
    "tongchuan": ("0919", 7),
    "weinan": ("0913", 7),
    "yanan": ("0911", 7),
    "yulin": ("0912", 7),
    "hanzhong": ("0916", 7),
    "ankang": ("0915", 7),
    "shangluo": ("0914", 7),
}
_LANDLINE_SHARE = 0.08
_MOBILE_PREFIXES = tuple(
    str(p)
    for p in (
        *range(130, 140),
        *range(150, 154),
        *range(155, 160),
        *range(180, 190),
        145,
        147,
        166,
        173,
        175,
        176,
        177,
        178,
        191,
        198,
        199,
    )
)

_BRAND_CHARS = (
    "华泰鑫盛恒通达宏远源兴隆瑞祥丰昌安和信诚德汇博创嘉"
    "金润宇辰元正中天佳志成裕福旺鼎伟业景明凯康宁新航云腾峰秦汉"
)
_EMPLOYER_PLACES = ("陕西", "西安", "西安", "西安", "咸阳", "宝鸡", "渭南", "榆林", "汉中", "延安")
_MINING_PLACES = ("陕西", "榆林", "神木", "府谷", "延安", "铜川", "韩城", "彬州")
_FARM_PLACES = ("陕西", "杨凌", "眉县", "周至", "富平", "洛川", "渭南")

# sector: (share of all employers, place prefixes, name endings)
_SECTORS: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = {
    "construction": (
        0.28,
        _EMPLOYER_PLACES,
        (
            "建工集团有限公司",
            "建设工程有限公司",
            "建筑工程有限公司",
            "建筑劳务有限公司",
            "建设集团有限公司",
        ),
    ),
    "manufacturing": (
        0.16,
        _EMPLOYER_PLACES,
        (
            "机械制造有限公司",
            "电子科技有限公司",
            "食品有限公司",
            "汽车零部件有限公司",
            "新材料有限公司",
            "服饰有限公司",
        ),
    ),
    "catering": (0.06, _EMPLOYER_PLACES, ("餐饮管理有限公司", "酒店管理有限公司", "餐饮有限公司")),
    "retail": (0.05, _EMPLOYER_PLACES, ("商贸有限公司", "超市连锁有限公司", "百货有限公司")),
    "property": (0.03, _EMPLOYER_PLACES, ("物业管理有限公司", "物业服务有限公司")),
    "security": (0.02, _EMPLOYER_PLACES, ("保安服务有限公司",)),
    "office": (
        0.1,
        _EMPLOYER_PLACES,
        ("科技有限公司", "信息技术有限公司", "教育科技有限公司", "医药有限公司"),
    ),
    "mining": (0.04, _MINING_PLACES, ("煤业有限公司", "矿业有限公司", "能源化工有限公司")),
    "agriculture": (0.01, _FARM_PLACES, ("农业科技有限公司", "果业专业合作社", "生态农业有限公司")),
    "delivery": (
        0.06,
        _EMPLOYER_PLACES,
        ("配送服务有限公司", "即时配送有限公司", "人力资源有限公司"),
    ),
    "courier": (0.03, _EMPLOYER_PLACES, ("速递有限公司", "快递服务有限公司", "供应链管理有限公司")),
    "ride_hailing": (
        0.03,
        _EMPLOYER_PLACES,
        ("汽车租赁有限公司", "出行科技有限公司", "汽车服务有限公司"),
    ),
    "logistics": (0.03, _EMPLOYER_PLACES, ("物流有限公司", "货运有限公司", "运输有限公司")),
    "media": (0.01, _EMPLOYER_PLACES, ("文化传媒有限公司", "传媒科技有限公司")),
    "domestic": (0.015, _EMPLOYER_PLACES, ("家政服务有限公司", "家庭服务有限公司")),
    "gig": (0.015, _EMPLOYER_PLACES, ("网络科技有限公司", "同城服务有限公司")),
}

_PROJECT_KINDS = (
    "家园项目",
    "花园三期项目",
    "安置房项目",
    "棚户区改造项目",
    "产业园项目",
    "商业综合体项目",
    "学校教学楼项目",
    "医院门诊楼项目",
    "市政道路项目",
)
_CONSTRUCTION_JOBS = (
    ("木工", 30),
    ("钢筋工", 25),
    ("泥瓦工", 12),
    ("架子工", 10),
    ("水电工", 8),
    ("电焊工", 6),
    ("油漆工", 5),
    ("抹灰工", 4),
    ("塔吊司机", 0.5),
)
_PLATFORMS = ("某外卖平台", "某外卖平台", "迅蜂外卖", "小象跑腿")
# (subject opening a clause, me, us, subject of 反映): records are written either in the
# caller's own words or in the agent's third person.
_LEADS_THIRD = (("来电人反映其", "其", "他们", "来电人"), ("来电人称其", "其", "他们", "来电人"))
_LEAD_FIRST = ("我", "我", "我们", "我要")
_DETAILS = (
    "{me}手里有考勤记录、工资条和微信聊天记录等证据。",
    "此前已向当地劳动监察部门反映过，至今没有结果。",
    "{me}曾多次与单位负责人沟通，对方一直推说过几天再处理。",
    "{we}已经向当地人社部门投诉，但迟迟没有处理结果。",
    "目前{me}家中经济十分困难，急需这笔钱。",
    "来电人表示如果协调不成，准备申请劳动仲裁。",
    "对方负责人态度强硬，称“愿意去哪告就去哪告”。",
)
_DETAILS_BY_VOICE = {
    me: tuple(detail.format(me=me, we=we) for detail in _DETAILS)
    for _, me, we, _ in (_LEAD_FIRST, *_LEADS_THIRD)
}
_DETAIL_SHARE = 0.75
_CONSULTATION_CONTEXT = (
    "来电人表示目前还在职，担心被单位打击报复。",
    "来电人表示已经离职，想先了解清楚政策再决定怎么办。",
    "来电人希望热线把相关政策规定发短信告知。",
    "来电人称身边好几个工友都遇到了类似情况。",
    "来电人表示单位人事部门的答复和网上查到的说法不一致。",
)
_CONTEXT_SHARE = 0.5
_CLOSERS = (
    "希望工会帮助协调解决。",
    "请求工会出面帮助维权。",
    "希望12351热线尽快督促解决。",
    "来电人要求尽快给予答复。",
    "来电人已留下联系方式，等待回复。",
    "希望工会能为其主持公道。",
)
_RISK_SENTENCES = (
    "来电人情绪激动，称再不解决就和工友们去拉横幅。",
    "来电人称工友们准备到项目部门口堵路讨说法。",
    "来电人情绪低落，多次说不想活了，甚至提到要跳楼。",
    "来电人扬言如果再拿不到钱就要采取极端方式。",
    "来电人称已有工友在群里商量集体围堵公司大门。",
)
_INJURIES = (
    "左腿骨折",
    "右手三根手指被压伤",
    "腰椎受伤住院",
    "锁骨骨折",
    "头部受伤缝了十几针",
    "脚踝粉碎性骨折",
)
_T = TypeVar("_T")


class _Table(Generic[_T]):
    """Weighted choice by bisection: ``random.choices`` costs several times more per draw."""

    __slots__ = ("values", "cum", "total")

    def __init__(self, pairs: Sequence[tuple[_T, float]]) -> None:
        self.values = tuple(value for value, _ in pairs)
        self.cum = list(accumulate(weight for _, weight in pairs))
        self.total = self.cum[-1]
        # random() * total can round up to total itself; an infinite last bound still catches it.
        self.cum[-1] = float("inf")

    def pick(self, random: Callable[[], float]) -> _T:
        return self.values[bisect_right(self.cum, random() * self.total)]


@dataclass(frozen=True, slots=True)
class _Persona:
    """A kind of caller: what they do, where they work, and what they tend to call about."""

    form: str
    industries: tuple[str, ...]
    sector: str
    jobs: tuple[tuple[str, float], ...]
    wage: tuple[int, int]
    male_share: float
    workplace: str  # said instead of the employer's name when the caller does not give it
    requests: tuple[tuple[str, float], ...]
    consultations: tuple[tuple[str, float], ...]
    platforms: tuple[str, ...] = ("某平台",)
    trip: str = "上班"
    regions: tuple[str, ...] = ()  # cities where this work concentrates


_CONSTRUCTION_REQUESTS = (
    ("cons_wages", 70),
    ("cons_injury", 9),
    ("cons_safety", 5),
    ("cons_contract", 4),
    ("emp_social_insurance", 5),
    ("hardship", 3),
    ("union_join", 2),
)
_EMPLOYEE_REQUESTS = (
    ("emp_wages", 24),
    ("emp_wages_collective", 6),
    ("emp_overtime", 8),
    ("emp_contract_unsigned", 8),
    ("emp_dismissal", 12),
    ("emp_social_insurance", 12),
    ("emp_injury", 6),
    ("emp_leave", 6),
    ("emp_women", 3),
    ("emp_safety", 3),
    ("emp_canteen", 1),
    ("hardship", 3),
    ("union_join", 2),
)
_FACTORY_REQUESTS = (*_EMPLOYEE_REQUESTS, ("emp_occupational", 3))
_MINING_REQUESTS = (
    *_EMPLOYEE_REQUESTS,
    ("emp_safety", 8),
    ("emp_injury", 6),
    ("emp_occupational", 6),
)
_CONSTRUCTION_CONSULTATIONS = (
    ("ask_wages", 40),
    ("ask_injury", 20),
    ("ask_contract", 12),
    ("ask_legal_aid", 15),
    ("ask_arbitration", 8),
    ("ask_union", 5),
)
_EMPLOYEE_CONSULTATIONS = (
    ("ask_compensation", 18),
    ("ask_contract", 14),
    ("ask_social_insurance", 14),
    ("ask_leave", 12),
    ("ask_overtime", 12),
    ("ask_arbitration", 10),
    ("ask_injury", 6),
    ("ask_legal_aid", 6),
    ("ask_hardship", 4),
    ("ask_union", 4),
)
_PLATFORM_CONSULTATIONS = (
    ("ask_platform_injury", 28),
    ("ask_platform_relation", 24),
    ("ask_union", 18),
    ("ask_legal_aid", 12),
    ("ask_arbitration", 10),
    ("ask_social_insurance", 8),
)


def _employee(
    industry: str,
    sector: str,
    jobs: tuple[str, ...],
    workplace: str,
    *,
    form: str = "standard",
    wage: tuple[int, int] = (3000, 7000),
    male_share: float = 0.5,
    requests: tuple[tuple[str, float], ...] = _EMPLOYEE_REQUESTS,
    regions: tuple[str, ...] = (),
) -> _Persona:
    return _Persona(
        form=form,
        industries=(industry,),
        sector=sector,
        jobs=tuple((job, 1) for job in jobs),
        wage=wage,
        male_share=male_share,
        workplace=workplace,
        requests=requests,
        consultations=_EMPLOYEE_CONSULTATIONS,
        regions=regions,
    )


def _platform(
    form: str,
    industry: str,
    sector: str,
    jobs: tuple[str, ...],
    workplace: str,
    platforms: tuple[str, ...],
    trip: str,
    requests: tuple[tuple[str, float], ...],
    *,
    male_share: float = 0.9,
) -> _Persona:
    return _Persona(
        form=form,
        industries=(industry,),
        sector=sector,
        jobs=tuple((job, 1) for job in jobs),
        wage=(4000, 9000),
        male_share=male_share,
        workplace=workplace,
        requests=requests,
        consultations=_PLATFORM_CONSULTATIONS,
        platforms=platforms,
        trip=trip,
    )


# (persona, share of first-time callers); new-form workers are about a quarter of the calls.
_PERSONAS: tuple[tuple[_Persona, float], ...] = (
    (
        _Persona(
            form="migrant",
            industries=("construction",),
            sector="construction",
            jobs=_CONSTRUCTION_JOBS,
            wage=(6000, 11000),
            male_share=0.92,
            workplace="一个工地",
            requests=_CONSTRUCTION_REQUESTS,
            consultations=_CONSTRUCTION_CONSULTATIONS,
        ),
        27,
    ),
    (
        _employee(
            "manufacturing",
            "manufacturing",
            ("操作工", "装配工", "质检员", "叉车司机", "机修工", "包装工"),
            "一家工厂",
            requests=_FACTORY_REQUESTS,
        ),
        12,
    ),
    (
        _employee(
            "manufacturing",
            "manufacturing",
            ("普工", "流水线工人", "打磨工", "搬运工"),
            "一家工厂",
            form="migrant",
            male_share=0.7,
            requests=_FACTORY_REQUESTS,
        ),
        5,
    ),
    (
        _employee(
            "accommodation_catering",
            "catering",
            ("服务员", "厨师", "后厨帮工", "洗碗工", "传菜员", "前台接待"),
            "一家餐馆",
            male_share=0.4,
        ),
        5,
    ),
    (
        _employee(
            "wholesale_retail",
            "retail",
            ("收银员", "理货员", "导购员", "店员"),
            "一家超市",
            male_share=0.3,
        ),
        4,
    ),
    (
        _employee(
            "real_estate",
            "property",
            ("保洁员", "物业维修工", "物业客服", "小区保安"),
            "一家物业公司",
            male_share=0.55,
        ),
        2.5,
    ),
    (
        _employee(
            "business_services",
            "security",
            ("保安员", "安检员"),
            "一家保安公司",
            male_share=0.85,
        ),
        1.5,
    ),
    (
        _employee(
            "it_services",
            "office",
            ("程序员", "销售", "文员", "会计", "培训讲师", "客服专员", "护士"),
            "一家公司",
            wage=(5000, 15000),
        ),
        10,
    ),
    (
        _employee(
            "mining",
            "mining",
            ("井下采煤工", "掘进工", "综采工", "机电维修工", "矿车司机"),
            "一家煤矿",
            wage=(6000, 12000),
            male_share=0.97,
            requests=_MINING_REQUESTS,
            regions=("yulin", "yanan", "tongchuan", "weinan", "baoji"),
        ),
        4,
    ),
    (
        _employee(
            "agriculture",
            "agriculture",
            ("采摘工", "果园工人", "大棚工人"),
            "一个农业园区",
            form="migrant",
            wage=(2500, 4500),
            regions=("yangling", "xianyang", "weinan", "baoji", "yanan"),
        ),
        1,
    ),
    (
        _platform(
            "delivery_rider",
            "platform_economy",
            "delivery",
            ("外卖骑手", "外卖配送员", "众包骑手"),
            "一个外卖站点",
            ("某外卖平台", "某外卖平台", "迅蜂外卖"),
            "送餐",
            (
                ("rider_fines", 20),
                ("gig_ban", 14),
                ("rider_rules", 12),
                ("gig_insurance", 12),
                ("gig_injury", 10),
                ("rider_pay", 14),
                ("union_join", 3),
                ("hardship", 2),
            ),
        ),
        8,
    ),
    (
        _platform(
            "courier",
            "transport_logistics",
            "courier",
            ("快递员", "快递分拣员"),
            "一个快递网点",
            ("某快递公司",),
            "派件",
            (
                ("courier_fines", 25),
                ("courier_pay", 22),
                ("gig_insurance", 12),
                ("emp_dismissal", 8),
                ("gig_injury", 8),
                ("union_join", 3),
            ),
        ),
        4,
    ),
    (
        _platform(
            "ride_hailing_driver",
            "platform_economy",
            "ride_hailing",
            ("网约车司机",),
            "一家汽车租赁公司",
            ("某网约车平台", "云骑出行"),
            "接送乘客",
            (
                ("ride_deposit", 25),
                ("ride_commission", 22),
                ("gig_ban", 15),
                ("gig_injury", 6),
                ("union_join", 3),
            ),
        ),
        3.5,
    ),
    (
        _platform(
            "truck_driver",
            "transport_logistics",
            "logistics",
            ("货车司机", "冷链运输司机"),
            "一家物流公司",
            ("某货运平台",),
            "运输",
            (
                ("truck_freight", 40),
                ("truck_platform", 25),
                ("gig_injury", 6),
                ("union_join", 3),
                ("hardship", 2),
            ),
            male_share=0.97,
        ),
        3.5,
    ),
    (
        _platform(
            "online_streamer",
            "culture_media",
            "media",
            ("带货主播", "网络主播"),
            "一家传媒公司",
            ("某直播平台",),
            "外出直播",
            (("streamer_pay", 50), ("streamer_contract", 40), ("union_join", 3)),
            male_share=0.35,
        ),
        1,
    ),
    (
        _platform(
            "domestic_worker",
            "resident_services",
            "domestic",
            ("家政保洁员", "育儿嫂", "养老护理员"),
            "一家家政公司",
            ("某家政服务平台",),
            "上门服务",
            (
                ("domestic_platform", 45),
                ("domestic_pay", 30),
                ("gig_injury", 10),
                ("union_join", 3),
            ),
            male_share=0.08,
        ),
        1.5,
    ),
    (
        _platform(
            "other_platform",
            "platform_economy",
            "gig",
            ("代驾司机", "跑腿骑手"),
            "一个同城服务平台",
            ("某代驾平台", "小象跑腿"),
            "接单",
            (
                ("gig_rules", 40),
                ("gig_ban", 25),
                ("gig_injury", 15),
                ("union_join", 3),
            ),
        ),
        1.5,
    ),
)
# Wage arrears on building sites peak in the weeks before the Spring Festival.
_YEAR_END_MONTHS = (11, 12, 1)
_YEAR_END_CONSTRUCTION_BOOST = 1.6

_SUGGESTIONS = (
    "来电人建议在{city}的商圈和主要路口多建一些工会驿站，让外卖骑手、快递员、环卫工人等户外劳动者有地方歇脚、喝水、给手机充电，冬天能有个取暖的地方。",
    (
        "来电人建议工会联合人社部门加大对建筑工地欠薪问题的检查力度，严格落实农民工工资专用账户和实"
        "名制管理，从源头上防止包工头卷款跑路。"
    ),
    (
        "来电人建议12351热线增加夜间和节假日人工服务时间，很多农民工白天在工地干活不方便打电话"
        "，下班后打过来经常是语音留言，希望能有人及时接听。"
    ),
    "来电人建议工会针对网约车司机、货车司机等群体开展免费的职业技能培训和健康体检，并在{city}的高速服务区、货运场站设立司机之家。",
    (
        "来电人建议各级工会加强对新就业形态劳动者的普法宣传，很多骑手和快递员不知道自己有哪些权利，"
        "遇到问题也不知道向哪里反映，可以在站点张贴12351热线的宣传海报。"
    ),
    "来电人建议{city}总工会简化困难职工帮扶的申请手续，目前需要提交的证明材料太多，来回跑好几趟，希望能够实现网上申请、网上审核。",
)
_INVALID = (
    (
        "电话接通后无人说话，话务员多次询问“您好，这里是12351工会服务职工热线，请问有什么可以"
        "帮您”，对方始终没有回应，约三十秒后挂断，按无效来电登记。"
    ),
    (
        "来电人咨询住房公积金提取的办理流程和所需材料，不属于12351热线受理范围，已告知来电人拨"
        "打12329住房公积金服务热线咨询，按无效来电登记。"
    ),
    (
        "来电人询问个人所得税专项附加扣除如何填报，经话务员解释该问题不属于工会热线受理范围，已建议"
        "来电人拨打12366纳税服务热线咨询，来电人表示理解。"
    ),
    (
        "来电人称打错电话，原本想拨打的是12315消费者投诉举报热线，要投诉网购商品的质量问题，话"
        "务员已告知正确号码，按无效来电登记。"
    ),
    (
        "来电人多次拨打热线后不说明诉求，只是反复询问话务员的姓名和工号，并有辱骂行为，话务员按服务"
        "规范提醒后对方挂断，按骚扰来电登记。"
    ),
)
_HARDSHIP_CAUSES = (
    "妻子患尿毒症需要长期透析",
    "孩子患白血病正在住院治疗",
    "本人今年查出癌症做了手术",
    "父亲突发脑梗住院",
    "家中房屋因暴雨受损",
)
_ACCIDENTS = (
    "操作设备时被机器卷伤",
    "搬运货物时被砸伤",
    "上班途中发生非本人主要责任的交通事故",
    "在车间地面湿滑处摔倒",
)

_ANSWERS = {
    "wages": (
        "告知来电人：考勤记录、工友证言、微信转账及聊天记录均可作为证据，可向用工所在地人社部门劳动"
        "保障监察机构投诉，或向劳动人事争议仲裁委员会申请仲裁；工程建设领域总包单位对农民工工资负有"
        "先行清偿责任。如需工会协调，可再次来电登记求助。"
    ),
    "contract": (
        "告知来电人：用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动"
        "者每月支付二倍工资；满一年仍未订立的，视为已订立无固定期限劳动合同。建议保留工资流水、工牌"
        "、考勤等证明劳动关系的材料，可先与单位协商，协商不成可申请劳动仲裁。"
    ),
    "compensation": (
        "告知来电人：经济补偿按劳动者在本单位工作的年限，每满一年支付一个月工资；六个月以上不满一年"
        "的按一年计算，不满六个月的支付半个月工资，月工资按解除前十二个月的平均工资计算。用人单位违"
        "法解除的，应按经济补偿标准的二倍支付赔偿金。"
    ),
    "social_insurance": (
        "告知来电人：依法缴纳社会保险是用人单位和劳动者的法定义务，双方约定不缴社保的条款无效。可向"
        "当地社保经办机构或劳动保障监察机构投诉要求补缴；用人单位未依法缴纳社会保险费的，劳动者可以"
        "解除劳动合同并要求支付经济补偿。"
    ),
    "injury": (
        "告知来电人：用人单位应自事故伤害发生之日起30日内提出工伤认定申请；单位未申请的，受伤职工"
        "或其近亲属可在1年内直接向社会保险行政部门申请。需准备工伤认定申请表、劳动关系证明（工资流"
        "水、考勤、工友证言等均可）和医疗诊断证明，未签劳动合同不影响工伤认定。"
    ),
    "leave": (
        "告知来电人：职工累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，10天；"
        "已满20年的，15天。单位确因工作需要不能安排的，对未休天数应按职工日工资收入的300%支"
        "付年休假工资报酬。"
    ),
    "overtime": (
        "告知来电人：工作日延长工作时间的，支付不低于工资150%的工资报酬；休息日安排工作又不能安"
        "排补休的，支付不低于200%；法定休假日安排工作的，支付不低于300%。建议保留考勤、排班"
        "表和工资条等证据，可向劳动保障监察机构投诉或申请劳动仲裁。"
    ),
    "arbitration": (
        "告知来电人：劳动人事争议仲裁不收费，申请时效一般为一年，从知道或者应当知道其权利被侵害之日"
        "起计算。需提交仲裁申请书、身份证明、劳动关系证明及相关证据，仲裁委员会应自受理之日起四十五"
        "日内结束，案情复杂的可延长不超过十五日。工会可提供法律援助。"
    ),
    "legal_aid": (
        "告知来电人：职工因劳动争议需要法律帮助的，可携带身份证、劳动关系证明及证据材料，到用工所在"
        "地总工会职工法律援助中心（站）申请，工会免费提供法律咨询、代写文书，符合条件的可指派律师代"
        "理仲裁和诉讼。已告知当地工会法律援助站点的地址和电话。"
    ),
    "union": (
        "告知来电人：可通过所在单位或站点的工会申请入会；没有工会组织的，可通过当地工会的线上入会渠"
        "道或就近的行业、区域工会联合会申请加入。入会后可享受法律援助、困难帮扶、医疗互助、工会驿站"
        "等服务，当地工会还会不定期组织专项体检和技能培训。"
    ),
    "hardship": (
        "告知来电人：可向所在单位工会或工作所在地的县（区）总工会提出困难职工建档申请，需提供身份证"
        "、家庭收入及致困原因等证明材料，工会核实后按规定给予生活救助、医疗救助或子女助学等帮扶。所"
        "在单位没有工会的，可直接向当地总工会申请。"
    ),
    "platform_injury": (
        "告知来电人：可先确认平台是否已为其办理新就业形态就业人员职业伤害保障或商业意外险，发生事故"
        "后应及时报告平台，保留事故证明、接单记录和医疗票据；与站点或平台存在劳动关系争议的，可申请"
        "劳动仲裁确认劳动关系，工会可提供法律援助。"
    ),
    "platform_relation": (
        "告知来电人：是否构成劳动关系要看实际用工情况，如接受站点排班考勤管理、报酬由站点按月结算等"
        "，即使注册为个体工商户，也可以主张确认劳动关系。建议保留排班记录、奖惩通知、收入流水等证据"
        "，发生争议可申请劳动仲裁，工会可提供法律援助。"
    ),
}


@dataclass(frozen=True, slots=True)
class _Region:
    code: str
    city: str  # "西安市"
    places: tuple[str, ...]  # districts and counties, written as a caller says them
    area_code: str
    local_digits: int


class DemoContent:
    """Deterministic demo calls for a seed; ``region_codes`` are the city org units to use."""

    def __init__(self, seed: int, region_codes: Sequence[str]) -> None:
        if not region_codes:
            raise ValueError("DemoContent needs at least one region (city org-unit) code")
        self._seed = seed
        self._regions = _regions(region_codes)
        self._new_forms = frozenset(form.code for form in load_employment_forms() if form.new_form)
        fake = Faker("zh_CN")
        fake.seed_instance(seed)
        self._male_names = tuple(fake.last_name() + fake.first_name_male() for _ in range(1500))
        self._female_names = tuple(fake.last_name() + fake.first_name_female() for _ in range(1500))
        # Drawn, not deduplicated, so that common surnames stay as common as in Faker's weights.
        self._surnames = tuple(fake.last_name() for _ in range(500))
        faker_brands = {fake.company_prefix() for _ in range(400)}
        own_brands = {a + b for a in _BRAND_CHARS for b in _BRAND_CHARS if a != b}
        self._brands = tuple(sorted(faker_brands | own_brands))

    def calls(self, count: int, start: datetime, end: datetime) -> Iterator[DemoCall]:
        """``count`` calls received in [start, end), in ascending order of time."""
        if count < 0:
            raise ValueError(f"count must not be negative, got {count}")
        if end <= start:
            raise ValueError(f"the span must not be empty: {start} .. {end}")
        return _Batch(self, count, start, end).generate()


def _regions(region_codes: Sequence[str]) -> tuple[_Region, ...]:
    units = load_org_units()
    by_code = {unit.code: unit for unit in units}
    regions = []
    for code in region_codes:
        unit = by_code.get(code)
        # A city an administrator added later still gets calls, just without district names.
        city = unit.name_zh.removesuffix("总工会") if unit else "陕西省"
        stem = city.removesuffix("市")
        places = tuple(
            place if place.startswith(stem) else city + place
            for place in (
                child.name_zh.removesuffix("总工会")
                for child in units
                if child.parent == code and child.kind is UnitKind.DISTRICT
            )
        )
        area_code, digits = _AREA_CODES.get(code, ("029", 8))
        regions.append(_Region(code, city, places, area_code, digits))
    return tuple(regions)


def _extend(text: str, sentence: str) -> str:
    if len(text) + len(sentence) > MAX_DESCRIPTION:
        return text
    return text + sentence


def _is_workday(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        # chinesecalendar only knows the years the State Council has announced.
        return day.weekday() < 5


class _Batch:
    """One run of ``DemoContent.calls``: its random stream, pools and current call."""

    def __init__(self, content: DemoContent, count: int, start: datetime, end: datetime) -> None:
        self.count = count
        self.start = start
        self.end = end
        rng = random.Random(f"{content._seed}:{count}:{start.isoformat()}:{end.isoformat()}")
        self.r = rng.random
        self.randint = rng.randint
        self.randrange = rng.randrange
        self.choice = rng.choice
        self.male_names = content._male_names
        self.female_names = content._female_names
        self.surnames = content._surnames
        self.brands = content._brands
        self.new_forms = content._new_forms
        self.regions = content._regions
        self.region_table = _Table(
            [
                (index, _REGION_WEIGHTS.get(region.code, _DEFAULT_REGION_WEIGHT))
                for index, region in enumerate(self.regions)
            ]
        )
        self.kinds = _Table(_KINDS)
        self.channels = _Table(_CHANNELS)
        personas = [persona for persona, _ in _PERSONAS]
        self.personas = personas
        self.persona_table = _Table([(index, share) for index, (_, share) in enumerate(_PERSONAS)])
        self.year_end_persona_table = _Table(
            [
                (
                    index,
                    share * _YEAR_END_CONSTRUCTION_BOOST
                    if persona.industries == ("construction",)
                    else share,
                )
                for index, (persona, share) in enumerate(_PERSONAS)
            ]
        )
        self.job_tables = [_Table(persona.jobs) for persona in personas]
        self.request_tables = [
            _Table([(getattr(self, "_" + name), weight) for name, weight in persona.requests])
            for persona in personas
        ]
        self.consultation_tables = [
            _Table([(getattr(self, "_" + name), weight) for name, weight in persona.consultations])
            for persona in personas
        ]
        self.preferred_regions = [
            tuple(i for i, region in enumerate(self.regions) if region.code in persona.regions)
            for persona in personas
        ]
        self.employers = {
            sector: self._employer_pool(sector, share, places, endings)
            for sector, (share, places, endings) in _SECTORS.items()
        }
        self.caller_pool_size = max(1, count // 2)
        self.callers: dict[int, tuple] = {}
        # The current call, read by the scenario methods.
        self.t = start
        self.year_end = False
        self.persona = personas[0]
        self.place = ""
        self.city = ""
        self.employer = ""
        self.job = ""
        self.lead = self.me = self.we = self.who = ""
        self.male = True

    # -- pools ----------------------------------------------------------------------------

    def _employer_pool(
        self, sector: str, share: float, places: tuple[str, ...], endings: tuple[str, ...]
    ) -> tuple[tuple[str, ...], _Table[int]]:
        total = max(200, self.count // 20)
        size = min(max(10, round(total * share)), len(self.brands) * len(endings) // 2)
        names: dict[str, None] = {}
        while len(names) < size:
            names[self.choice(places) + self.choice(self.brands) + self.choice(endings)] = None
        ranks = _Table(
            [(rank, (rank + _EMPLOYER_OFFSET) ** -_EMPLOYER_POWER) for rank in range(len(names))]
        )
        return tuple(names), ranks

    def _phone(self, region: _Region) -> str:
        if self.r() < _LANDLINE_SHARE:
            digits = region.local_digits - 1
            return f"{region.area_code}-{self.randint(2, 8)}{self.randrange(10**digits):0{digits}d}"
        return f"{self.choice(_MOBILE_PREFIXES)}{self.randrange(100_000_000):08d}"

    def _caller(self, persona_index: int) -> tuple:
        """phone, name, male, persona, region, place, employer, industry: what a caller keeps."""
        persona = self.personas[persona_index]
        preferred = self.preferred_regions[persona_index]
        if preferred and self.r() < 0.75:
            region = self.regions[self.choice(preferred)]
        else:
            region = self.regions[self.region_table.pick(self.r)]
        place = self.choice(region.places) if region.places and self.r() < 0.6 else region.city
        male = self.r() < persona.male_share
        roll = self.r()
        if roll < 0.15:
            name = ""
        elif roll < 0.55:
            name = self.choice(self.male_names if male else self.female_names)
        else:
            name = self.choice(self.surnames) + ("先生" if male else "女士")
        names, ranks = self.employers[persona.sector]
        return (
            self._phone(region),
            name,
            male,
            persona_index,
            region,
            place,
            names[ranks.pick(self.r)],
            self.choice(persona.industries),
        )

    # -- the stream -----------------------------------------------------------------------

    def generate(self) -> Iterator[DemoCall]:
        starts, lengths, weights, cum, year_end = self._buckets()
        total = cum[-1]
        r = self.r
        callers = self.callers
        pool_size = self.caller_pool_size
        bucket = 0
        # Sorted uniforms streamed largest-first: the largest of k uniforms is U ** (1 / k).
        largest = 1.0
        for remaining in range(self.count, 0, -1):
            largest *= r() ** (1.0 / remaining)
            target = (1.0 - largest) * total
            while cum[bucket] <= target and bucket < len(cum) - 1:
                bucket += 1
            offset = (target - (cum[bucket] - weights[bucket])) / weights[bucket]
            seconds = min(int(offset * lengths[bucket]), lengths[bucket] - 1)
            self.t = starts[bucket] + timedelta(seconds=seconds)
            self.year_end = year_end[bucket]

            if r() < _REPEAT_SHARE:
                index = int(pool_size * r() ** _REPEAT_EXPONENT)
                caller = callers.get(index)
                if caller is None:
                    caller = callers[index] = self._caller(self._new_persona())
            else:
                caller = self._caller(self._new_persona())
            yield self._call(caller)

    def _new_persona(self) -> int:
        table = self.year_end_persona_table if self.year_end else self.persona_table
        return table.pick(self.r)

    def _buckets(self):
        """Hour buckets over the span, weighted by hour of day and working day."""
        start, end = self.start, self.end
        starts: list[datetime] = []
        lengths: list[int] = []
        weights: list[float] = []
        year_end: list[bool] = []
        hour = start.replace(minute=0, second=0, microsecond=0)
        day: date | None = None
        day_factor = 1.0
        while hour < end:
            following = hour + timedelta(hours=1)
            begin, finish = max(hour, start), min(following, end)
            length = int((finish - begin).total_seconds())
            if length > 0:
                if hour.date() != day:
                    day = hour.date()
                    day_factor = 1.0 if _is_workday(day) else _NON_WORKDAY_FACTOR
                starts.append(begin)
                lengths.append(length)
                weights.append(_HOUR_WEIGHTS.get(hour.hour, 0) * day_factor * length / 3600)
                year_end.append(hour.month in _YEAR_END_MONTHS)
            hour = following
        if not starts:
            # Shorter than a second: every call lands on the start.
            starts, lengths, weights, year_end = [start], [1], [1.0], [False]
        if not any(weights):
            # A span entirely outside office hours still needs its calls somewhere.
            weights = [float(length) for length in lengths]
        # The walk in generate() stops at the last bucket, which must be able to take a call.
        while not weights[-1]:
            for column in (starts, lengths, weights, year_end):
                column.pop()
        return starts, lengths, weights, list(accumulate(weights)), year_end

    def _call(self, caller: tuple) -> DemoCall:
        phone, name, male, persona_index, region, place, employer, industry = caller
        r = self.r
        persona = self.personas[persona_index]
        self.persona = persona
        self.male = male
        self.place = place
        self.city = region.city
        self.employer = employer
        self.job = self.job_tables[persona_index].pick(r)
        self.lead, self.me, self.we, self.who = (
            _LEAD_FIRST if r() < 0.3 else _LEADS_THIRD[0 if r() < 0.6 else 1]
        )

        kind = self.kinds.pick(r)
        answer = ""
        headcount = 1
        yuan: int | None = None
        urgent = False
        ticket = True
        if kind is CallKind.REQUEST:
            category, headcount, yuan, text, urgent = self.request_tables[persona_index].pick(r)()
            if r() < _DETAIL_SHARE:
                text = _extend(text, self.choice(_DETAILS_BY_VOICE[self.me]))
            risk = self.choice(_RISK_SENTENCES) if r() < _RISK_SHARE else ""
            if risk and len(text) + len(risk) <= MAX_DESCRIPTION:
                text += risk
                urgent = True
            elif r() < 0.3:
                text = _extend(text, self.choice(_CLOSERS))
            if category == "wages" and headcount >= 10 or r() < 0.02:
                urgent = True
        elif kind is CallKind.CONSULTATION:
            if r() < 0.5:
                employer = self.employer = ""
            category, yuan, text, answer = self.consultation_tables[persona_index].pick(r)()
            if r() < _CONTEXT_SHARE:
                text += self.choice(_CONSULTATION_CONTEXT)
            if r() < _CONSULTATION_ANSWERED:
                ticket = False
            else:
                answer = ""
        elif kind is CallKind.SUGGESTION:
            employer = ""
            category, text = "suggestion", self.choice(_SUGGESTIONS).format(city=self.city)
        elif kind is CallKind.PRAISE:
            employer = ""
            category, headcount, text = self._praise()
        else:
            employer = name = ""
            category, text, ticket = "other", self.choice(_INVALID), False
        while len(text) < MIN_DESCRIPTION:
            text += self.choice(_CLOSERS)

        return DemoCall(
            received_at=self.t,
            phone=phone,
            caller_name=name,
            kind=kind,
            channel=self.channels.pick(r),
            category_code=category,
            employment_form_code=persona.form,
            industry_code=industry,
            region_code=region.code,
            employer_name=employer,
            headcount=headcount,
            amount=None if yuan is None else Decimal(yuan * 100).scaleb(-2),
            description=text,
            urgency=Urgency.URGENT if urgent else Urgency.NORMAL,
            answer=answer,
            becomes_ticket=ticket,
        )

    # -- wording helpers ------------------------------------------------------------------

    def _money(self, yuan: int) -> str:
        """An amount as callers say it: 603500元, 60余万元, 六十多万元, 4万余元, 八千多元."""
        roll = self.r()
        if yuan >= 100_000:
            wan = yuan // 10_000
            if roll < 0.15:
                return f"{yuan}元"
            # 60余万 is 600,000 and more; 27余万 would be read as 270,000+, so say 27万余.
            round_tens = wan % 10 == 0
            if roll < 0.45:
                return f"{wan}余万元" if round_tens else f"{wan}万余元"
            if roll < 0.7:
                return f"{_CN[wan]}余万元" if round_tens else f"{_CN[wan]}万多元"
            return f"{wan}多万" if round_tens else f"{wan}万多元"
        if yuan >= 10_000 and yuan % 10_000 >= 1000:
            if roll < 0.4:
                return f"{yuan}元"
            if roll < 0.7:
                return f"{yuan // 10_000}万余元"
            return f"{_CN[yuan // 10_000]}万多元"
        if 1000 < yuan < 10_000 and yuan % 1000 and roll < 0.35:
            return f"{_CN[yuan // 1000]}千多元"
        return f"{yuan}元"

    def _number(self, n: int) -> str:
        return _CN[n] if self.r() < 0.5 else str(n)

    def _months(self, n: int) -> str:
        if n == 2:
            return "两个月"
        return f"{self._number(n)}个月"

    def _years(self, n: int) -> str:
        if n == 2:
            return "两年"
        return f"{self._number(n)}年"

    def _since(self, months_ago: int) -> str:
        index = self.t.year * 12 + self.t.month - 1 - months_ago
        return f"{index // 12}年{index % 12 + 1}月"

    def _day(self) -> str:
        back = self.t - timedelta(days=self.randint(3, 40))
        return f"{back.month}月{back.day}日"

    def _collective(self) -> int:
        return 5 + int(55 * self.r() ** 2.2)

    def _wage(self) -> int:
        low, high = self.persona.wage
        return self.randrange(low, high + 1, 100)

    def _project(self) -> str:
        if self.r() < 0.3:
            return "某小区项目"
        return self.choice(self.brands) + self.choice(_PROJECT_KINDS)

    def _platform_name(self) -> str:
        return self.choice(self.persona.platforms)

    def _workplace(self) -> str:
        return self.employer or self.persona.workplace

    # -- requests: (category, headcount, yuan, description, urgent) ------------------------

    def _cons_wages(self):
        r = self.r
        lead, me, we, job = self.lead, self.me, self.we, self.job
        place, emp = self.place, self.employer
        if r() < 0.45:
            rate = self.randrange(250, 460, 10)
            days = self.randint(max(60, 20_000 // rate + 1), 200)
            yuan = rate * days
            money = self._money(yuan)
            if r() < 0.5:
                text = (
                    f"{lead}在{emp}承建的{place}{self._project()}从事{job}工作，"
                    f"{self._since(self.randint(3, 10))}进场，共干了{days}天，按每天{rate}元计算"
                    f"应得工资{money}，项目部只给打了欠条，多次讨要至今未付。"
                )
            else:
                text = (
                    f"{lead}跟着包工头{self.choice(self.surnames)}某在{place}某工地干{job}，"
                    f"{self._since(self.randint(3, 10))}至今的工资{money}一直没有结算，现在包工头"
                    f"电话打不通，总包单位{emp}称工程款已拨付，不管工人的工资。"
                )
            return "wages", 1, yuan, text, False

        n = self._collective() if r() < 0.75 else self.randint(2, 4)
        yuan = n * self.randrange(8000, 50_000, 100)
        if yuan >= 100_000 and r() < 0.3:
            # Callers round to the ten thousand; keep some sums that make "60余万元" true.
            yuan = yuan // 100_000 * 100_000 + self.randrange(1000, 10_000, 100)
        if yuan > 800_000:
            yuan = self.randrange(600_000, 800_001, 100)
        elif yuan < 20_000:
            yuan = self.randrange(20_000, 40_000, 100)
        money = self._money(yuan)
        people = self._number(n)
        roll = r()
        if self.year_end and roll < 0.35:
            text = (
                f"马上要过年了，{lead}与{people}名工友在{place}{self._project()}干了大半年{job}，"
                f"工资{money}还没结，{emp}项目部一直说等甲方回款，工友们都等着拿钱回家过年，"
                "请工会帮忙协调。"
            )
        elif roll < 0.35:
            text = (
                f"{lead}在{place}某工地从事{job}工作，{me}与工友共{people}人被拖欠工资{money}，"
                "多次索要未果，希望工会帮助讨薪。"
            )
        elif roll < 0.6:
            text = (
                f"{lead}与{people}名工友在{emp}承建的{place}{self._project()}做{job}，工程已完工，"
                f"项目部以甲方未拨付工程款为由一直拖欠{we}的工资{money}，多次到项目部讨要均被推脱。"
            )
        elif roll < 0.8:
            text = (
                f"{lead}与工友共{people}人跟随包工头{self.choice(self.surnames)}某在{place}"
                f"{self._project()}干{job}，{self._since(self.randint(4, 12))}以来只发过生活费，"
                f"剩余工资{money}未结，现包工头跑路，{emp}项目部拒绝支付，工友们都很着急。"
            )
        else:
            text = (
                f"{lead}等{people}人经{emp}招工到{place}{self._project()}从事{job}，约定工程结束后"
                f"结清工资，现工程已停工，劳务公司和总包单位互相推诿，拖欠{we}工资{money}。"
            )
        return "wages", n, yuan, text, False

    def _cons_injury(self):
        yuan = self.randrange(8000, 150_000, 100)
        injury = self.choice(_INJURIES)
        if self.r() < 0.5:
            text = (
                f"{self.lead}在{self.employer}承建的{self.place}{self._project()}做{self.job}时"
                f"从脚手架上摔下，{injury}，前后花去医疗费{self._money(yuan)}，包工头只垫付了"
                f"一小部分，项目部以{self.me}没有签劳动合同为由不给申请工伤认定。"
            )
        else:
            text = (
                f"{self.lead}{self._since(self.randint(1, 5))}在{self.place}某工地干{self.job}时"
                f"被高处坠落的钢管砸伤，{injury}，目前仍在治疗，医疗费{self._money(yuan)}都是自己"
                f"垫付的，{self.employer}不承认劳动关系，要求工会帮助认定工伤并索赔。"
            )
        return "work_injury", 1, yuan, text, False

    def _cons_safety(self):
        if self.r() < 0.5:
            text = (
                f"{self.lead}在{self.employer}承建的工地做{self.job}，工地脚手架搭设"
                "不规范、多处没有防护网，工人高空作业不发安全带，近期已经发生过一次坠落事故，"
                f"{self.me}多次向项目部反映无人整改，担心再出事故。"
            )
        else:
            text = (
                f"{self.who}反映{self.place}某工地深基坑边没有设置围挡和警示标志，夜间照明不足，"
                f"{self.employer}为赶工期让工人连续作业十多个小时，工人们都很担心安全问题，"
                "希望有关部门尽快检查整改。"
            )
        return "safety", 1, None, text, True

    def _cons_contract(self):
        text = (
            f"{self.lead}在{self.place}某工地做{self.job}，干活前后"
            f"{self._months(self.randint(2, 8))}，包工头和{self.employer}都没有跟工人签合同，"
            "也没有进行实名制登记，工人担心出了事情找不到人负责，要求规范用工。"
        )
        return "contract", 1, None, text, False

    def _emp_wages(self):
        wage = self._wage()
        months = self.randint(2, 6)
        yuan = wage * months
        lead, me, emp = self.lead, self.me, self.employer
        roll = self.r()
        if roll < 0.4:
            text = (
                f"{lead}在{emp}做{self.job}，月工资{wage}元，公司自{self._since(months)}起以资金"
                f"周转困难为由停发工资，至今已拖欠{self._months(months)}工资共计{self._money(yuan)}，"
                f"{me}多次找老板要求支付，对方一直推脱。"
            )
        elif roll < 0.7:
            text = (
                f"{lead}于{self._since(self.randint(1, 4))}从{emp}离职，离职时公司承诺一个月内"
                f"结清工资，但至今仍拖欠{me}{self._months(months)}的工资{self._money(yuan)}，"
                "再打电话老板已经不接，请工会帮忙追讨。"
            )
        else:
            yuan //= 2
            text = (
                f"{lead}在{self.place}{emp}担任{self.job}，公司每月只发一半工资，剩余部分说年底"
                f"统一发放，现在{me}已经离职，公司以未办完离职交接为由扣着{self._money(yuan)}不给。"
            )
        return "wages", 1, yuan, text, False

    def _emp_wages_collective(self):
        n = self._collective()
        months = self.randint(2, 6)
        yuan = n * self._wage() * months
        people, money = self._number(n), self._money(yuan)
        if self.r() < 0.5:
            text = (
                f"{self.lead}所在的{self.employer}自{self._since(months)}起停工停产，老板失联，"
                f"{self.me}与{people}名同事{self._months(months)}的工资共计{money}被拖欠，大家多次"
                f"到公司讨要无果，{self.we}希望工会介入协调。"
            )
        else:
            text = (
                f"{self.employer}{people}名职工集体来电反映，公司以经营困难为由连续"
                f"{self._months(months)}未发工资，拖欠总额{money}，职工多次与公司协商无果，"
                "部分职工家庭生活已经出现困难。"
            )
        return "wages", n, yuan, text, False

    def _emp_overtime(self):
        yuan = self.randrange(2000, 30_000, 100)
        if self.r() < 0.5:
            text = (
                f"{self.lead}在{self.employer}做{self.job}，公司实行“做六休一”，每天工作"
                f"十一二个小时，{self._years(self.randint(1, 6))}来从未支付过加班费，按规定计算"
                f"应得加班费约{self._money(yuan)}，{self.me}离职时提出要求被公司拒绝。"
            )
        else:
            text = (
                f"{self.who}反映{self.employer}国庆、春节等法定节假日安排职工上班，不安排补休"
                f"也不按三倍支付工资，只给每天一百元补助，{self.me}认为公司的做法违法，"
                f"要求补发加班工资{self._money(yuan)}。"
            )
        return "wages", 1, yuan, text, False

    def _emp_contract_unsigned(self):
        months = self.randint(2, 11)
        yuan = self._wage() * (months - 1)
        text = (
            f"{self.lead}于{self._since(months)}入职{self.employer}，担任{self.job}，入职"
            f"{self._months(months)}公司一直不与{self.me}签订书面劳动合同，{self.me}要求补签被拒绝，"
            f"想申请未签劳动合同的二倍工资差额约{self._money(yuan)}。"
        )
        return "contract", 1, yuan, text, False

    def _emp_dismissal(self):
        wage = self._wage()
        if self.r() < 0.7:
            years = self.randint(1, 12)
            yuan = wage * years
            text = (
                f"{self.lead}在{self.employer}工作了{self._years(years)}，{self._day()}公司以"
                f"“业务调整”为由口头通知{self.me}不用来上班了，既没有提前三十天书面通知，"
                f"也不支付经济补偿，按月工资{wage}元计算，应得经济补偿{self._money(yuan)}。"
            )
        else:
            yuan = wage // 2
            text = (
                f"{self.lead}在试用期第{self._number(self.randint(2, 5))}个月被{self.employer}以"
                f"“不符合录用条件”为由辞退，公司拿不出任何考核标准，还扣了{self.me}半个月工资"
                f"{self._money(yuan)}，{self.me}认为公司属于违法解除劳动合同。"
            )
        return "contract", 1, yuan, text, False

    def _emp_social_insurance(self):
        if self.r() < 0.5:
            text = (
                f"{self.lead}在{self.employer}工作{self._years(self.randint(1, 8))}，公司一直没有"
                f"给{self.me}缴纳社会保险，入职时让{self.me}签了“自愿放弃社保”的声明，现在"
                f"{self.me}想补缴社保，公司不同意，也不给任何补偿。"
            )
            return "social_insurance", 1, None, text, False
        months = self.randint(3, 18)
        yuan = months * self.randrange(900, 1600, 10)
        text = (
            f"{self.lead}近期查询社保缴费记录发现，{self.employer}从{self._since(months)}起就停缴了"
            f"{self.me}的养老和医疗保险，已断缴{self._months(months)}，欠缴{self._money(yuan)}，"
            f"工资里却每月照扣个人缴纳部分，{self.me}要求公司补缴，公司称资金紧张。"
        )
        return "social_insurance", 1, yuan, text, False

    def _emp_injury(self):
        if self.r() < 0.6:
            yuan = self.randrange(5000, 120_000, 100)
            text = (
                f"{self.lead}是{self.employer}的{self.job}，{self._since(self.randint(1, 6))}"
                f"{self.choice(_ACCIDENTS)}，导致{self.choice(_INJURIES)}，公司只支付了部分医疗费，"
                f"拒绝为{self.me}申请工伤认定，目前已花费{self._money(yuan)}，想知道怎样才能认定工伤"
                "并获得赔偿。"
            )
        else:
            yuan = self.randrange(50_000, 300_000, 100)
            text = (
                f"{self.lead}在{self.employer}上班时受伤，已被人社部门认定为工伤，劳动能力鉴定为"
                f"{self.choice('七八九十')}级伤残，但公司没有缴纳工伤保险，拒绝支付一次性伤残"
                f"补助金等工伤待遇约{self._money(yuan)}。"
            )
        return "work_injury", 1, yuan, text, False

    def _emp_occupational(self):
        disease = "尘肺病" if self.persona.sector == "mining" else self.choice(("尘肺病", "噪声聋"))
        text = (
            f"{self.lead}在{self.employer}从事{self.job}工作{self._years(self.randint(5, 20))}，"
            f"作业环境粉尘和噪声很大，近期体检被怀疑患有{disease}，公司拒绝提供职业病诊断需要的"
            f"职业史材料，还劝{self.me}主动离职，{self.me}担心得不到职业病待遇。"
        )
        return "work_injury", 1, None, text, False

    def _emp_leave(self):
        if self.r() < 0.5:
            text = (
                f"{self.lead}在{self.employer}工作已满{self._years(self.randint(2, 15))}，公司从来"
                f"没有安排过带薪年休假，{self.me}申请休年假被领导以工作忙为由拒绝，离职时要求"
                "支付未休年休假工资也被拒绝。"
            )
        else:
            text = (
                f"{self.who}反映{self.employer}要求职工每月只休两天，每天工作超过十个小时，"
                "连续几个月都是这样，职工身体吃不消，提出休息就被扣全勤奖，希望工会督促企业"
                "依法安排休息休假。"
            )
        return "hours_leave", 1, None, text, False

    def _emp_women(self):
        if self.male:
            return self._emp_leave()
        if self.r() < 0.5:
            text = (
                f"{self.lead}在{self.employer}做{self.job}，{self._since(self.randint(2, 6))}怀孕后"
                f"公司以岗位调整为由将{self.me}调到仓库，工资从每月{self._wage()}元降到两千元，"
                f"{self.me}不同意就被要求主动辞职，认为公司侵害了女职工的合法权益。"
            )
        else:
            text = (
                f"{self.lead}休产假期间，{self.employer}停发了{self.me}的工资和生育津贴，产假结束"
                f"回去上班又被告知岗位已经撤销，要求{self.me}签订解除劳动合同协议，{self.me}"
                "不知道该怎么办。"
            )
        return "contract", 1, None, text, False

    def _emp_safety(self):
        if self.persona.sector == "mining":
            text = (
                f"{self.lead}是{self.employer}的{self.job}，反映井下通风设施老化，瓦斯检测仪经常"
                "失灵，班组为赶产量要求工人带病作业、连续上两个班，工人们担心发生安全事故，"
                "希望有关部门尽快检查。"
            )
        elif self.r() < 0.5:
            text = (
                f"{self.who}反映{self.employer}生产车间的消防通道长期堆放货物，部分灭火器已经"
                "过期，易燃物品随意存放，职工多次向班组长反映都没有整改，担心发生火灾事故，"
                "希望尽快派人检查。"
            )
        else:
            text = (
                f"{self.who}反映{self.employer}高温天气下仍安排职工在露天连续作业，不发放防暑"
                "降温用品和高温津贴，已经有同事中暑晕倒，希望工会督促企业落实防暑降温措施。"
            )
        return "safety", 1, None, text, True

    def _emp_canteen(self):
        yuan = self.randrange(200, 600, 10)
        text = (
            f"{self.who}反映{self.employer}职工食堂饭菜质量差、价格高，公司每月从工资里强制"
            f"扣除餐费{yuan}元，不在食堂吃饭也照扣，职工意见很大，希望工会帮助协调。"
        )
        return "other", 1, yuan, text, False

    def _hardship(self):
        if self.r() < 0.7:
            yuan = self.randrange(20_000, 300_000, 100)
            text = (
                f"{self.lead}是{self._workplace()}的{self.job}，{self.choice(_HARDSHIP_CAUSES)}，"
                f"已花费{self._money(yuan)}，家中还有两个孩子上学，全家靠{self.me}一人打工维持，"
                "生活十分困难，申请工会困难帮扶。"
            )
        else:
            yuan = self.randrange(50_000, 200_000, 100)
            text = (
                f"{self.lead}因工伤致残后失去劳动能力，{self.employer}赔偿的{self._money(yuan)}已经"
                "用完，家中老人常年患病，孩子正在读大学，生活陷入困境，希望工会给予困难帮扶并"
                "帮助孩子申请助学金。"
            )
        return "hardship", 1, yuan, text, False

    def _union_join(self):
        roll = self.r()
        if self.persona.form in self.new_forms:
            text = (
                f"{self.lead}在{self.place}做{self.job}已经{self._years(self.randint(1, 6))}，"
                "平时在户外工作，听说工会可以吸收新就业形态劳动者入会，希望了解就近入会的渠道，"
                "并建议在站点附近设立工会驿站。"
            )
        elif roll < 0.5:
            text = (
                f"{self.lead}是{self.employer}的{self.job}，公司有两百多名职工一直没有"
                "建立工会，职工遇到欠薪、加班等问题没有地方反映，希望上级工会指导帮助成立工会组织。"
            )
        else:
            text = (
                f"{self.lead}已在{self.employer}工作{self._years(self.randint(2, 10))}并缴纳了"
                "工会会费，但一直没有领到工会会员卡，也享受不到节日慰问和普惠服务，询问会员权益"
                "如何落实。"
            )
        return "union_membership", 1, None, text, False

    def _rider_fines(self):
        yuan = self.randint(150, 3000)
        text = (
            f"{self.lead}是{self._platform_name()}在{self.place}的{self.job}，所属站点"
            f"{self.employer}以超时、差评为由频繁罚款，上个月被扣款{self._money(yuan)}，几乎占到"
            f"收入的三分之一，{self.me}在APP上申诉一直没人处理，认为罚款规则不合理。"
        )
        return "platform_rights", 1, yuan, text, False

    def _rider_rules(self):
        text = (
            f"{self.who}反映{self._platform_name()}近期调整了派单规则和配送费标准，单价从每单"
            "五元多降到四元左右，系统派的单越来越远，超时就扣钱，站点还要求每天在线不少于"
            "十个小时，否则扣全勤奖，骑手们收入明显下降。"
        )
        return "platform_rights", 1, None, text, False

    def _rider_pay(self):
        yuan = self.randrange(2000, 9000, 10)
        text = (
            f"{self.lead}从{self.employer}离职后，站点以“未满三个月”“装备未归还”为由扣押"
            f"{self.me}最后一个月的配送费{self._money(yuan)}，{self.me}多次联系站长都被拉黑，"
            "希望工会帮助追回。"
        )
        return "wages", 1, yuan, text, False

    def _courier_fines(self):
        yuan = self.randint(200, 2500)
        text = (
            f"{self.lead}在{self.employer}{self.place}网点做{self.job}，网点以丢件、投诉、虚假"
            "签收等理由对快递员层层罚款，一单投诉最高罚两百元，"
            f"{self.me}上个月被扣了{self._money(yuan)}，网点负责人不给任何说明。"
        )
        return "platform_rights", 1, yuan, text, False

    def _courier_pay(self):
        if self.r() < 0.5:
            n = self._collective()
            months = self.randint(1, 3)
            yuan = n * months * self.randrange(4000, 7000, 100)
            text = (
                f"{self.employer}{self.place}网点负责人突然失联，{self.lead}与{self._number(n)}名"
                f"快递员{self._months(months)}的派件费共计{self._money(yuan)}被拖欠，上级快递公司"
                "称网点是加盟性质，不负责快递员工资，快递员们现在进退两难。"
            )
            return "wages", n, yuan, text, False
        yuan = self.randrange(3000, 12_000, 10)
        text = (
            f"{self.lead}在{self.employer}做{self.job}，按件计酬每件一元二角，网点以"
            f"“旺季不许离职”为由扣押{self.me}的押金和最后一个月派件费共{self._money(yuan)}，"
            f"{self.me}多次讨要没有结果。"
        )
        return "wages", 1, yuan, text, False

    def _gig_ban(self):
        yuan = self.randint(300, 6000) if self.r() < 0.7 else None
        balance = f"账户里还有{self._money(yuan)}没有提现，" if yuan else ""
        text = (
            f"{self.lead}在{self._platform_name()}做{self.job}{self._years(self.randint(1, 5))}，"
            f"{self._day()}账号突然被平台封禁，理由是“存在异常行为”，{self.me}多次申诉都是系统"
            f"自动回复，{balance}现在没法接单，一家人的生活没了着落。"
        )
        return "platform_rights", 1, yuan, text, False

    def _gig_rules(self):
        text = (
            f"{self.lead}在{self._platform_name()}做{self.job}，平台每单抽成近三成，还要每月交纳"
            "一百多元的“保险费”和装备费，遇到恶意差评申诉也不被受理，"
            f"{self.me}认为平台规则不透明，希望工会代表劳动者与平台协商。"
        )
        return "platform_rights", 1, None, text, False

    def _gig_insurance(self):
        text = (
            f"{self.lead}在{self.employer}做全职{self.job}已有{self._years(self.randint(1, 5))}，"
            "站点只给买了每天几元钱的意外险，从来没有缴纳社会保险，"
            f"{self.me}要求缴纳被负责人拒绝，对方称{self.me}签的是合作协议，不是公司员工。"
        )
        return "social_insurance", 1, None, text, False

    def _gig_injury(self):
        yuan = self.randrange(3000, 80_000, 100)
        text = (
            f"{self.lead}是{self._platform_name()}的{self.job}，{self._since(self.randint(1, 4))}在"
            f"{self.persona.trip}途中发生交通事故，{self.choice(_INJURIES)}，医疗费花了"
            f"{self._money(yuan)}，{self.employer}和平台互相推诿，都说{self.me}不是他们的员工，"
            "不属于工伤，保险公司也迟迟不理赔。"
        )
        return "work_injury", 1, yuan, text, False

    def _ride_deposit(self):
        yuan = self.randrange(5000, 30_000, 100)
        text = (
            f"{self.lead}是网约车司机，{self._since(self.randint(6, 24))}通过{self.employer}"
            f"以租代购的方式租车接入{self._platform_name()}，合同到期后公司以车辆有划痕、提前解约等理由"
            f"扣留押金和违约金共{self._money(yuan)}拒不退还，{self.me}认为公司在故意设置陷阱。"
        )
        return "platform_rights", 1, yuan, text, False

    def _ride_commission(self):
        text = (
            f"{self.lead}在{self.place}跑网约车{self._years(self.randint(1, 6))}，反映"
            f"{self._platform_name()}实际抽成比例远高于宣传的水平，一单乘客支付一百元，司机只能"
            "拿到六十多元，平台还经常强制派远单、低价单，拒单就降低服务分，司机收入难以保障。"
        )
        return "platform_rights", 1, None, text, False

    def _truck_freight(self):
        if self.r() < 0.7:
            yuan = self.randrange(8000, 150_000, 100)
            text = (
                f"{self.lead}是{self.job}，{self._since(self.randint(2, 10))}起给{self.employer}"
                f"跑运输，运费一直是月结，现在对方以货主没有回款为由拖欠{self.me}运费"
                f"{self._money(yuan)}，{self.me}每天还要还车贷，实在撑不下去了。"
            )
            return "wages", 1, yuan, text, False
        n = self.randint(5, 15)
        yuan = n * self.randrange(10_000, 50_000, 100)
        text = (
            f"{self.lead}与{self._number(n)}名货车司机长期为{self.employer}拉货，对方拖欠运费共计"
            f"{self._money(yuan)}，司机们多次到公司讨要，负责人避而不见，现在大家连油钱都"
            "垫付不起了。"
        )
        return "wages", n, yuan, text, False

    def _truck_platform(self):
        text = (
            f"{self.lead}在{self.place}跑货运{self._years(self.randint(2, 10))}，反映"
            f"{self._platform_name()}不断提高会员费和信息费，还推出“抢单卡”，司机不买就接不到单，"
            "运价却被压得越来越低，除去油费、过路费基本不赚钱，希望工会帮助货车司机发声。"
        )
        return "platform_rights", 1, None, text, False

    def _streamer_pay(self):
        wage = self.randrange(3000, 8000, 500)
        months = self.randint(2, 5)
        yuan = wage * months
        text = (
            f"{self.lead}与{self.employer}签订了主播合作协议，约定每月底薪{wage}元加提成，"
            f"{self.me}每天直播六个小时以上，但公司已经拖欠{self._months(months)}底薪共"
            f"{self._money(yuan)}，{self.me}提出解约，公司反而要求{self.me}支付违约金。"
        )
        return "wages", 1, yuan, text, False

    def _streamer_contract(self):
        yuan = self.randrange(20_000, 200_000, 1000)
        text = (
            f"{self.lead}是{self.employer}签约的{self.job}，公司要求每天直播八个小时以上，"
            f"完不成流水指标就扣钱，{self.me}想解约，公司称合同约定违约金{self._money(yuan)}，"
            f"还威胁要起诉，{self.me}想知道这份合同是否有效。"
        )
        return "contract", 1, yuan, text, False

    def _domestic_platform(self):
        yuan = self.randint(200, 3000)
        text = (
            f"{self.lead}通过{self._platform_name()}接单做{self.job}，平台每单收取三成服务费，"
            f"{self._day()}因客户投诉被平台扣除保证金和服务费共{self._money(yuan)}，{self.me}认为"
            "投诉不实，申诉没人受理，账号也被限制接单。"
        )
        return "platform_rights", 1, yuan, text, False

    def _domestic_pay(self):
        wage = self.randrange(4000, 9000, 500)
        months = self.randint(1, 3)
        yuan = wage * months
        text = (
            f"{self.lead}通过{self.employer}到客户家做{self.job}，约定月薪{wage}元，做了"
            f"{self._months(months)}后公司以客户不满意为由扣发{self.me}工资{self._money(yuan)}，"
            f"{self.me}要求出示客户评价被拒绝。"
        )
        return "wages", 1, yuan, text, False

    # -- consultations: (category, yuan, description, answer) -----------------------------

    def _ask_wages(self):
        yuan = self.randrange(3000, 60_000, 100)
        text = (
            f"{self.lead}在{self.place}{self._workplace()}干{self.job}，老板拖欠{self.me}工资"
            f"{self._money(yuan)}，没有签劳动合同，只有考勤记录和微信聊天记录，咨询这种情况"
            "能不能讨回工资，应该向哪个部门反映。"
        )
        return "wages", yuan, text, _ANSWERS["wages"]

    def _ask_contract(self):
        text = (
            f"{self.lead}在{self._workplace()}做{self.job}已经{self._months(self.randint(2, 11))}，"
            f"单位一直没有和{self.me}签劳动合同，咨询这样做是否合法，{self.me}可以主张哪些权利。"
        )
        return "contract", None, text, _ANSWERS["contract"]

    def _ask_compensation(self):
        text = (
            f"{self.lead}在{self._workplace()}工作了{self._years(self.randint(1, 15))}，单位近期要"
            f"裁员，{self.me}在名单里，咨询经济补偿应该怎么计算，单位只愿意给一个月工资是否合理。"
        )
        return "contract", None, text, _ANSWERS["compensation"]

    def _ask_social_insurance(self):
        text = (
            f"{self.lead}在{self._workplace()}做{self.job}，入职时对方说工资里已经包含了社保补贴，"
            f"不再另外缴纳社保，咨询这种约定是否有效，{self.me}以后还能不能要求补缴。"
        )
        return "social_insurance", None, text, _ANSWERS["social_insurance"]

    def _ask_injury(self):
        text = (
            f"{self.lead}在{self._workplace()}干活时受了伤，{self.choice(_INJURIES)}，单位说"
            f"{self.me}没签合同不算工伤，咨询工伤认定需要准备哪些材料，申请期限是多长时间。"
        )
        return "work_injury", None, text, _ANSWERS["injury"]

    def _ask_leave(self):
        text = (
            f"{self.lead}在{self._workplace()}工作了{self._years(self.randint(1, 25))}，想咨询职工"
            "每年可以休几天带薪年休假，单位不安排休假的话能不能要求补偿。"
        )
        return "hours_leave", None, text, _ANSWERS["leave"]

    def _ask_overtime(self):
        text = (
            f"{self.lead}在{self._workplace()}做{self.job}，经常晚上和周末加班，单位说工资里已经"
            f"包含了加班费，咨询加班费的计算标准是什么，{self.me}可以要求补发吗。"
        )
        return "wages", None, text, _ANSWERS["overtime"]

    def _ask_arbitration(self):
        text = (
            f"{self.lead}和{self._workplace()}因为工资和经济补偿的事谈不拢，想申请劳动仲裁，"
            "咨询劳动仲裁要不要交钱、需要准备什么材料、大概多长时间能有结果。"
        )
        return "legal_advice", None, text, _ANSWERS["arbitration"]

    def _ask_legal_aid(self):
        text = (
            f"{self.lead}在{self.place}做{self.job}，和{self._workplace()}发生了劳动争议，自己不懂"
            "法律，也请不起律师，咨询工会能不能提供免费的法律援助，需要什么条件。"
        )
        return "legal_advice", None, text, _ANSWERS["legal_aid"]

    def _ask_union(self):
        text = (
            f"{self.lead}在{self.place}做{self.job}，所在单位没有成立工会，咨询{self.me}个人能不能"
            "加入工会、怎么办理入会手续，入会以后能享受哪些服务。"
        )
        return "union_membership", None, text, _ANSWERS["union"]

    def _ask_hardship(self):
        text = (
            f"{self.lead}是{self._workplace()}的{self.job}，家里老人常年生病，孩子正在上学，每月"
            "收入勉强维持生活，咨询工会困难职工帮扶需要什么条件、到哪里申请。"
        )
        return "hardship", None, text, _ANSWERS["hardship"]

    def _ask_platform_injury(self):
        text = (
            f"{self.lead}是{self.place}的{self.job}，每天在路上跑单，咨询像{self.me}这样和平台"
            f"没有签劳动合同的人，万一在{self.persona.trip}途中受伤，有没有职业伤害保障，"
            "出了事应该找谁。"
        )
        return "platform_rights", None, text, _ANSWERS["platform_injury"]

    def _ask_platform_relation(self):
        text = (
            f"{self.lead}在{self._platform_name()}做{self.job}，站点让{self.me}注册成个体工商户后"
            f"才能接单，咨询这样做之后{self.me}和站点、平台之间算不算劳动关系，以后受了伤"
            "或被扣钱该怎么维权。"
        )
        return "platform_rights", None, text, _ANSWERS["platform_relation"]

    # -- praise: (category, headcount, description) ---------------------------------------

    def _praise(self):
        roll = self.r()
        if roll < 0.4:
            n = self._collective()
            text = (
                f"来电人表示此前反映的拖欠工资问题，经{self.place}总工会协调后，{self._number(n)}名"
                f"工友的工资已经全部到账，特意打来电话感谢12351热线和工会工作人员的帮助，"
                "称“一个电话就追回了欠薪，12351热线真好使”。"
            )
            return "praise", n, text
        if roll < 0.7:
            text = (
                "来电人称上个月通过热线反映了工伤认定的问题，工会法律援助律师全程帮助准备材料，"
                "现在工伤认定已经下来了，非常感谢热线工作人员耐心细致的服务，希望对他们提出表扬。"
            )
        else:
            text = (
                "来电人对12351热线话务员的服务态度表示满意，称话务员耐心听完情况，详细讲解了"
                "劳动合同和经济补偿的法律规定，还帮忙联系了当地工会，问题已经得到圆满解决。"
            )
        return "praise", 1, text
