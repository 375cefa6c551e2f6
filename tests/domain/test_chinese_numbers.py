"""Head counts and sums read from what agents type, and the figures that are neither."""

from decimal import Decimal

import pytest

from hotline_desktop.domain.chinese_numbers import amount_mentions, headcount_mentions, mentions


def only(figures):
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "value", "said_as"),
    [
        ("他和十三名工人被拖欠工资", 13, "十三名工人"),
        ("13名木工反映", 13, "13名木工"),
        ("工友等13人被拖欠工资", 13, "13人"),
        ("二十多个人在工地", 20, "二十多个人"),
        ("涉及二十多人", 20, "二十多人"),
        ("一百余人聚集", 100, "一百余人"),
        ("两百多名工人", 200, "两百多名工人"),
        ("公司有两百多名", 200, "两百多名"),
        ("近百人", 100, "近百人"),
        ("近千名职工", 1000, "近千名职工"),
        ("上千名司机", 1000, "上千名司机"),
        ("十几个工人", 10, "十几个工人"),
        ("三四十人在门口", 30, "三四十人"),
        ("十七八个人", 17, "十七八个人"),
        ("两三个人", 2, "两三个人"),
        ("几十个人", 20, "几十个人"),
        ("数百名装卸工", 200, "数百名装卸工"),
        ("20余农民工", 20, "20余农民工"),
        ("三十多名装修工人", 30, "三十多名装修工人"),
        ("5位师傅", 5, "5位师傅"),
        ("十几个外地工人", 10, "十几个外地工人"),
        ("１３人", 13, "１３人"),  # full-width digits from a Chinese input method
    ],
)
def test_a_head_count_is_read_with_its_words(text, value, said_as):
    figure = only(headcount_mentions(text))
    assert figure.value == value
    assert figure.said_as == said_as
    assert amount_mentions(text) == ()


@pytest.mark.parametrize(
    ("text", "value", "said_as"),
    [
        ("被拖欠工资六十余万元", 600000, "六十余万元"),
        ("欠了60多万", 600000, "60多万"),
        ("共60万元", 600000, "60万元"),
        ("差不多3.5万", 35000, "3.5万"),
        ("罚了1.2万元", 12000, "1.2万元"),
        ("一共两万三千元", 23000, "两万三千元"),
        ("只给了五千块", 5000, "五千块"),
        ("少发三百块钱", 300, "三百块钱"),
        ("工资8000元", 8000, "8000元"),
        ("押金1,200元", 1200, "1,200元"),
        ("欠款一百二十万", 1200000, "一百二十万"),
        ("金额2亿", 200000000, "2亿"),
        ("将近3千万", 30000000, "3千万"),
        ("涉及金额上亿元", 100000000, "上亿元"),
        ("一共欠了一万五", 15000, "一万五"),
        ("一百零五元", 105, "一百零五元"),
        ("欠60万人民币", 600000, "60万人民币"),
        ("付了¥1,200", 1200, "¥1,200"),
        ("追回1106.02万元", Decimal("11060200"), "1106.02万元"),
        ("六十多万的工程款", 600000, "六十多万"),
    ],
)
def test_a_sum_is_read_in_yuan_with_its_words(text, value, said_as):
    figure = only(amount_mentions(text))
    assert figure.value == value
    assert figure.said_as == said_as
    assert headcount_mentions(text) == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("欠薪8000", 8000),
        ("工资是每月5000左右", 5000),
        ("罚款200，还扣了分", 200),
        ("月薪八千", 8000),
        ("工资3000,奖金2000", 3000),
    ],
)
def test_a_bare_number_right_after_a_word_for_money_is_a_sum(text, value):
    assert amount_mentions(text)[0].value == value


@pytest.mark.parametrize(
    "text",
    [
        "3月5日发工资",
        "2024年拖欠至今",
        "每天干8小时",
        "连续上了5天夜班",
        "工资3个月没发",
        "拖欠工资3个月",
        "电话13812345678",
        "联系029-88886666",
        "13号楼工地",
        "地铁2号线项目",
        "第3次来电",
        "第十三名",
        "降薪20%",
        "扣了百分之三十",
        "一个人在外地",
        "干了一个月",
        "一起去讨薪",
        "我们一块去",
        "一直没发",
        "千万不要闹事",
        "万一出事",
        "十万火急",
        "近5万人次参与",
        "60万平方米的厂房",
        "跑了10万单",
        "工资13号发",
        "名额只有3个",
        "2024.3.5",
        "G20高速",
        "正月十五元宵节",
        "收入下降了三成",
        "三番五次",
        "几个工人",
    ],
)
def test_dates_times_numbers_and_idioms_are_no_figures(text):
    assert mentions(text) == ((), ())


def test_a_text_gives_every_figure_in_its_order():
    people, money = mentions("工友等13人被拖欠工资60余万元，其中8名木工每人2万元")
    assert [figure.said_as for figure in people] == ["13人", "8名木工"]
    assert [figure.value for figure in money] == [600000, 20000]


def test_a_number_followed_by_people_is_not_money_too():
    people, money = mentions("近千名职工，上万人")
    assert [figure.value for figure in people] == [1000, 10000]
    assert money == ()


def test_nothing_and_none_read_as_nothing():
    assert mentions("") == ((), ())
    assert headcount_mentions(None) == ()
    assert amount_mentions(None) == ()
