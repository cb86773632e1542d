"""The rule reference (docs/rules.md), generated from the rules themselves.

Everything comes from the rule classes in ``yusuan.check.rules.RULES``: id, slug, severity,
family, titles, rationale, message templates and the passing and failing cases. Regenerate with::

    python -m yusuan.report.ruledoc > docs/rules.md      # or: yusuan rules --markdown > docs/rules.md

tests/test_docs.py fails when the checked-in file differs from what this module generates.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from yusuan.check.engine import Rule

REGENERATE = "python -m yusuan.report.ruledoc > docs/rules.md"

#: rule families, in the order the reference lists them: (Chinese, English)
FAMILIES: dict[str, tuple[str, str]] = {
    "SUM": ("表内勾稽", "within-table identities"),
    "XTAB": ("表间勾稽", "cross-table identities"),
    "STRUCT": ("完整性:报表、章节与元数据", "completeness: required tables, sections and metadata"),
    "CLASS": ("科目编码与名称", "classification codes and names"),
    "NARR": ("说明文字与报表一致", "narrative against tables"),
    "PERF": ("绩效目标", "performance targets"),
    "FORMAT": ("数字格式、占位符与空白原因", "malformed numbers, placeholders, blank reasons"),
}
SEVERITY_DOC = {
    "error": ("错误", "a defect: the document contradicts itself or a rule it must follow"),
    "warning": ("警告", "probably a defect; a reviewer should look"),
    "notice": ("提示", "worth knowing, not a defect (rounding differences are notices)"),
}
OUTCOME_DOC = {
    "pass": ("通过", "the rule ran and found nothing (rounding notices may remain)"),
    "fail": ("未通过", "the rule found at least one problem beyond rounding"),
    "not_applicable": ("不适用", "the document has nothing the rule is about"),
    "insufficient_data": (
        "数据不足",
        "a table or figure the rule needs is missing or unreadable; unknown is not pass",
    ),
}


def _cell(s: Any) -> str:
    """Text for a Markdown table cell."""
    return str(s).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _code(s: str) -> str:
    """Inline code that survives backticks in the text."""
    fence = "``" if "`" in s else "`"
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def expected_outcome(case: dict[str, Any]) -> str:
    """``fail, 2 findings``, ``pass, 1 rounding notice``, ``insufficient_data``."""
    out = case["expect"]
    extra = []
    if "findings" in case:
        n = case["findings"]
        extra.append(f"{n} finding" + ("" if n == 1 else "s"))
    if case.get("rounding"):
        n = case["rounding"]
        extra.append(f"{n} rounding notice" + ("" if n == 1 else "s"))
    return out + (", " + ", ".join(extra) if extra else "")


def family_order(rules: Iterable[Rule]) -> list[str]:
    seen = {r.family for r in rules}
    return [f for f in FAMILIES if f in seen] + sorted(seen - set(FAMILIES))


def rule_markdown(rule: Rule) -> str:
    """One rule's section of the reference."""
    applies = ", ".join(rule.applies_to)
    sev_zh = SEVERITY_DOC[rule.severity][0]
    lines = [
        f'<a id="{rule.id.lower()}"></a>',
        "",
        f"### {rule.id} · {rule.title}",
        "",
        f"*{rule.title_en}*",
        "",
        "| slug | severity | family | applies to |",
        "|---|---|---|---|",
        f"| {_code(rule.slug)} | {rule.severity} ({sev_zh}) | {rule.family} | {applies} |",
        "",
        f"**依据 / Rationale.** {rule.rationale.strip()}",
        "",
        "**提示信息 / Message templates**",
        "",
        f"- zh: {_code(rule.message)}",
        f"- en: {_code(rule.message_en)}",
        "",
    ]
    if rule.cases:
        lines += [
            "**用例 / Cases** (run by `tests/test_rule_cases.py`)",
            "",
            "| case | expected outcome |",
            "|---|---|",
        ]
        lines += [f"| {_cell(c['name'])} | {_cell(expected_outcome(c))} |" for c in rule.cases]
        lines.append("")
    return "\n".join(lines)


