from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHANXI = FIXTURES / "2024_budget_shanxi-xiaoyi_renshe.txt"


@pytest.fixture(scope="session")
def shanxi_path() -> Path:
    return SHANXI


@pytest.fixture(scope="session")
def _shanxi_json() -> str:
    from yusuan.api import parse

    return parse(str(SHANXI)).model_dump_json()


@pytest.fixture
def shanxi(_shanxi_json):
    """The parsed primary sample (a fresh copy per test)."""
    from yusuan.model import Disclosure

    return Disclosure.model_validate_json(_shanxi_json)
