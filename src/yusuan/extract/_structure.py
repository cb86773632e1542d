"""Row structure of a read table: levels and parents from codes (or names), roles, and the
standard row keys of fixed-layout tables (summaries, 三公, procurement, income by source).

Row keys (stable; rules read them):

- two-sided tables: ``income:<fund>`` (``income:general_budget`` …), ``income_current_total``,
  ``carryover_total``, ``carryover:<fund>``, ``income_grand_total``; ``exp:<类 code>``,
  ``use:basic`` / ``use:project`` / ``use:reserve`` (支出 by use: 基本支出, 项目支出, 单位预留机动经费),
  ``exp_current_total``, ``exp_carry_forward``, ``exp_balance_distribution`` (结余分配),
  ``exp_grand_total``;
- 三公: ``abroad``, ``reception``, ``vehicle``, ``vehicle_purchase``, ``vehicle_operation``,
  ``total``; and ``meeting``, ``training``, ``grand_total`` (三公 + 会议费 + 培训费),
  ``admin_running`` (机关运行经费 printed in the 三公 table);
- economic tables: ``personnel_total`` / ``public_total`` (人员经费合计 / 公用经费合计 printed
  side by side instead of one 合计);
- procurement: ``goods``, ``works``, ``services``;
- any table: ``total`` on its 合计 row.
"""

from __future__ import annotations

import re

from yusuan.catalog.classification import function_class_code, level_of
from yusuan.catalog.tables import TableKind
from yusuan.extract._rows import TOTAL_LABEL
from yusuan.model import Row, Table

_ECON_CLASS = re.compile(
    r"^(工资福利支出|商品和服务支出|对个人和家庭的补助|对企业补助|对社会保障基金补助|债务利息及费用支出|"
    r"资本性支出(（基本建设）|\(基本建设\))?|其他支出|机关工资福利支出|机关商品和服务支出|机关资本性支出.*|"
    r"对事业单位经常性补助|对事业单位资本性补助)$"
)
_ECON_KINDS = ("general_budget_basic_economic", "fiscal_basic_economic")
_ECON_SUBTOTALS = (
    (re.compile(r"^人员经费(合计|小计)?$"), "personnel_total"),
    (re.compile(r"^公用经费(合计|小计)?$"), "public_total"),
)
_THREE_PUBLIC = (
    (r"购置及运行|购置和运行", "vehicle"),
    (r"购置费", "vehicle_purchase"),
    (r"运行(维护|维修)?费", "vehicle_operation"),
    (r"因公出国", "abroad"),
    (r"公务接待", "reception"),
    (r"^合计$|^总计$", "total"),
)
_PROCUREMENT = (
    (re.compile(r"货物"), "goods"),
    (re.compile(r"工程"), "works"),
    (re.compile(r"服务"), "services"),
)
_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十]+[)）、.．]|^\d+[.．、]")

INCOME_KEYS = (
    (r"^财政拨款(收入)?$|^财政拨款收入合计$", "fiscal_appropriation"),
    (r"一般公共预算", "general_budget"),
    (r"政府性基金", "gov_fund"),
    (r"国有资本经营", "state_capital"),
    (r"财政专户", "fiscal_special"),
    (r"单位资金", "unit_funds"),
    (r"事业单位经营收入|^经营收入$", "operating_income"),
    (r"事业收入", "business_income"),
    (r"其他收入", "other_income"),
    (r"^其他资金$", "other_funds"),
    (r"上级补助", "from_higher"),
    (r"附属单位上缴", "from_subsidiaries"),
    (r"用事业基金弥补|使用非财政拨款结余", "use_of_balance"),
)
_USE_KEYS = ((r"^基本支出$", "basic"), (r"^项目支出$", "project"), (r"预留机动经费|^机动经费$", "reserve"))
# The tables above, compiled once (re.search with a string pattern looks the pattern up on every call).
_INCOME_RX = tuple((re.compile(p), k) for p, k in INCOME_KEYS)
_USE_RX = tuple((re.compile(p), k) for p, k in _USE_KEYS)
_THREE_PUBLIC_RX = tuple((re.compile(p), k) for p, k in _THREE_PUBLIC)
_ITEM_NUMBER = re.compile(r"^[①②③④⑤⑥1-9][.、]?")
_GRAND = re.compile(r"总计$")
_INCOME_CURRENT = re.compile(r"(本年|当年)收入(合计|小计)")
_USE_OF_BALANCE = re.compile(r"用事业基金弥补|使用非财政拨款结余")
_EXP_CURRENT = re.compile(r"(本年|当年)支出(合计|小计)")
_CARRY_FORWARD = re.compile(r"年终结转|年末(财政拨款)?结转|结转下年")