def generate(rules: Iterable[Rule] | None = None, retired: dict[str, str] | None = None) -> str:
    """The whole reference as Markdown (ends with one newline)."""
    if rules is None or retired is None:
        from yusuan.check.rules import RETIRED, RULES

        rules = RULES if rules is None else rules
        retired = RETIRED if retired is None else retired
    rules = list(rules)
    fams = family_order(rules)
    out = [
        "# 规则参考 / Rule reference",
        "",
        f"<!-- Generated from yusuan.check.rules; do not edit. Regenerate with: {REGENERATE} -->",
        "",
        f"yusuan checks a disclosure with {len(rules)} rule{'' if len(rules) == 1 else 's'}. "
        "Each rule has a permanent id (`YS-<FAMILY>-<NNN>`), a severity, a rationale, message templates "
        "and the passing and failing cases that test it. "
        "Run one family or rule with `yusuan check FILE --rules SUM` or `--rules YS-SUM-001`; "
        "show one rule with `yusuan rules YS-SUM-001`.",
        "",
        "严重程度 / Severity:",
        "",
    ]
    out += [f"- **{k}** ({zh}): {en}" for k, (zh, en) in SEVERITY_DOC.items()]
    out += ["", "结果 / Outcome of a rule on a document:", ""]
    out += [f"- **{k}** ({zh}): {en}" for k, (zh, en) in OUTCOME_DOC.items()]
    out += [
        "- **error** (运行出错): the rule itself failed; the report says so and the check is incomplete",
        "",
    ]
    out += ["## 目录 / Index", "", "| id | severity | title | 名称 |", "|---|---|---|---|"]
    for fam in fams:
        for r in sorted((r for r in rules if r.family == fam), key=lambda r: r.id):
            out.append(
                f"| [{r.id}](#{r.id.lower()}) | {r.severity} | {_cell(r.title_en)} | {_cell(r.title)} |"
            )
    out.append("")
    for fam in fams:
        zh, en = FAMILIES.get(fam, (fam, fam))
        out += [f"## {fam} — {zh} / {en}", ""]
        for r in sorted((r for r in rules if r.family == fam), key=lambda r: r.id):
            out.append(rule_markdown(r))
    out += ["## 已停用的编号 / Retired ids", "", "Ids are never reused."]
    if retired:
        out += ["", "| id | replaced by |", "|---|---|"]
        out += [f"| {rid} | {_cell(repl)} |" for rid, repl in sorted(retired.items())]
    else:
        out += ["", "None yet."]
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# The same, for the terminal (``yusuan rules`` and ``yusuan rules ID``)


def catalogue_text(rules: Iterable[Rule] | None = None) -> str:
    """One line per rule: id, severity, family, title; in the current language."""
    from yusuan.i18n import tr
    from yusuan.report.text import SEVERITY_LABEL, cwidth, pad

    if rules is None:
        from yusuan.check.rules import RULES

        rules = RULES
    rules = list(rules)
    sev_w = max([cwidth(tr(*v)) for v in SEVERITY_LABEL.values()] + [cwidth(tr("严重程度", "severity"))]) + 2
    out = [
        pad(tr("编号", "id"), 15)
        + pad(tr("严重程度", "severity"), sev_w)
        + pad(tr("类别", "family"), 8)
        + tr("名称", "title")
    ]
    for fam in family_order(rules):
        for r in sorted((r for r in rules if r.family == fam), key=lambda r: r.id):
            out.append(
                pad(r.id, 15)
                + pad(tr(*SEVERITY_LABEL[r.severity]), sev_w)
                + pad(r.family, 8)
                + tr(r.title, r.title_en)
            )
    out.append("")
    out.append(
        tr(
            f"共 {len(rules)} 条规则。用 yusuan rules 编号 查看一条规则的依据和用例;"
            "yusuan rules --markdown 输出规则参考。",
            f"{len(rules)} rules. Show one with `yusuan rules ID`; "
            "print the reference with `yusuan rules --markdown`.",
        )
    )
    return "\n".join(out) + "\n"


def rule_text(rule: Rule, width: int = 100) -> str:
    """One rule in full for the terminal: metadata, rationale, message templates, cases."""
    from yusuan.i18n import tr
    from yusuan.report.text import SEVERITY_LABEL, indented, pad

    zh, en = FAMILIES.get(rule.family, (rule.family, rule.family))
    out = [
        f"{rule.id}  {rule.slug}",
        f"{rule.title} / {rule.title_en}",
        "",
        tr("严重程度: ", "severity: ")
        + tr(f"{SEVERITY_LABEL[rule.severity][0]} ({rule.severity})   ", f"{rule.severity}   ")
        + tr("类别: ", "family: ")
        + f"{rule.family} {tr(zh, en)}   "
        + tr("适用于: ", "applies to: ")
        + ", ".join(rule.applies_to),
        "",
        tr("依据:", "Rationale:"),
        *indented(rule.rationale.strip(), width, 2),
        "",
        tr("提示信息模板:", "Message templates:"),
        *indented("zh: " + rule.message, width, 2),
        *indented("en: " + rule.message_en, width, 2),
    ]
    if rule.cases:
        out += ["", tr(f"用例 ({len(rule.cases)}):", f"Cases ({len(rule.cases)}):")]
        w = max(len(expected_outcome(c)) for c in rule.cases) + 2
        out += [f"  {pad(expected_outcome(c), w)}{c['name']}" for c in rule.cases]
    return "\n".join(out) + "\n"


def main() -> None:
    sys.stdout.buffer.write(generate().encode("utf-8"))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
