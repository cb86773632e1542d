"""The rule catalogue: every rule, registered explicitly. Ids are permanent; a retired id is listed
in RETIRED and never reused."""

from __future__ import annotations

from yusuan.check.engine import Rule
from yusuan.check.rules.YS_SUM_001 import ParentNotSumOfChildren

RULES: list[Rule] = [
    ParentNotSumOfChildren(),
]

#: ids no longer in use (never to be reused), with what replaced them
RETIRED: dict[str, str] = {}

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
