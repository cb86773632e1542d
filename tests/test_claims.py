"""Figures stated in the narrative, on values read by hand from the sample
(tests/fixtures/2024_budget_shanxi-xiaoyi_renshe.txt, narrative lines 454–524 and 1664–1690)
and on small synthetic sentences for the traps real documents set."""

from __future__ import annotations

import time
from collections import Counter
from decimal import Decimal

import pytest

from yusuan.extract.claims import (
    claims_from_sections,
    extract_claims,
    normalise_text,
    stated_reasons,
    year_mentions,
)
from yusuan.extract.sections import split_sections
from yusuan.model import Provenance
from yusuan.read.text import read_text


@pytest.fixture(scope="module")
def sections(shanxi_path):
    return split_sections(read_text(shanxi_path.read_bytes(), shanxi_path.name, "0").lines, "sample.txt")


@pytest.fixture(scope="module")
def claims(sections):
    return claims_from_sections(sections)


def of(claims, heading_start):
    return [c for c in claims if c.section and c.section.startswith(heading_start)]


def find(claims, kind, value):
    return next(c for c in claims if c.kind == kind and c.value == Decimal(value))


def test_claims_per_section(claims):
    # counted by hand from the printed text: e.g. 三、 states 3 amounts and 2 shares; 一、 states
    # 22 figures, then repeats the same 22 for the expenditure side
    assert Counter(c.section for c in claims) == {
        "二、机构设置情况": 1,  # 内设13个股室
        "一、部门预算收支数据变动情况及原因": 44,
        "二、收入预算情况说明": 13,
        "三、支出预算情况说明": 5,
        "四、财政拨款收支预算总体情况说明": 10,
        "(一) 一般公共预算当年支出规模变化情况": 3,
        "(二) 一般公共预算当年支出结构情况": 9,
        "六、一般公共预算基本支出情况说明": 3,
        '七、"三公"经费增减变动原因说明': 10,
        "八、机关运行经费增减变动原因说明": 5,
        "九、政府采购情况": 4,
        "1、整体绩效目标": 6,
        "2、项目绩效目标": 13,
        "1、车辆情况:": 9,
        "2、房屋情况:": 1,
        "3、其他国有资产占有使用情况:": 4,
    }


def test_section_one_malformed_total_and_change(claims):
    one = of(claims, "一、部门预算")
    total = one[0]
    assert (total.kind, total.subject, total.value, total.unit) == ("amount", "预算收入总计", None, "万元")
    assert total.raw == "35.949.39万元" and "malformed" in total.flags
    assert total.source.line == 458
    this_year = one[1]
    assert (this_year.subject, this_year.value, this_year.precision) == ("本年收入", Decimal("35892.39"), 2)
    assert "thousands" in this_year.flags
    assert (one[2].subject, one[2].value) == ("上年结转", Decimal("57.00"))
    change, rate = one[3], one[4]
    assert (change.kind, change.value, change.direction, change.reference) == (
        "change",
        Decimal("4229.30"),
        1,
        "上年",
    )
    assert change.subject == "预算收入总计"  # the whole named before 其中, not 上年结转
    assert (rate.kind, rate.value, rate.unit, rate.precision, rate.direction) == (
        "rate",
        Decimal("13.33"),
        "%",
        2,
        1,
    )
    assert rate.raw == "13.33%"


def test_section_one_reference_is_last_years_printed_figure(claims):
    one = of(claims, "一、部门预算")
    grant = find(one, "change", "441.28")
    assert grant.subject == "2024年就业补助资金"
    assert grant.reference == "2023年就业补助资金597.95万元"
    # 3855.50 is printed as the increase; the two printed figures differ by 3848.50
    pension = find(one, "change", "3855.50")
    assert (pension.subject, pension.reference) == ("2024年收入", "2023年收入27555.26万元")
    # "2023年收入2789.34," lacks 万元; the decrease refers to it
    bare = find(one, "amount", "2789.34")
    assert (bare.subject, bare.unit, bare.flags) == ("2023年收入", None, ["no_unit"])
    down = find(one, "change", "51.70")
    assert (down.direction, down.reference) == (-1, "2023年收入2789.34")
    assert find(one, "rate", "1.85").direction == -1


def test_digits_split_by_a_space(claims):
    one = of(claims, "一、部门预算")
    split = [c for c in one if "digits_split" in c.flags]
    assert [(c.kind, c.value, c.raw) for c in split] == [
        ("change", Decimal("441.28"), "441. 28万元"),
        ("rate", Decimal("73.8"), "73. 8%"),
    ]
    assert split[1].precision == 1


def test_section_two_shares(claims):
    two = of(claims, "二、收入预算")
    shares = [(c.subject, c.value, c.reference) for c in two if c.kind == "share"]
    assert shares == [
        ("一般公共预算拨款收入", Decimal("99.84"), "预算收入"),
        ("政府性基金预算拨款收入", Decimal("0"), "预算收入"),
        ("国有资本经营预算拨款收入", Decimal("0"), "预算收入"),
        ("财政专户管理资金收入", Decimal("0"), "预算收入"),
        ("单位资金", Decimal("0"), "预算收入"),
        ("上年结转", Decimal("0.16"), "预算收入"),
    ]
    assert two[0].subject == "预算收入" and two[0].value == Decimal("35949.39")


