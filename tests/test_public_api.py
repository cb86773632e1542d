"""The public API is small and pinned: changing it is a decision, not an accident."""

from __future__ import annotations

import yusuan.model
from yusuan.read import errors


def test_model_exports():
    assert sorted(yusuan.model.__all__) == [
        "Amount", "Claim", "Column", "Disclosure", "ExtractionIssue", "GlossaryEntry", "Indicator",
        "Meta", "PerformanceTarget", "ProcurementBudget", "Project", "Provenance", "PurchaseCatalogItem",
        "Row", "Section", "StateAssets", "Table", "ThreePublicExplanation", "Unit", "VehicleCounts",
    ]  # fmt: skip


def test_entry_points():
    from yusuan.api import parse
    from yusuan.check.engine import run
    from yusuan.export import FACT_COLUMNS

    assert callable(parse) and callable(run)
    assert FACT_COLUMNS == (
        "doc_id", "table_no", "table_kind", "table_title", "row_code", "row_name",
        "parent", "column", "amount", "unit", "page", "line",
    )  # fmt: skip


def test_one_exception_tree():
    assert issubclass(errors.ReadError, errors.YusuanError)
    assert issubclass(errors.NotADisclosureError, errors.YusuanError)
    e = errors.ReadError("a.pdf", "corrupt", page=3, message_zh="文件损坏")
    assert "a.pdf" in str(e) and "文件损坏" in str(e) and "3" in str(e)
