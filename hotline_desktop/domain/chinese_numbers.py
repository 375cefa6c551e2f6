"""Head counts and sums of money inside what an agent types: 十三名工人, 13人, 六十余万元, 3.5万.

The intake assistant reads them so that a call about 13 workers owed 600,000 yuan is flagged
众 and 大 before the agent has filled in the form's fields. Agents write figures in digits,
in Chinese numerals or in a mix (60多万, 3千万), and often as a lower bound (余, 多, 几, 近,
上): the lower bound is what counts, since a rule's limit is a lower bound too.

Strictness matters more than reach here: a date, a duration, a phone number, a house number
or an idiom read as a head count or a sum would flag calls that are not risky, and agents
stop trusting an assistant that cries wolf. A head count therefore needs a word for people
after it, and a sum needs a word for money (元, 块, 万 or 亿 with nothing else after, or a
bare number right after 工资, 欠薪, 运费...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from .risk_rules import Figure

_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "俩": 2, "贰": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
_UNITS = {**_SMALL_UNITS, **_LARGE_UNITS}
# "六十余万", "60多万", "十几个", "十来个": what follows is at least the figure before.
_ABOUT = "余多来几"
_CN = "".join(_CN_DIGITS) + "".join(_UNITS)
_UNIT_CHARS = "".join(_UNITS)
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9０-９]+(?:\.[0-9０-９]+)?"

_NUMBER = re.compile(
    # Not the tail of a longer figure, a code (G20) or an ordinal (第3次) or a fraction (之三).
    rf"(?<![0-9０-９A-Za-z{_CN}第之])(?<![0-9][.,])"
    # 近百人, 上千名, 数十人, 几百个: the prefix belongs to the figure (人数十三人 has none).
    rf"(?P<prefix>(?:将近|近|上)(?=[百千万亿])|(?:几|(?<![人次总岁分件单户个])数)(?=[十百千万]))?"
    rf"(?P<core>(?:{_ARABIC}|[{_CN}])(?:{_ARABIC}|[{_CN}]|[{_ABOUT}](?=[{_CN}]))*)"
    rf"(?P<about>[余多来几])?"
)
_TOKEN = re.compile(rf"{_ARABIC}|.")

# Idioms and words that begin with numerals but are no figures: 十万火急, 一五一十.
_IDIOMS = ("十万火急", "一五一十", "三五成群", "一二三")

# ---- what makes a figure a head count ----
_PEOPLE_WORDS = (
    "人 工人 农民工 民工 职工 员工 工友 同事 老乡 师傅 司机 骑手 快递员 外卖员 配送员 "
    "送餐员 快递小哥 小哥 女工 男工 临时工 小工 技工 木工 瓦工 电工 焊工 钢筋工 架子工 "
    "油漆工 装修工 装卸工 搬运工 环卫工 矿工 护工 厨工 保安 保洁 保洁员 服务员 店员 销售 "
    "销售人员 人员 工作人员 学徒 主播 兄弟 伙计 家属 教师 老师 护士 厨师 代驾 会员 "
    "职工代表 劳务工 派遣工 合同工 货车司机 网约车司机 外卖骑手 员工代表"
)
_PEOPLE = sorted(_PEOPLE_WORDS.split(), key=len, reverse=True)
# Words between the measure word and the noun: 十几个外地工人, 三十多名装修工人.
_KINDS = "外地|本地|建筑|装修|工地|安装|外卖|快递|货车|网约车|同村|一线|劳务|派遣|环卫|年轻|老"
_NOUN = "(?:" + "|".join(_PEOPLE) + ")"
# Workers named without a measure word: 20余农民工, 13工人.
_STRONG = "(?:农民工|工人|职工|员工|骑手|司机|工友|师傅|快递员|外卖员|矿工)"
# What may follow a lone numeral that is a figure: 三人, 五名, 两个工人, 八块, 三工人.
_AFTER_DIGIT = frozenset(
    "个名位人元块" + "".join(word[0] for word in _KINDS.split("|")) + "农工职员骑司师快外矿"
)
_HEADCOUNT_AFTER = re.compile(
    rf"个(?:{_KINDS})?{_NOUN}"
    # 名额 名单 名次; 位数 位置 位于: not people.
    rf"|[名位](?![额单次字义下称片誉牌数置于列])(?:(?:{_KINDS})?{_NOUN})?"
    # 人次 counts visits, 人民币 is money, 人民法院 a court.
    rf"|人(?![次民])"
    rf"|(?:{_KINDS})?{_STRONG}"
)

# ---- what makes a figure a sum of money ----
_MONEY_AFTER = re.compile(
    # 元旦, 元宵, 元月 are days; 一块地, 两块砖 are pieces.
    r"元(?![旦宵月素件器老首帅])钱?|块钱?(?![地砖板石头面肉])|(?:元)?人民币|rmb|RMB"
)
# After 万 or 亿, anything measured rather than paid: 5万人次, 60万平方米, 10万单.
_NOT_MONEY = set(
    "人名个位次件单里米平亩吨斤台辆户家套份头只条字步张天年月日周倍股票分秒克升度瓦支本间栋"
    "座所根箱包公方册期项场届号楼层岁级%％"
)
# A bare number right after a word for money: 欠薪8000, 工资是每月5000, 罚了200.
_MONEY_WORDS = (
    "工资|薪水|薪资|薪酬|月薪|年薪|日薪|底薪|工钱|欠薪|欠款|工程款|劳务费|运费|配送费|提成|"
    "奖金|年终奖|补偿金|补偿|赔偿金|赔偿款|赔偿|押金|保证金|违约金|罚款|罚了|扣了|扣款|欠了|"
    "拖欠|损失|医药费|医疗费|金额|收入|报酬"
)
_FILLER = (
    "共计|一共|总共|总计|合计|累计|大概|大约|约|差不多|将近|近|共|为|是|有|达|都|才|只有|"
    "每月|每个月|一个月|每天|一天|只|了|还有|总额|超过|高达|达到|他|她|我"
)
_MONEY_BEFORE = re.compile(rf"(?:{_MONEY_WORDS})(?:{_FILLER}){{0,3}}$")
_MONEY_BEFORE_REACH = 12
_END_OF_FIGURE = re.compile(r"$|[\s，。,;；！!？?、)）】」”\"]|左右|的|了")
_YUAN_SIGN = "¥￥"

_MAX_DIGITS = 9  # 1亿 has nine; longer runs of digits are phone or order numbers


def headcount_mentions(text: str) -> tuple[Figure, ...]:
    """How many people the text says are involved, each with its words: "十三名工人"."""
    return mentions(text)[0]


def amount_mentions(text: str) -> tuple[Figure, ...]:
    """Sums of money in the text, in yuan, each with its words: "六十余万元"."""
    return mentions(text)[1]


def mentions(text: str) -> tuple[tuple[Figure, ...], tuple[Figure, ...]]:
    """Head counts and sums in one reading of the text, in the order it gives them."""
    people: list[Figure] = []
    money: list[Figure] = []
    for kind, figure in _figures(text or ""):
        (people if kind == "people" else money).append(figure)
    return tuple(people), tuple(money)


def _figures(text: str) -> Iterator[tuple[str, Figure]]:
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if text.startswith(_IDIOMS, start):
            continue
        # 一直, 一起, 两边: the commonest matches by far, settled before any reading.
        if match.group(0) in _CN_DIGITS and text[end : end + 1] not in _AFTER_DIGIT:
            continue
        value = _reading(match)
        if value is None:
            continue
        if people := _HEADCOUNT_AFTER.match(text, end):
            if _counts_people(match, value):
                yield "people", Figure(value, text[start : people.end()])
            continue
        if money := _money_end(text, match):
            begin = start - 1 if start and text[start - 1] in _YUAN_SIGN else start
            yield "money", Figure(value, text[begin:money])


def _reading(match: re.Match) -> Decimal | None:
    core = match.group("core")
    # 百分之, 千万不要, 万一, 万达: a figure that starts with a unit needs 近/上/数 or 余/多
    # with it (近百人, 上千名, 百余人); 十 alone is a number (十人, 十万元).
    if core[0] in "百佰千仟万亿" and not (match.group("prefix") or match.group("about")):
        return None
    value = _value(core, few=match.group("prefix") in ("几", "数"))
    if value is None or value <= 0:
        return None
    # 1.2万 is 12000, not 12000.0.
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _counts_people(match: re.Match, value: Decimal) -> bool:
    # 一个人, 一位师傅, 一名工人: the article "a", not a count worth a rule.
    return match.group(0) not in ("一", "壹") and value == value.to_integral_value()


def _money_end(text: str, match: re.Match) -> int | None:
    """Where the words of a sum end, or None when the figure is not money."""
    start, end = match.span()
    core = match.group(0)
    if unit := _MONEY_AFTER.match(text, end):
        # 一块去: "together", not one yuan.
        if unit.group(0).startswith("块") and core == "一":
            return None
        return unit.end()
    last_unit = next((char for char in reversed(core) if char in _UNIT_CHARS), "")
    if last_unit in _LARGE_UNITS:
        following = text[end : end + 1]
        measured = following in _NOT_MONEY or (following.isascii() and following.isalnum())
        return None if measured else end
    if start and text[start - 1] in _YUAN_SIGN:
        return end
    before = text[max(0, start - _MONEY_BEFORE_REACH) : start]
    if _MONEY_BEFORE.search(before) and _END_OF_FIGURE.match(text, end):
        return end
    return None


def _value(core: str, *, few: bool = False) -> Decimal | None:
    """The lower bound of a figure written in digits, Chinese numerals or both."""
    total = Decimal(0)  # the 亿 and 万 parts
    section = Decimal(0)  # below 万
    digit: Decimal | None = Decimal(2) if few else None  # 几十, 数百: at least two
    previous = "few" if few else ""
    last_unit = 0
    short = False  # the digit came right after a unit: 一万五
    for token in _TOKEN.findall(core):
        if token in _CN_DIGITS:
            number = _CN_DIGITS[token]
            if previous == "digit":
                # 三四十人, 七八个: a range, whose lower end counts; 五四 is no range.
                if digit is None or number <= digit:
                    return None
                continue
            if number == 0:
                # 一百零五: what follows 零 is ones.
                digit, previous, last_unit = None, "zero", 0
                continue
            digit, short, previous = Decimal(number), previous == "unit", "digit"
        elif token in _SMALL_UNITS:
            section += (digit if digit is not None else 1) * _SMALL_UNITS[token]
            digit, previous, last_unit = None, "unit", _SMALL_UNITS[token]
        elif token in _LARGE_UNITS:
            part = section + (digit or 0) or Decimal(1)
            if token == "亿":
                total = (total + part) * _LARGE_UNITS[token]
            else:
                total += part * _LARGE_UNITS[token]
            section, digit, previous, last_unit = Decimal(0), None, "unit", _LARGE_UNITS[token]
        elif token in _ABOUT:
            if previous != "digit":
                previous = "about"
        else:
            if previous == "digit":
                return None
            digit, short, previous = _arabic(token), previous == "unit", "digit"
            if digit is None:
                return None
    return total + section + _trailing(digit, short, last_unit)


def _trailing(digit: Decimal | None, short: bool, last_unit: int) -> Decimal:
    """The last digit of 一万五, 三千五, 二十五: spoken short for 五千, 五百, 五."""
    if digit is None:
        return Decimal(0)
    if short and last_unit and digit < 10:
        return digit * last_unit / 10
    return digit


def _arabic(token: str) -> Decimal | None:
    whole = token.split(".")[0].replace(",", "")
    if len(whole) > _MAX_DIGITS or (len(whole) > 1 and whole.startswith(("0", "０"))):
        return None
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None
