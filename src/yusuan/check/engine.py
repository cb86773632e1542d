"""The rule engine: rules, outcomes, findings, and the run over a disclosure.

A rule is a class in its own file under ``check/rules/`` with its metadata beside its logic and
its passing and failing cases as data (``cases``). ``check()`` yields the offending items as
findings; yielding none means pass. A rule that cannot run raises :class:`NotApplicable` (the
document has nothing the rule is about) or :class:`InsufficientData` (the rule needs something
the document lacks or that could not be read). Unknown is never pass.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar, Literal

from yusuan.model import Amount, Disclosure, Row, Table

Severity = Literal["error", "warning", "notice"]
Status = Literal["pass", "fail", "not_applicable", "insufficient_data", "error"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "notice": 2}
STATUSES: tuple[Status, ...] = ("pass", "fail", "not_applicable", "insufficient_data", "error")


#: what rules of one run share (see run_memo); None outside a run
_RUN_CACHE: ContextVar[dict[object, object] | None] = ContextVar("yusuan_run_cache", default=None)


def run_memo(key: object, factory: Any) -> Any:
    """``factory()``, computed once per :func:`run` for ``key`` and shared by the rules of that run.

    Several rules read the same derived view of a document (e.g. the narrative's figures in their
    sentence context); within one run the document does not change, so it is built once. Outside
    a run (a single rule run by a test) it is built every time.
    """
    cache = _RUN_CACHE.get()
    if cache is None:
        return factory()
    if key not in cache:
        cache[key] = factory()
    return cache[key]


class NotApplicable(Exception):  # noqa: N818 - an outcome, not an error
    """The rule has nothing to check in this document (e.g. a final-accounts rule on a budget)."""


class InsufficientData(Exception):  # noqa: N818 - an outcome, not an error
    """The rule needs a table, row or figure that is missing or could not be read."""


@dataclass
class Finding:
    """One problem found. Amounts are plain decimals in ``unit``; percentages are numbers without %."""

    rule_id: str
    severity: Severity
    message: str
    message_en: str = ""
    table_no: int | None = None
    row_code: str | None = None
    row_name: str | None = None
    column: str | None = None
    file: str | None = None
    page: int | None = None
    line: int | None = None
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    tolerance: Decimal | None = None
    unit: str | None = None
    #: the difference is inside the rounding bound of the figures involved (a notice, not an error)
    rounding: bool = False
    #: other places the finding compares (e.g. the second table), for the reports
    related: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def dec(v: Decimal | None) -> str | None:
            return None if v is None else format(v, "f")

        return {
            "rule_id": self.rule_id,
            "severity": self.severity,
            "message": self.message,
            "message_en": self.message_en,
            "table_no": self.table_no,
            "row_code": self.row_code,
            "row_name": self.row_name,
            "column": self.column,
            "file": self.file,
            "page": self.page,
            "line": self.line,
            "expected": dec(self.expected),
            "actual": dec(self.actual),
            "difference": dec(self.difference),
            "tolerance": dec(self.tolerance),
            "unit": self.unit,
            "rounding": self.rounding,
            "related": self.related,
        }


@dataclass
class Outcome:
    rule_id: str
    status: Status
    findings: list[Finding] = field(default_factory=list)
    reason: str = ""


class _Fields(dict):
    """Template fields: a missing name renders as itself, so a message never crashes a run."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Rule:
    """Base class of every rule. Subclasses set the class fields and implement ``check``."""

    id: ClassVar[str]
    slug: ClassVar[str]
    severity: ClassVar[Severity] = "error"
    family: ClassVar[str]
    title: ClassVar[str]
    title_en: ClassVar[str]
    #: message templates with named fields, e.g. "{row}：{a} ≠ {b}"
    message: ClassVar[str]
    message_en: ClassVar[str]
    #: the identity or regulation the rule enforces
    rationale: ClassVar[str]
    #: which kinds of document the rule applies to
    applies_to: ClassVar[tuple[str, ...]] = ("budget", "final")
    #: passing and failing cases, as data (see check/cases.py); run by tests/test_rule_cases.py
    cases: ClassVar[list[dict[str, Any]]] = []

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        *,
        severity: Severity | None = None,
        table: Table | None = None,
        row: Row | None = None,
        column: str | None = None,
        amount: Amount | None = None,
        expected: Decimal | None = None,
        actual: Decimal | None = None,
        tolerance: Decimal | None = None,
        unit: str | None = None,
        rounding: bool = False,
        message: str | None = None,
        message_en: str | None = None,
        related: list[dict[str, Any]] | None = None,
        **fields: Any,
    ) -> Finding:
        """Build a finding from the rule's templates; place it at ``amount`` / ``row`` / ``table``."""
        diff = None if expected is None or actual is None else actual - expected
        auto = {
            "expected": expected,
            "actual": actual,
            "diff": diff,
            "difference": diff,
            "tolerance": tolerance,
            "unit": unit or "",
            "column": _column_name(column) if column else "",
            "table_no": table.number if table is not None else "",
            "title": table.title if table is not None else "",
            "code": (row.code or "") if row is not None else "",
            "name": row.name if row is not None else "",
        }
        f = _Fields({k: ("" if v is None else v) for k, v in auto.items()})
        f.update(fields)
        src = amount.source if amount is not None else (row.source if row is not None else None)
        if src is None and table is not None:
            src = table.source
        sev: Severity = severity or ("notice" if rounding else self.severity)
        if tolerance is not None and tolerance.as_tuple().exponent < -6:  # type: ignore[operator]
            # a derived bound (percentages) has long decimals that say nothing to a reader
            tolerance = tolerance.quantize(Decimal("0.000001")).normalize()
        return Finding(
            rule_id=self.id,
            severity=sev,
            message=(message or self.message).format_map(f),
            message_en=(message_en or self.message_en).format_map(f),
            table_no=table.number if table is not None else None,
            row_code=row.code if row is not None else None,
            row_name=row.name if row is not None else None,
            column=column,
            file=src.file if src else None,
            page=src.page if src else None,
            line=src.line if src else None,
            expected=expected,
            actual=actual,
            difference=diff,
            tolerance=tolerance,
            unit=unit,
            rounding=rounding,
            related=related or [],
        )