def test_section_three(claims):
    three = of(claims, "三、支出预算")
    assert [(c.kind, c.subject, c.value) for c in three] == [
        ("amount", "支出预算", Decimal("35949.39")),
        ("amount", "基本支出", Decimal("4345.68")),
        ("share", "基本支出", Decimal("12.09")),
        ("amount", "项目支出", Decimal("31603.71")),
        ("share", "项目支出", Decimal("87.91")),
    ]
    assert three[2].reference == "支出预算"


def test_section_eight_comparison_with_printed_base(claims):
    eight = of(claims, "八、机关运行经费")
    assert [(c.kind, c.value) for c in eight] == [
        ("count", Decimal("1")),
        ("amount", Decimal("52.68")),
        ("amount", Decimal("56.26")),
        ("change", Decimal("3.58")),
        ("rate", Decimal("6.36")),
    ]
    count, amount, base, change, rate = eight
    assert (count.subject, count.unit) == ("行政单位", "家")
    assert amount.subject == "机关运行经费财政拨款预算"
    assert (base.subject, base.flags) == ("2023年预算", ["comparison_base"])
    assert (change.subject, change.direction, change.reference) == (
        "机关运行经费财政拨款预算",
        -1,
        "2023年预算56.26万元",
    )
    assert (rate.direction, rate.reference) == (-1, "2023年预算56.26万元")
    assert change.sentence.startswith("本部门2024年所属人力资源和社会保障局1家行政单位")


def test_section_seven_same_as_last_year(claims):
    seven = of(claims, "七、")
    same = [c for c in seven if c.kind == "same"]
    assert [(c.subject, c.reference, c.direction, c.value) for c in same[:2]] == [
        ('"三公"经费预算', "2023年预算数", 0, None),
        ("因公出国(境)费", "上年预算数", 0, None),
    ]
    assert same[0].raw == "与2023年预算数相同"


def test_section_nine_and_ten(claims):
    nine = of(claims, "九、政府采购")
    assert [(c.subject, c.value) for c in nine] == [
        ("政府采购预算总额", Decimal("14.83")),
        ("政府采购货物预算", Decimal("5.05")),
        ("政府采购工程预算", Decimal("0")),
        ("政府采购服务预算", Decimal("9.78")),
    ]
    ten = of(claims, "2、项目绩效目标")
    counts = [(c.subject, c.value) for c in ten if c.kind == "count"]
    assert counts[:3] == [("二级项目", 37), ("其他运转类项目", 14), ("特定目标类项目", 23)]
    amounts = [(c.subject, c.value) for c in ten if c.kind == "amount"][:3]
    assert amounts == [
        ("二级项目共计金额", Decimal("31603.71")),
        ("其他运转类项目涉及金额", Decimal("1461.95")),
        ("特定目标类项目涉及金额", Decimal("30084.75")),
    ]
    share = next(c for c in ten if c.kind == "share")
    assert (share.value, share.reference) == (Decimal("100"), "部门(单位)项目支出总额")


def test_state_asset_counts(claims):
    vehicles = of(claims, "1、车辆情况")
    assert [(c.subject, int(c.value), c.unit) for c in vehicles[:3]] == [
        ("公务用车编制", 10, "辆"),
        ("实有", 10, "辆"),
        ("领导用车", 1, "辆"),
    ]
    equipment = of(claims, "3、其他国有资产")
    assert [(c.kind, c.value, c.flags) for c in equipment] == [
        ("amount", Decimal("50"), ["threshold"]),
        ("count", Decimal("0"), []),
        ("amount", Decimal("100"), ["threshold"]),
        ("count", Decimal("0"), []),
    ]
    area = of(claims, "2、房屋情况")[0]
    assert (area.subject, area.value, area.unit) == ("办公用房建筑总面积", Decimal("317.52"), "平方米")


def test_appended_documents_state_nothing_for_the_department(claims):
    assert not any(c.section == "山西省财政厅文件" for c in claims)


def test_year_mentions_and_reasons(sections):
    eight = next(s for s in sections if s.path == ["第三部分", "八"])
    assert year_mentions(eight.text) == [(2024, "2024年"), (2023, "比2023年")]
    assert stated_reasons(eight.text) == ["办公经费减少"]
    assert year_mentions("截至2023年12月31日,晋财综[2023]43号") == [(2023, "截至2023年")]


def test_fast_enough(sections):
    narrative = [s for s in sections if s.path[:1] != ["附件"]]
    claims_from_sections(narrative)
    start = time.perf_counter()
    for _ in range(10):
        claims_from_sections(narrative)
    per_document = (time.perf_counter() - start) / 10
    assert per_document < 0.05, f"{per_document * 1000:.1f} ms for the sample's narrative"


# --- synthetic sentences -------------------------------------------------------------------


