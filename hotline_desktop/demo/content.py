"""Realistic Chinese demo calls for the 12351 hotline, fast enough for a million of them.

Faker builds the pools of names and company names once; every call after that is plain
``random.Random`` choices and f-strings, because the demo loader generates 1,000,000 calls
and Faker costs tens of microseconds per value.

Callers and employers recur on purpose: the "多" (repeated) risk rule, the caller history
panel and the per-employer statistics have nothing to show on data where everyone calls once.

The tables it draws from (traffic, employers, kinds of caller, wording) are data, in
resources/demo/ (see tables.py); what is here is how a call is put together from them.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from typing import Generic, TypeVar

import chinese_calendar
from faker import Faker

from hotline_desktop.config.reference_data import load_employment_forms, load_org_units
from hotline_desktop.domain.vocabulary import CallKind, Channel, UnitKind, Urgency

from .tables import RegionFacts, Sector, demo_tables


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
# Days off draw this share of a working day's calls, hour for hour.
_NON_WORKDAY_FACTOR = 0.3
# Consultations answered on the call do not become tickets; this share brings the total to 85 %.
_CONSULTATION_ANSWERED = 0.375
# A city an administrator added later: an average share of the calls, Xi'an's area code.
_UNLISTED_REGION = RegionFacts(weight=250, area_code="029", local_digits=8)
_LANDLINE_SHARE = 0.08
_DETAIL_SHARE = 0.75  # of requests that add a detail sentence
_CONTEXT_SHARE = 0.5  # of consultations that add a sentence of context
# Wage arrears on building sites peak in the weeks before the Spring Festival.
_YEAR_END_MONTHS = (11, 12, 1)
_YEAR_END_CONSTRUCTION_BOOST = 1.6
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
class _Region:
    code: str
    city: str  # "西安市"
    places: tuple[str, ...]  # districts and counties, written as a caller says them
    facts: RegionFacts


class DemoContent:
    """Deterministic demo calls for a seed; ``region_codes`` are the city org units to use."""

    def __init__(self, seed: int, region_codes: Sequence[str]) -> None:
        if not region_codes:
            raise ValueError("DemoContent needs at least one region (city org-unit) code")
        self._seed = seed
        self._tables = tables = demo_tables()
        self._regions = _regions(region_codes, tables.regions)
        self._details_by_voice = {
            me: tuple(detail.format(me=me, we=we) for detail in tables.details)
            for _, me, we, _ in (tables.first_person, *tables.third_person)
        }
        self._new_forms = frozenset(form.code for form in load_employment_forms() if form.new_form)
        fake = Faker("zh_CN")
        fake.seed_instance(seed)
        self._male_names = tuple(fake.last_name() + fake.first_name_male() for _ in range(1500))
        self._female_names = tuple(fake.last_name() + fake.first_name_female() for _ in range(1500))
        # Drawn, not deduplicated, so that common surnames stay as common as in Faker's weights.
        self._surnames = tuple(fake.last_name() for _ in range(500))
        faker_brands = {fake.company_prefix() for _ in range(400)}
        characters = tables.brand_characters
        own_brands = {a + b for a in characters for b in characters if a != b}
        self._brands = tuple(sorted(faker_brands | own_brands))

    def calls(self, count: int, start: datetime, end: datetime) -> Iterator[DemoCall]:
        """``count`` calls received in [start, end), in ascending order of time."""
        if count < 0:
            raise ValueError(f"count must not be negative, got {count}")
        if end <= start:
            raise ValueError(f"the span must not be empty: {start} .. {end}")
        return _Batch(self, count, start, end).generate()


def _regions(region_codes: Sequence[str], facts: Mapping[str, RegionFacts]) -> tuple[_Region, ...]:
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
        regions.append(_Region(code, city, places, facts.get(code, _UNLISTED_REGION)))
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


# The scenarios that personas.json names: a request's writes (category, headcount, yuan,
# description, urgent), a consultation's (category, yuan, description, answer).
_REQUESTS: dict[str, Callable[[_Batch], tuple[str, int, int | None, str, bool]]] = {}
_CONSULTATIONS: dict[str, Callable[[_Batch], tuple[str, int | None, str, str]]] = {}


def _filed_in(registry: dict[str, Callable]) -> Callable[[str], Callable[[Callable], Callable]]:
    """A decorator that files a scenario method in ``registry`` under the given name."""

    def named(name: str) -> Callable[[Callable], Callable]:
        def file(scenario: Callable) -> Callable:
            registry[name] = scenario
            return scenario

        return file

    return named


_request = _filed_in(_REQUESTS)
_consultation = _filed_in(_CONSULTATIONS)


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
        self.tables = tables = content._tables
        self.details_by_voice = content._details_by_voice
        self.male_names = content._male_names
        self.female_names = content._female_names
        self.surnames = content._surnames
        self.brands = content._brands
        self.new_forms = content._new_forms
        self.regions = content._regions
        self.region_table = _Table(
            [(index, region.facts.weight) for index, region in enumerate(self.regions)]
        )
        self.kinds = _Table(tables.call_kinds)
        self.channels = _Table(tables.channels)
        personas = [persona for persona, _ in tables.personas]
        self.personas = personas
        self.persona_table = _Table(
            [(index, share) for index, (_, share) in enumerate(tables.personas)]
        )
        self.year_end_persona_table = _Table(
            [
                (
                    index,
                    share * _YEAR_END_CONSTRUCTION_BOOST
                    if persona.industries == ("construction",)
                    else share,
                )
                for index, (persona, share) in enumerate(tables.personas)
            ]
        )
        self.job_tables = [_Table(persona.jobs) for persona in personas]
        self.request_tables = [
            _Table([(_REQUESTS[name], weight) for name, weight in persona.requests])
            for persona in personas
        ]
        self.consultation_tables = [
            _Table([(_CONSULTATIONS[name], weight) for name, weight in persona.consultations])
            for persona in personas
        ]
        self.preferred_regions = [
            tuple(i for i, region in enumerate(self.regions) if region.code in persona.regions)
            for persona in personas
        ]
        self.employers = {
            name: self._employer_pool(sector) for name, sector in tables.sectors.items()
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

    def _employer_pool(self, sector: Sector) -> tuple[tuple[str, ...], _Table[int]]:
        total = max(200, self.count // 20)
        places, endings = sector.places, sector.endings
        size = min(max(10, round(total * sector.share)), len(self.brands) * len(endings) // 2)
        names: dict[str, None] = {}
        while len(names) < size:
            names[self.choice(places) + self.choice(self.brands) + self.choice(endings)] = None
        ranks = _Table(
            [(rank, (rank + _EMPLOYER_OFFSET) ** -_EMPLOYER_POWER) for rank in range(len(names))]
        )
        return tuple(names), ranks

    def _phone(self, region: _Region) -> str:
        if self.r() < _LANDLINE_SHARE:
            digits = region.facts.local_digits - 1
            local = f"{self.randint(2, 8)}{self.randrange(10**digits):0{digits}d}"
            return f"{region.facts.area_code}-{local}"
        return f"{self.choice(self.tables.mobile_prefixes)}{self.randrange(100_000_000):08d}"

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
        hour_weights = self.tables.hour_weights
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
                weights.append(hour_weights.get(hour.hour, 0) * day_factor * length / 3600)
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
        tables = self.tables
        persona = self.personas[persona_index]
        self.persona = persona
        self.male = male
        self.place = place
        self.city = region.city
        self.employer = employer
        self.job = self.job_tables[persona_index].pick(r)
        self.lead, self.me, self.we, self.who = (
            tables.first_person if r() < 0.3 else tables.third_person[0 if r() < 0.6 else 1]
        )

        kind = self.kinds.pick(r)
        answer = ""
        headcount = 1
        yuan: int | None = None
        urgent = False
        ticket = True
        if kind is CallKind.REQUEST:
            scenario = self.request_tables[persona_index].pick(r)
            category, headcount, yuan, text, urgent = scenario(self)
            if r() < _DETAIL_SHARE:
                text = _extend(text, self.choice(self.details_by_voice[self.me]))
            risk = self.choice(tables.risk_sentences) if r() < _RISK_SHARE else ""
            if risk and len(text) + len(risk) <= MAX_DESCRIPTION:
                text += risk
                urgent = True
            elif r() < 0.3:
                text = _extend(text, self.choice(tables.closers))
            if category == "wages" and headcount >= 10 or r() < 0.02:
                urgent = True
        elif kind is CallKind.CONSULTATION:
            if r() < 0.5:
                employer = self.employer = ""
            scenario = self.consultation_tables[persona_index].pick(r)
            category, yuan, text, answer = scenario(self)
            if r() < _CONTEXT_SHARE:
                text += self.choice(tables.consultation_context)
            if r() < _CONSULTATION_ANSWERED:
                ticket = False
            else:
                answer = ""
        elif kind is CallKind.SUGGESTION:
            employer = ""
            category, text = "suggestion", self.choice(tables.suggestions).format(city=self.city)
        elif kind is CallKind.PRAISE:
            employer = ""
            category, headcount, text = self._praise()
        else:
            employer = name = ""
            category, text, ticket = "other", self.choice(tables.invalid_calls), False
        while len(text) < MIN_DESCRIPTION:
            text += self.choice(tables.closers)

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
        return self.choice(self.brands) + self.choice(self.tables.project_kinds)

    def _platform_name(self) -> str:
        return self.choice(self.persona.platforms)

    def _workplace(self) -> str:
        return self.employer or self.persona.workplace

    # -- requests: (category, headcount, yuan, description, urgent) ------------------------

    @_request("cons_wages")
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

    @_request("cons_injury")
    def _cons_injury(self):
        yuan = self.randrange(8000, 150_000, 100)
        injury = self.choice(self.tables.injuries)
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

    @_request("cons_safety")
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

    @_request("cons_contract")
    def _cons_contract(self):
        text = (
            f"{self.lead}在{self.place}某工地做{self.job}，干活前后"
            f"{self._months(self.randint(2, 8))}，包工头和{self.employer}都没有跟工人签合同，"
            "也没有进行实名制登记，工人担心出了事情找不到人负责，要求规范用工。"
        )
        return "contract", 1, None, text, False

    @_request("emp_wages")
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

    @_request("emp_wages_collective")
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

    @_request("emp_overtime")
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

    @_request("emp_contract_unsigned")
    def _emp_contract_unsigned(self):
        months = self.randint(2, 11)
        yuan = self._wage() * (months - 1)
        text = (
            f"{self.lead}于{self._since(months)}入职{self.employer}，担任{self.job}，入职"
            f"{self._months(months)}公司一直不与{self.me}签订书面劳动合同，{self.me}要求补签被拒绝，"
            f"想申请未签劳动合同的二倍工资差额约{self._money(yuan)}。"
        )
        return "contract", 1, yuan, text, False

    @_request("emp_dismissal")
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

    @_request("emp_social_insurance")
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

    @_request("emp_injury")
    def _emp_injury(self):
        if self.r() < 0.6:
            yuan = self.randrange(5000, 120_000, 100)
            text = (
                f"{self.lead}是{self.employer}的{self.job}，{self._since(self.randint(1, 6))}"
                f"{self.choice(self.tables.accidents)}，导致{self.choice(self.tables.injuries)}，公司只支付了部分医疗费，"
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

    @_request("emp_occupational")
    def _emp_occupational(self):
        disease = "尘肺病" if self.persona.sector == "mining" else self.choice(("尘肺病", "噪声聋"))
        text = (
            f"{self.lead}在{self.employer}从事{self.job}工作{self._years(self.randint(5, 20))}，"
            f"作业环境粉尘和噪声很大，近期体检被怀疑患有{disease}，公司拒绝提供职业病诊断需要的"
            f"职业史材料，还劝{self.me}主动离职，{self.me}担心得不到职业病待遇。"
        )
        return "work_injury", 1, None, text, False

    @_request("emp_leave")
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

    @_request("emp_women")
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

    @_request("emp_safety")
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

    @_request("emp_canteen")
    def _emp_canteen(self):
        yuan = self.randrange(200, 600, 10)
        text = (
            f"{self.who}反映{self.employer}职工食堂饭菜质量差、价格高，公司每月从工资里强制"
            f"扣除餐费{yuan}元，不在食堂吃饭也照扣，职工意见很大，希望工会帮助协调。"
        )
        return "other", 1, yuan, text, False

    @_request("hardship")
    def _hardship(self):
        if self.r() < 0.7:
            yuan = self.randrange(20_000, 300_000, 100)
            text = (
                f"{self.lead}是{self._workplace()}的{self.job}，{self.choice(self.tables.hardship_causes)}，"
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

    @_request("union_join")
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

    @_request("rider_fines")
    def _rider_fines(self):
        yuan = self.randint(150, 3000)
        text = (
            f"{self.lead}是{self._platform_name()}在{self.place}的{self.job}，所属站点"
            f"{self.employer}以超时、差评为由频繁罚款，上个月被扣款{self._money(yuan)}，几乎占到"
            f"收入的三分之一，{self.me}在APP上申诉一直没人处理，认为罚款规则不合理。"
        )
        return "platform_rights", 1, yuan, text, False

    @_request("rider_rules")
    def _rider_rules(self):
        text = (
            f"{self.who}反映{self._platform_name()}近期调整了派单规则和配送费标准，单价从每单"
            "五元多降到四元左右，系统派的单越来越远，超时就扣钱，站点还要求每天在线不少于"
            "十个小时，否则扣全勤奖，骑手们收入明显下降。"
        )
        return "platform_rights", 1, None, text, False

    @_request("rider_pay")
    def _rider_pay(self):
        yuan = self.randrange(2000, 9000, 10)
        text = (
            f"{self.lead}从{self.employer}离职后，站点以“未满三个月”“装备未归还”为由扣押"
            f"{self.me}最后一个月的配送费{self._money(yuan)}，{self.me}多次联系站长都被拉黑，"
            "希望工会帮助追回。"
        )
        return "wages", 1, yuan, text, False

    @_request("courier_fines")
    def _courier_fines(self):
        yuan = self.randint(200, 2500)
        text = (
            f"{self.lead}在{self.employer}{self.place}网点做{self.job}，网点以丢件、投诉、虚假"
            "签收等理由对快递员层层罚款，一单投诉最高罚两百元，"
            f"{self.me}上个月被扣了{self._money(yuan)}，网点负责人不给任何说明。"
        )
        return "platform_rights", 1, yuan, text, False

    @_request("courier_pay")
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

    @_request("gig_ban")
    def _gig_ban(self):
        yuan = self.randint(300, 6000) if self.r() < 0.7 else None
        balance = f"账户里还有{self._money(yuan)}没有提现，" if yuan else ""
        text = (
            f"{self.lead}在{self._platform_name()}做{self.job}{self._years(self.randint(1, 5))}，"
            f"{self._day()}账号突然被平台封禁，理由是“存在异常行为”，{self.me}多次申诉都是系统"
            f"自动回复，{balance}现在没法接单，一家人的生活没了着落。"
        )
        return "platform_rights", 1, yuan, text, False

    @_request("gig_rules")
    def _gig_rules(self):
        text = (
            f"{self.lead}在{self._platform_name()}做{self.job}，平台每单抽成近三成，还要每月交纳"
            "一百多元的“保险费”和装备费，遇到恶意差评申诉也不被受理，"
            f"{self.me}认为平台规则不透明，希望工会代表劳动者与平台协商。"
        )
        return "platform_rights", 1, None, text, False

    @_request("gig_insurance")
    def _gig_insurance(self):
        text = (
            f"{self.lead}在{self.employer}做全职{self.job}已有{self._years(self.randint(1, 5))}，"
            "站点只给买了每天几元钱的意外险，从来没有缴纳社会保险，"
            f"{self.me}要求缴纳被负责人拒绝，对方称{self.me}签的是合作协议，不是公司员工。"
        )
        return "social_insurance", 1, None, text, False

    @_request("gig_injury")
    def _gig_injury(self):
        yuan = self.randrange(3000, 80_000, 100)
        text = (
            f"{self.lead}是{self._platform_name()}的{self.job}，{self._since(self.randint(1, 4))}在"
            f"{self.persona.trip}途中发生交通事故，{self.choice(self.tables.injuries)}，医疗费花了"
            f"{self._money(yuan)}，{self.employer}和平台互相推诿，都说{self.me}不是他们的员工，"
            "不属于工伤，保险公司也迟迟不理赔。"
        )
        return "work_injury", 1, yuan, text, False

    @_request("ride_deposit")
    def _ride_deposit(self):
        yuan = self.randrange(5000, 30_000, 100)
        text = (
            f"{self.lead}是网约车司机，{self._since(self.randint(6, 24))}通过{self.employer}"
            f"以租代购的方式租车接入{self._platform_name()}，合同到期后公司以车辆有划痕、提前解约等理由"
            f"扣留押金和违约金共{self._money(yuan)}拒不退还，{self.me}认为公司在故意设置陷阱。"
        )
        return "platform_rights", 1, yuan, text, False

    @_request("ride_commission")
    def _ride_commission(self):
        text = (
            f"{self.lead}在{self.place}跑网约车{self._years(self.randint(1, 6))}，反映"
            f"{self._platform_name()}实际抽成比例远高于宣传的水平，一单乘客支付一百元，司机只能"
            "拿到六十多元，平台还经常强制派远单、低价单，拒单就降低服务分，司机收入难以保障。"
        )
        return "platform_rights", 1, None, text, False

    @_request("truck_freight")
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

    @_request("truck_platform")
    def _truck_platform(self):
        text = (
            f"{self.lead}在{self.place}跑货运{self._years(self.randint(2, 10))}，反映"
            f"{self._platform_name()}不断提高会员费和信息费，还推出“抢单卡”，司机不买就接不到单，"
            "运价却被压得越来越低，除去油费、过路费基本不赚钱，希望工会帮助货车司机发声。"
        )
        return "platform_rights", 1, None, text, False

    @_request("streamer_pay")
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

    @_request("streamer_contract")
    def _streamer_contract(self):
        yuan = self.randrange(20_000, 200_000, 1000)
        text = (
            f"{self.lead}是{self.employer}签约的{self.job}，公司要求每天直播八个小时以上，"
            f"完不成流水指标就扣钱，{self.me}想解约，公司称合同约定违约金{self._money(yuan)}，"
            f"还威胁要起诉，{self.me}想知道这份合同是否有效。"
        )
        return "contract", 1, yuan, text, False

    @_request("domestic_platform")
    def _domestic_platform(self):
        yuan = self.randint(200, 3000)
        text = (
            f"{self.lead}通过{self._platform_name()}接单做{self.job}，平台每单收取三成服务费，"
            f"{self._day()}因客户投诉被平台扣除保证金和服务费共{self._money(yuan)}，{self.me}认为"
            "投诉不实，申诉没人受理，账号也被限制接单。"
        )
        return "platform_rights", 1, yuan, text, False

    @_request("domestic_pay")
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

    @_consultation("ask_wages")
    def _ask_wages(self):
        yuan = self.randrange(3000, 60_000, 100)
        text = (
            f"{self.lead}在{self.place}{self._workplace()}干{self.job}，老板拖欠{self.me}工资"
            f"{self._money(yuan)}，没有签劳动合同，只有考勤记录和微信聊天记录，咨询这种情况"
            "能不能讨回工资，应该向哪个部门反映。"
        )
        return "wages", yuan, text, self.tables.answers["wages"]

    @_consultation("ask_contract")
    def _ask_contract(self):
        text = (
            f"{self.lead}在{self._workplace()}做{self.job}已经{self._months(self.randint(2, 11))}，"
            f"单位一直没有和{self.me}签劳动合同，咨询这样做是否合法，{self.me}可以主张哪些权利。"
        )
        return "contract", None, text, self.tables.answers["contract"]

    @_consultation("ask_compensation")
    def _ask_compensation(self):
        text = (
            f"{self.lead}在{self._workplace()}工作了{self._years(self.randint(1, 15))}，单位近期要"
            f"裁员，{self.me}在名单里，咨询经济补偿应该怎么计算，单位只愿意给一个月工资是否合理。"
        )
        return "contract", None, text, self.tables.answers["compensation"]

    @_consultation("ask_social_insurance")
    def _ask_social_insurance(self):
        text = (
            f"{self.lead}在{self._workplace()}做{self.job}，入职时对方说工资里已经包含了社保补贴，"
            f"不再另外缴纳社保，咨询这种约定是否有效，{self.me}以后还能不能要求补缴。"
        )
        return "social_insurance", None, text, self.tables.answers["social_insurance"]

    @_consultation("ask_injury")
    def _ask_injury(self):
        text = (
            f"{self.lead}在{self._workplace()}干活时受了伤，{self.choice(self.tables.injuries)}，单位说"
            f"{self.me}没签合同不算工伤，咨询工伤认定需要准备哪些材料，申请期限是多长时间。"
        )
        return "work_injury", None, text, self.tables.answers["injury"]

    @_consultation("ask_leave")
    def _ask_leave(self):
        text = (
            f"{self.lead}在{self._workplace()}工作了{self._years(self.randint(1, 25))}，想咨询职工"
            "每年可以休几天带薪年休假，单位不安排休假的话能不能要求补偿。"
        )
        return "hours_leave", None, text, self.tables.answers["leave"]

    @_consultation("ask_overtime")
    def _ask_overtime(self):
        text = (
            f"{self.lead}在{self._workplace()}做{self.job}，经常晚上和周末加班，单位说工资里已经"
            f"包含了加班费，咨询加班费的计算标准是什么，{self.me}可以要求补发吗。"
        )
        return "wages", None, text, self.tables.answers["overtime"]

    @_consultation("ask_arbitration")
    def _ask_arbitration(self):
        text = (
            f"{self.lead}和{self._workplace()}因为工资和经济补偿的事谈不拢，想申请劳动仲裁，"
            "咨询劳动仲裁要不要交钱、需要准备什么材料、大概多长时间能有结果。"
        )
        return "legal_advice", None, text, self.tables.answers["arbitration"]

    @_consultation("ask_legal_aid")
    def _ask_legal_aid(self):
        text = (
            f"{self.lead}在{self.place}做{self.job}，和{self._workplace()}发生了劳动争议，自己不懂"
            "法律，也请不起律师，咨询工会能不能提供免费的法律援助，需要什么条件。"
        )
        return "legal_advice", None, text, self.tables.answers["legal_aid"]

    @_consultation("ask_union")
    def _ask_union(self):
        text = (
            f"{self.lead}在{self.place}做{self.job}，所在单位没有成立工会，咨询{self.me}个人能不能"
            "加入工会、怎么办理入会手续，入会以后能享受哪些服务。"
        )
        return "union_membership", None, text, self.tables.answers["union"]

    @_consultation("ask_hardship")
    def _ask_hardship(self):
        text = (
            f"{self.lead}是{self._workplace()}的{self.job}，家里老人常年生病，孩子正在上学，每月"
            "收入勉强维持生活，咨询工会困难职工帮扶需要什么条件、到哪里申请。"
        )
        return "hardship", None, text, self.tables.answers["hardship"]

    @_consultation("ask_platform_injury")
    def _ask_platform_injury(self):
        text = (
            f"{self.lead}是{self.place}的{self.job}，每天在路上跑单，咨询像{self.me}这样和平台"
            f"没有签劳动合同的人，万一在{self.persona.trip}途中受伤，有没有职业伤害保障，"
            "出了事应该找谁。"
        )
        return "platform_rights", None, text, self.tables.answers["platform_injury"]

    @_consultation("ask_platform_relation")
    def _ask_platform_relation(self):
        text = (
            f"{self.lead}在{self._platform_name()}做{self.job}，站点让{self.me}注册成个体工商户后"
            f"才能接单，咨询这样做之后{self.me}和站点、平台之间算不算劳动关系，以后受了伤"
            "或被扣钱该怎么维权。"
        )
        return "platform_rights", None, text, self.tables.answers["platform_relation"]

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
