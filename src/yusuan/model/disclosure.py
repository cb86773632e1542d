"""The structured disclosure: metadata, tables, projects, performance targets, narrative."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from yusuan.model.amount import Amount, Provenance, Unit

Kind = Literal["budget", "final"]
Scope = Literal["department", "unit"]


class Meta(BaseModel):
    """What the disclosure is. A field that could not be found is None, never a default."""

    title: str | None = None
    department: str | None = None
    #: units the disclosure covers (单位构成), as named in the document
    units: list[str] = []
    year: int | None = None
    kind: Kind | None = None
    scope: Scope | None = None
    region: str | None = None
    source_files: list[str] = []
    doc_id: str = ""
    #: where each field was found (field name → provenance)
    evidence: dict[str, Provenance] = {}


class Column(BaseModel):
    """A table column: a standard key from the catalog and the header as printed."""

    key: str
    label: str = ""
    #: for two-sided tables: which side the column belongs to
    side: Literal["income", "expenditure"] | None = None


class Row(BaseModel):
    """A table row. ``values`` maps column keys to amounts; empty cells are absent.

    ``code`` is the classification code when the row has one; ``level`` is 1/2/3 for
    类/款/项 (or the depth in a unit → project tree); ``parent`` is the parent row's code, or for
    rows of project tables the enclosing unit's name. ``role`` marks totals.
    """

    code: str | None = None
    name: str
    #: a standard key for rows of fixed-layout tables (summary, 三公, …), e.g. ``income:general_budget``,
    #: ``exp:208``, ``income_grand_total``; None for classification and project rows
    key: str | None = None
    level: int | None = None
    parent: str | None = None
    role: Literal["item", "total", "subtotal", "unit", "project"] = "item"
    side: Literal["income", "expenditure"] | None = None
    #: a second name column, e.g. 政府预算支出经济分类 beside 部门经济分类
    alt_name: str | None = None
    values: dict[str, Amount] = {}
    source: Provenance = Field(default_factory=Provenance)


class Table(BaseModel):
    """One standard table as printed."""

    kind: str
    #: position in the printed order, 1-based
    number: int
    #: the printed table number if any, e.g. 预算公开表1, 公开01表
    printed_no: str | None = None
    title: str
    unit: Unit | None = None
    unit_source: Literal["printed", "document", "unknown"] = "unknown"
    columns: list[Column] = []
    rows: list[Row] = []
    #: the note saying the table is empty (本表无数据 …), when printed
    empty_note: str | None = None
    #: the title says the table leaves out last year's carry-over (不含上年结转)
    excludes_carryover: bool = False
    source: Provenance = Field(default_factory=Provenance)

    def total_row(self, side: str | None = None) -> Row | None:
        for r in self.rows:
            if r.role == "total" and (side is None or r.side == side):
                return r
        return None

    def row_by_key(self, key: str) -> Row | None:
        for r in self.rows:
            if r.key == key:
                return r
        return None

    def row_by_code(self, code: str) -> Row | None:
        for r in self.rows:
            if r.code == code:
                return r
        return None


class Project(BaseModel):
    """A project of the project tables: department → unit → project."""

    name: str
    unit: str
    department: str | None = None
    period: Literal["current", "carryover"] = "current"
    #: column key → amount (合计 and fund sources)
    amounts: dict[str, Amount] = {}
    table_no: int | None = None
    source: Provenance = Field(default_factory=Provenance)


@dataclass(slots=True)
class Indicator:
    """One performance indicator (一级/二级/三级指标 and its target value).

    A dataclass like Amount: a document has hundreds of them (36 tables × 2 periods × ~8).
    """

    period: Literal["implementation", "annual"] = "annual"
    level1: str | None = None
    level2: str | None = None
    level3: str | None = None
    target_raw: str = ""
    comparator: Literal["=", ">=", "<=", ">", "<"] | None = None
    target_value: Decimal | None = None
    target_unit: str | None = None
    source: Provenance = field(default_factory=Provenance)


class PerformanceTarget(BaseModel):
    """A 项目支出绩效目标表. Funds are in 元; ``funds[period][source]``.

    period: ``implementation`` (实施期) or ``annual`` (年度);
    source: ``total``, ``central``, ``provincial``, ``local`` (市县(区)), ``self_raised``, ``other``.
    """

    project: str
    #: the project of the project tables this target belongs to, when matched
    matched_project: str | None = None
    competent_department: str | None = None
    implementing_unit: str | None = None
    attribute: str | None = None
    period: str | None = None
    funds: dict[str, dict[str, Amount]] = {}
    overview: str | None = None
    basis: str | None = None
    necessity: str | None = None
    measures: str | None = None
    plan: str | None = None
    goal_implementation: str | None = None
    goal_annual: str | None = None
    indicators: list[Indicator] = []
    filled_date: str | None = None
    ocr: bool = False
    source: Provenance = Field(default_factory=Provenance)


class Section(BaseModel):
    """A narrative section, with its raw text (footers and hyphenation removed)."""

    heading: str
    #: outline path, e.g. ["第三部分", "七"]
    path: list[str] = []
    text: str = ""
    source: Provenance = Field(default_factory=Provenance)
    end_line: int | None = None


class Claim(BaseModel):
    """A figure stated in the narrative: an amount, a share, a change or a count.

    kind: ``amount`` (X万元), ``share`` (占X%), ``change`` (比上年增加A), ``rate``
    (增长B%), ``count`` (N个), ``same`` (与上年相同).
    """

    kind: Literal["amount", "share", "change", "rate", "count", "same"]
    #: what the figure is about, as the text names it (e.g. 基本支出, 一般公共预算拨款收入)
    subject: str
    value: Decimal | None = None
    unit: str | None = None
    precision: int = 0
    #: +1 increase, -1 decrease, 0 same, None n/a
    direction: int | None = None
    #: for shares and changes: what the figure is compared with (the whole, last year)
    reference: str | None = None
    raw: str = ""
    sentence: str = ""
    section: str | None = None
    source: Provenance = Field(default_factory=Provenance)
    flags: list[str] = []


class ThreePublicExplanation(BaseModel):
    """The "三公" section of the narrative, with the figures it states."""

    text: str = ""
    claims: list[Claim] = []
    source: Provenance = Field(default_factory=Provenance)


class ProcurementBudget(BaseModel):
    """政府采购: total and the goods / works / services split (万元)."""

    total: Amount | None = None
    goods: Amount | None = None
    works: Amount | None = None
    services: Amount | None = None
    none_stated: bool = False
    text: str = ""
    source: Provenance = Field(default_factory=Provenance)


class VehicleCounts(BaseModel):
    """Official vehicles (公务用车) by category."""

    quota: int | None = None
    actual: int | None = None
    by_category: dict[str, int] = {}


class StateAssets(BaseModel):
    """国有资产占有使用情况."""

    as_of: str | None = None
    vehicles: VehicleCounts | None = None
    office_floor_area_m2: Decimal | None = None
    #: (threshold in 万元, count) for general equipment above a value, e.g. {"50": 0, "100": 0}
    equipment_over: dict[str, int] = {}
    text: str = ""
    source: Provenance = Field(default_factory=Provenance)


class GlossaryEntry(BaseModel):
    term: str
    definition: str
    source: Provenance = Field(default_factory=Provenance)


@dataclass(slots=True)
class PurchaseCatalogItem:
    """A node of the 政府购买服务指导性目录 code tree (A → A15 → A1502 → A150201).

    A dataclass like Amount: a document can append a province's whole catalog (thousands of rows).
    """

    code: str
    name: str
    level: int
    parent: str | None = None
    #: the department group the node was listed under
    group: str | None = None
    source: Provenance = field(default_factory=Provenance)


class ExtractionIssue(BaseModel):
    """Something the extractor could not read, or read with a doubt. Never silently dropped."""

    kind: Literal["unreadable", "malformed", "conflict", "missing", "ambiguous", "note"]
    message: str
    where: Provenance = Field(default_factory=Provenance)
    table_no: int | None = None
    #: the part of the document the issue is in, when not a standard table: ``performance``
    #: (the scanned performance-target tables), ``narrative``
    section: str | None = None


class Disclosure(BaseModel):
    """One disclosure, as extracted."""

    schema_version: int = 1
    meta: Meta = Meta()
    tables: list[Table] = []
    projects: list[Project] = []
    performance_targets: list[PerformanceTarget] = []
    sections: list[Section] = []
    claims: list[Claim] = []
    three_public: ThreePublicExplanation | None = None
    #: 机关运行经费 as stated in the narrative (万元)
    admin_running_costs: Amount | None = None
    procurement: ProcurementBudget | None = None
    state_assets: StateAssets | None = None
    glossary: list[GlossaryEntry] = []
    purchase_catalog: list[PurchaseCatalogItem] = []
    issues: list[ExtractionIssue] = []

    def table(self, kind: str) -> Table | None:
        """The first table of a standard kind, or None."""
        for t in self.tables:
            if t.kind == kind:
                return t
        return None

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]