def claims_of(text):
    return extract_claims(text, section="s", source=Provenance(file="f", line=7))


def test_decrease_and_fall():
    cs = claims_of("机关运行经费50.00万元,比上年减少3.58万元,下降6.36%。")
    assert [(c.kind, c.subject, c.value, c.direction) for c in cs] == [
        ("amount", "机关运行经费", Decimal("50.00"), None),
        ("change", "机关运行经费", Decimal("3.58"), -1),
        ("rate", "机关运行经费", Decimal("6.36"), -1),
    ]
    assert cs[1].reference == "上年" and cs[0].source == Provenance(file="f", line=7, raw="50.00万元")


def test_share_without_percent_sign():
    cs = claims_of("支出预算100.00万元,其中:基本支出12.09万元,占12.09;项目支出87.91万元,占87.91%。")
    shares = [c for c in cs if c.kind == "share"]
    assert [(c.value, c.precision, c.unit, c.flags, c.reference) for c in shares] == [
        (Decimal("12.09"), 2, "%", ["no_percent_sign"], "支出预算"),
        (Decimal("87.91"), 2, "%", [], "支出预算"),
    ]


def test_rate_without_percent_sign():
    cs = claims_of("一般公共预算当年支出100万元,比上年增加10万元,增长11.11。")
    assert (cs[-1].kind, cs[-1].value, cs[-1].flags) == ("rate", Decimal("11.11"), ["no_percent_sign"])


def test_blank_reason_is_reported_and_figures_still_read():
    text = '"三公"经费预算10.00万元,比上年增加1.00万元,增长11.11%,主要原因是。'
    assert stated_reasons(text) == [""]
    assert [c.kind for c in claims_of(text)] == ["amount", "change", "rate"]


def test_traditional_characters():
    cs = claims_of("預算收入35,949.39萬元,其中:一般公共預算撥款收入35,892.39萬元,佔99.84%;比上年增長13.33%。")
    assert [(c.kind, c.subject, c.value, c.unit) for c in cs] == [
        ("amount", "预算收入", Decimal("35949.39"), "万元"),
        ("amount", "一般公共预算拨款收入", Decimal("35892.39"), "万元"),
        ("share", "一般公共预算拨款收入", Decimal("99.84"), "%"),
        ("rate", "预算收入", Decimal("13.33"), "%"),
    ]
    assert cs[0].raw == "35,949.39萬元"  # raw stays as printed
    assert normalise_text("與上年預算數相同，增長") == "与上年预算数相同,增长"


def test_footer_inside_a_sentence_is_dropped_by_the_splitter():
    from yusuan.read.document import Line

    lines = [
        Line(cells=["三、支出预算情况说明"], lineno=1),
        Line(cells=["本部门支出预算35,892."], lineno=2),
        Line(cells=["- 15 -"], lineno=3),
        Line(cells=["39万元,其中基本支出4345.68 ─ 13 ─ 万元。"], lineno=4),
    ]
    cs = claims_from_sections(split_sections(lines, "f"))
    assert [(c.subject, c.value, c.source.line) for c in cs] == [
        ("支出预算", Decimal("35892.39"), 2),
        ("基本支出", Decimal("4345.68"), 4),
    ]


def test_placeholders_and_missing_numbers():
    cs = claims_of("政府性基金支出预算支出万元。与上年相比增加(减少)0万元,增长(减少)0%。项目支出XX万元。")
    assert [(c.kind, c.value, c.flags) for c in cs] == [
        ("amount", None, ["missing_number"]),
        ("change", Decimal("0"), ["ambiguous_direction"]),
        ("rate", Decimal("0"), ["ambiguous_direction"]),
        ("amount", None, ["placeholder"]),
    ]
    assert cs[1].direction is None and cs[1].subject == "政府性基金支出预算支出"


def test_compared_with_phrase_and_counts():
    cs = claims_of(
        "与上年相比,财政拨款支出增加2432.93万元,增长15.3%。本部门共0个项目实行绩效目标管理,局机关内设13个股室。"
    )
    assert [(c.kind, c.subject, c.value, c.reference) for c in cs] == [
        ("change", "财政拨款支出", Decimal("2432.93"), "上年"),
        ("rate", "财政拨款支出", Decimal("15.3"), "上年"),
        ("count", "项目", Decimal("0"), None),
        ("count", "股室", Decimal("13"), None),
    ]


def test_years_and_codes_are_not_figures():
    assert claims_of("根据晋财综[2023]43号,2024年1月1日起,表1列示。") == []


def test_change_after_one_listed_item_is_about_that_item():
    cs = claims_of(
        "公务用车购置及运行费36.56万元。其中:公务用车购置费15万元,比2024年预算减少10万元;"
        "公务接待费1.35万元。比2024年预算持平。"
    )
    change = next(c for c in cs if c.kind == "change")
    assert (change.subject, change.direction, change.reference) == ("公务用车购置费", -1, "2024年预算")
    same = cs[-1]
    assert (same.kind, same.subject, same.reference) == ("same", "公务接待费", "2024年预算")