def _column_name(key: str) -> str:
    from yusuan.catalog.tables import COLUMN_KEYS

    return COLUMN_KEYS[key][0] if key in COLUMN_KEYS else key


class Context:
    """What rules share: lookups that say why they fail."""

    def __init__(self, d: Disclosure):
        self.d = d

    def table(self, kind: str) -> Table | None:
        return self.d.table(kind)

    def require_table(self, kind: str, *, optional: bool = False) -> Table:
        """The table of ``kind``; raises NotApplicable (optional tables) or InsufficientData."""
        t = self.d.table(kind)
        if t is None:
            from yusuan.catalog.tables import KINDS_BY_KEY

            name = KINDS_BY_KEY[kind].name_zh if kind in KINDS_BY_KEY else kind
            if optional:
                raise NotApplicable(f"文件中没有{name}")
            raise InsufficientData(f"缺少{name},无法检查")
        return t

    def require_kind(self, *kinds: str) -> None:
        if self.d.meta.kind is None:
            raise InsufficientData("无法识别文件类型(预算/决算)")
        if self.d.meta.kind not in kinds:
            raise NotApplicable(f"仅适用于{'/'.join(kinds)}文件")


@dataclass
class CheckResult:
    disclosure: Disclosure
    outcomes: list[Outcome]
    seconds: float = 0.0

    @property
    def findings(self) -> list[Finding]:
        out = [f for o in self.outcomes for f in o.findings]
        out.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.table_no or 0, f.line or 0, f.rule_id))
        return out

    def counts(self) -> dict[str, int]:
        c = {s: 0 for s in STATUSES}
        for o in self.outcomes:
            c[o.status] += 1
        for sev in ("error", "warning", "notice"):
            c[f"findings_{sev}"] = sum(1 for f in self.findings if f.severity == sev)
        c["findings_rounding"] = sum(1 for f in self.findings if f.rounding)
        c["rules"] = len(self.outcomes)
        return c

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for o in self.outcomes for f in o.findings)


def run_rule(rule: Rule, d: Disclosure, ctx: Context | None = None) -> Outcome:
    """Run one rule; every way it can end is an outcome, never an exception."""
    ctx = ctx or Context(d)
    try:
        if d.meta.kind is not None and d.meta.kind not in rule.applies_to:
            raise NotApplicable(f"仅适用于{'/'.join(rule.applies_to)}")
        findings = list(rule.check(d, ctx))
    except NotApplicable as e:
        return Outcome(rule.id, "not_applicable", reason=str(e))
    except InsufficientData as e:
        return Outcome(rule.id, "insufficient_data", reason=str(e))
    except Exception as e:  # a bug in a rule must not hide the other rules' results
        return Outcome(rule.id, "error", reason=f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}")
    findings = _collapse(findings)
    real = [f for f in findings if not f.rounding]
    return Outcome(rule.id, "fail" if real else "pass", findings)


def _collapse(findings: list[Finding]) -> list[Finding]:
    """One finding for a problem printed twice in the same place (a paragraph that repeats a
    sentence): same rule, message, line and figures. The message says how often."""
    seen: dict[tuple[object, ...], Finding] = {}
    counts: dict[int, int] = {}
    out: list[Finding] = []
    for f in findings:
        key = (f.message, f.file, f.page, f.line, f.table_no, f.column, f.expected, f.actual)
        first = seen.get(key)
        if first is None:
            seen[key] = f
            out.append(f)
        else:
            counts[id(first)] = counts.get(id(first), 1) + 1
    for f in out:
        n = counts.get(id(f))
        if n:
            f.message += f"(同一处出现 {n} 次)"
            f.message_en += f" (printed {n} times here)"
    return out


def select_rules(rules: Iterable[Rule], ids: Iterable[str] | None) -> list[Rule]:
    """Rules whose id, slug or family is in ``ids`` (all when ``ids`` is empty)."""
    rules = list(rules)
    wanted = {i.strip() for i in ids or () if i.strip()}
    if not wanted:
        return rules
    out = [r for r in rules if r.id in wanted or r.slug in wanted or r.family in wanted]
    unknown = wanted - {r.id for r in out} - {r.slug for r in out} - {r.family for r in out}
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    return out


def run(d: Disclosure, rules: Iterable[Rule] | None = None) -> CheckResult:
    """Run the rules (default: all registered) over a disclosure."""
    if rules is None:
        from yusuan.check.rules import RULES

        rules = RULES
    t0 = time.perf_counter()
    ctx = Context(d)
    token = _RUN_CACHE.set({})
    try:
        outcomes = [run_rule(r, d, ctx) for r in rules]
    finally:
        _RUN_CACHE.reset(token)
    return CheckResult(d, outcomes, time.perf_counter() - t0)


def iter_amounts(t: Table) -> Iterator[tuple[Row, str, Amount]]:
    for r in t.rows:
        for k, a in r.values.items():
            yield r, k, a
