"""The disclosure model: pure data, no I/O. The contract between readers, extractors,
rules, renderers and the store. Serialises to JSON (``Disclosure.model_dump_json``) and back
(``Disclosure.model_validate_json``); ``schema/disclosure.schema.json`` is generated from it.
"""

from yusuan.model.amount import Amount, Provenance, Unit
from yusuan.model.disclosure import (
    Claim,
    Column,
    Disclosure,
    ExtractionIssue,
    GlossaryEntry,
    Indicator,
    Meta,
    PerformanceTarget,
    ProcurementBudget,
    Project,
    PurchaseCatalogItem,
    Row,
    Section,
    StateAssets,
    Table,
    ThreePublicExplanation,
    VehicleCounts,
)

__all__ = [
    "Amount",
    "Claim",
    "Column",
    "Disclosure",
    "ExtractionIssue",
    "GlossaryEntry",
    "Indicator",
    "Meta",
    "PerformanceTarget",
    "ProcurementBudget",
    "Project",
    "Provenance",
    "PurchaseCatalogItem",
    "Row",
    "Section",
    "StateAssets",
    "Table",
    "ThreePublicExplanation",
    "Unit",
    "VehicleCounts",
]
