"""The rule catalogue: every rule, registered explicitly in RULES.

Ids are permanent: a retired id is listed in RETIRED and never reused; a renamed rule keeps its
id. One rule per file, the file named after the id (YS_SUM_001.py for YS-SUM-001).
"""

from __future__ import annotations

from yusuan.check.engine import Rule

# SUM: within-table identities
from yusuan.check.rules.YS_SUM_001 import ParentNotSumOfChildren

# XTAB: cross-table identities

# STRUCT: required tables, sections and metadata

# CLASS: classification codes and names

# NARR: narrative against tables

# PERF: performance targets

# FORMAT: malformed numbers, placeholders, blank reasons

RULES: list[Rule] = [
    # SUM
    ParentNotSumOfChildren(),
    # XTAB
    # STRUCT
    # CLASS
    # NARR
    # PERF
    # FORMAT
]

#: ids no longer in use (never to be reused), with what replaced them
RETIRED: dict[str, str] = {}

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