def strip_numbering(name: str) -> str:
    """``一、财政拨款`` → ``财政拨款``; ``1.一般公共预算`` → ``一般公共预算``."""
    return _NUMBERING.sub("", name)


def assign_structure(table: Table, kind: TableKind) -> None:
    """Levels, parents, roles and row keys, from codes where printed, else from names."""
    if kind.two_sided:
        summary_keys(table)
        return
    current_class: str | None = None
    label_rows = [r for r in table.rows if r.name or r.code]
    for r in table.rows:
        if r.key:
            continue  # keyed by the reader (horizontal tables)
        if TOTAL_LABEL.match(r.name) and not r.code:
            r.role = "total"
            r.key = "total"
            continue
        if not r.name and not r.code and r.values and not label_rows:
            # the only figures of a table that prints no row label (Jiangsu 支出预算总表): its totals
            r.role, r.key = "total", "total"
            continue
        if kind.key == "procurement":
            _procurement_key(r)
        elif kind.key == "income" and r.level is not None and not r.code:
            _income_source_key(r)
        if r.code:
            r.level = level_of(r.code)
            if len(r.code) > 3:
                r.parent = r.code[:-2]
        elif kind.key in _ECON_KINDS:
            for rx, key in _ECON_SUBTOTALS:
                if rx.match(r.name):
                    r.key, r.role = key, "subtotal"
                    break
            else:
                if _ECON_CLASS.match(r.name) and not r.alt_name:
                    r.level, current_class = 1, r.name
                else:
                    r.level, r.parent = 2, current_class
        elif kind.key == "three_public":
            for rx, key in _THREE_PUBLIC_RX:
                if rx.search(_ITEM_NUMBER.sub("", r.name)):
                    r.key = key
                    if key == "total":
                        r.role = "total"
                    break
        elif kind.key == "admin_running":
            r.role = "unit"


def _procurement_key(r: Row) -> None:
    if r.level == 1:
        for rx, key in _PROCUREMENT:
            if rx.search(r.name):
                r.key = key
                return


def _income_source_key(r: Row) -> None:
    """Income by source printed as rows (Jiangsu 收入预算总表): the groups' own lines are keyed."""
    if r.level != 1:
        return
    n = strip_numbering(r.name)
    if "结转" in n or "结余" in n:
        r.key = "carryover_total"
        return
    for rx, key in _INCOME_RX:
        if rx.search(n):
            r.key = "income:" + key
            return


_TOP = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_SUB_ITEM = re.compile(r"^(?:\d+[.．、]|[(（]\d+[)）])")


def summary_keys(table: Table) -> None:
    in_carryover = False
    top: dict[str | None, str] = {}
    # 收入合计 is the current-year total when a 总计 follows it, else the side's grand total
    has_grand = {
        side: any(r.side == side and _GRAND.search(strip_numbering(r.name)) for r in table.rows)
        for side in ("income", "expenditure")
    }
    current_seen = {"income": False, "expenditure": False}
    for r in table.rows:
        n = strip_numbering(r.name)
        if _TOP.match(r.name):
            top[r.side] = r.name
        elif _SUB_ITEM.match(r.name) and r.side in top:
            # 1.一般公共预算 under 一、财政拨款: a part of the line above, not another source
            r.level, r.parent = 2, top[r.side]
        if r.side == "income":
            as_current = n == "收入合计" and has_grand["income"] and not current_seen["income"]
            if _INCOME_CURRENT.search(n) or as_current:
                r.key, r.role, in_carryover = "income_current_total", "subtotal", False
                current_seen["income"] = True
            elif "收入总计" in n or n in ("总计", "收入合计"):
                r.key, r.role = "income_grand_total", "total"
            elif _USE_OF_BALANCE.search(n):
                r.key = "income:use_of_balance"
            elif "结转" in n or "结余" in n:
                r.key, r.role, in_carryover = "carryover_total", "subtotal", True
            else:
                for rx, key in _INCOME_RX:
                    if rx.search(n):
                        r.key = ("carryover:" if in_carryover else "income:") + key
                        break
        else:
            as_current = n == "支出合计" and has_grand["expenditure"] and not current_seen["expenditure"]
            if _EXP_CURRENT.search(n) or as_current:
                r.key, r.role = "exp_current_total", "subtotal"
                current_seen["expenditure"] = True
            elif "支出总计" in n or n in ("总计", "支出合计"):
                r.key, r.role = "exp_grand_total", "total"
            elif _CARRY_FORWARD.search(n):
                r.key = "exp_carry_forward"
            elif "结余分配" in n:
                r.key = "exp_balance_distribution"
            else:
                for rx, key in _USE_RX:
                    if rx.search(n):
                        r.key = "use:" + key
                        break
                else:
                    code = function_class_code(n)
                    if code:
                        r.key, r.level = f"exp:{code}", 1
