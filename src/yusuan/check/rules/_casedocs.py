"""Small synthetic documents shared by the cases of several SUM / XTAB rules.

Each function returns a case ``doc`` (see check/cases.py); keyword arguments override the values
of single rows, so a case states only what it changes.
"""

from __future__ import annotations

from typing import Any


def summary(**values: dict[str, str]) -> dict[str, Any]:
    """A balanced 收支总表: 120 of income (100 general budget + 20 unit funds) + 10 carried over,
    spent on 208 (100 this year + 10 carried over) and 221 (20).

    Keyword = row key with ``:`` written as ``__`` (``exp__208={"total": "1.00"}``).
    """
    rows = [
        ("income", "income:general_budget", "item", {"amount": "100.00"}),
        (
            "expenditure",
            "exp:208",
            "item",
            {"total": "110.00", "current_year": "100.00", "carryover": "10.00"},
        ),
        ("expenditure", "exp:221", "item", {"total": "20.00", "current_year": "20.00"}),
        ("income", "income:unit_funds", "item", {"amount": "20.00"}),
        ("income", "income_current_total", "subtotal", {"amount": "120.00"}),
        (
            "expenditure",
            "exp_current_total",
            "subtotal",
            {"total": "130.00", "current_year": "120.00", "carryover": "10.00"},
        ),
        ("income", "carryover_total", "subtotal", {"amount": "10.00"}),
        ("expenditure", "exp_carry_forward", "item", {}),
        ("income", "income_grand_total", "total", {"amount": "130.00"}),
        (
            "expenditure",
            "exp_grand_total",
            "total",
            {"total": "130.00", "current_year": "120.00", "carryover": "10.00"},
        ),
    ]
    return {"tables": [{"kind": "summary", "rows": _rows(rows, values)}]}


def _rows(rows: list[tuple[str, str, str, dict[str, str]]], values: dict[str, dict[str, str]]) -> list[dict]:
    out = []
    for side, key, role, vals in rows:
        vals = {**vals, **values.get(key.replace(":", "__"), {})}
        out.append({"side": side, "key": key, "role": role, "name": key, "values": vals})
    return out


def three_public(**values: dict[str, str]) -> dict[str, Any]:
    """A consistent 三公 table: 出国 2 + 接待 3 + 用车 5 (购置 1 + 运行 4) = 10, all general budget
    except 1.00 of 接待 from government funds. Keyword = row key."""
    base = {
        "abroad": {"total": "2.00", "general_budget": "2.00"},
        "reception": {"total": "3.00", "general_budget": "2.00", "gov_fund": "1.00"},
        "vehicle": {"total": "5.00", "general_budget": "5.00"},
        "vehicle_purchase": {"total": "1.00", "general_budget": "1.00"},
        "vehicle_operation": {"total": "4.00", "general_budget": "4.00"},
        "total": {"total": "10.00", "general_budget": "9.00", "gov_fund": "1.00"},
    }
    rows = [
        {
            "key": k,
            "name": k,
            "role": "total" if k == "total" else "item",
            "values": {**vals, **values.get(k, {})},
        }
        for k, vals in base.items()
        if values.get(k) != {"drop": "row"}
    ]
    return {"tables": [{"kind": "three_public", "rows": rows}]}


def economic(**values: dict[str, str]) -> dict[str, Any]:
    """A consistent 基本支出经济分类表: 合计 30 = 人员 20 + 公用 10; three 类 with their 款.

    Keyword = row name; ``{"drop": "row"}`` leaves a row out.
    """
    rows = [
        ("合计", None, None, "total", {"total": "30.00", "personnel": "20.00", "public": "10.00"}),
        ("工资福利支出", 1, None, "item", {"total": "15.00", "personnel": "15.00"}),
        ("基本工资", 2, "工资福利支出", "item", {"total": "10.00", "personnel": "10.00"}),
        ("津贴补贴", 2, "工资福利支出", "item", {"total": "5.00", "personnel": "5.00"}),
        ("商品和服务支出", 1, None, "item", {"total": "10.00", "public": "10.00"}),
        ("办公费", 2, "商品和服务支出", "item", {"total": "6.00", "public": "6.00"}),
        ("公务用车运行维护费", 2, "商品和服务支出", "item", {"total": "4.00", "public": "4.00"}),
        ("对个人和家庭的补助", 1, None, "item", {"total": "5.00", "personnel": "5.00"}),
        ("退休费", 2, "对个人和家庭的补助", "item", {"total": "5.00", "personnel": "5.00"}),
    ]
    out = []
    for name, level, parent, role, vals in rows:
        if values.get(name) == {"drop": "row"}:
            continue
        row: dict[str, Any] = {"name": name, "level": level, "parent": parent, "role": role}
        row["values"] = {**vals, **values.get(name, {})}
        if role == "total":
            row["key"] = "total"
        out.append(row)
    return {"tables": [{"kind": "general_budget_basic_economic", "rows": out}]}


def projects(kind: str = "project_current", **values: dict[str, str]) -> dict[str, Any]:
    """A consistent project table: department 30 = unit A 20 (a1 10 + a2 10) + unit B 10 (b1 10);
    general budget 25 + unit funds 5. Keyword = row name."""
    rows = [
        ("示例部门", "total", None, {"total": "30.00", "general_budget": "25.00", "unit_funds": "5.00"}),
        ("单位A", "unit", "示例部门", {"total": "20.00", "general_budget": "15.00", "unit_funds": "5.00"}),
        ("a1", "project", "单位A", {"total": "10.00", "general_budget": "10.00"}),
        ("a2", "project", "单位A", {"total": "10.00", "general_budget": "5.00", "unit_funds": "5.00"}),
        ("单位B", "unit", "示例部门", {"total": "10.00", "general_budget": "10.00"}),
        ("b1", "project", "单位B", {"total": "10.00", "general_budget": "10.00"}),
    ]
    out = []
    for name, role, parent, vals in rows:
        if values.get(name) == {"drop": "row"}:
            continue
        row: dict[str, Any] = {
            "name": name,
            "role": role,
            "parent": parent,
            "values": {**vals, **values.get(name, {})},
        }
        if role == "total":
            row["key"] = "total"
        out.append(row)
    return {"tables": [{"kind": kind, "rows": out}]}
