"""Folders of disclosures: find the files, group the files of one disclosure, run each.

A disclosure is usually one file; some publishers split one into several (narrative and tables,
``…_narrative.pdf`` + ``…_tables.pdf``, ``说明`` + ``报表``). Files whose names differ only by such a
role word are one disclosure; every other file is a disclosure of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from yusuan.model import Disclosure

#: the inputs a folder run looks at (content decides the reader; the suffix only selects files)
SUFFIXES = {".pdf", ".txt", ".xlsx", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
_ROLE = re.compile(
    r"[\s._\-—(（]*(narrative|tables?|text|说明|情况说明|报表|公开表|附表|正文)[)）]?$", re.IGNORECASE
)


def group_key(path: Path) -> str:
    """The name a file shares with the other files of its disclosure."""
    return _ROLE.sub("", path.stem) or path.stem


def discover(folder: str | Path) -> list[list[str]]:
    """The disclosures in a folder (not its subfolders), each as its list of files, in name order."""
    root = Path(folder)
    files = sorted(p for p in root.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    groups: dict[str, list[str]] = {}
    for p in files:
        groups.setdefault(group_key(p), []).append(str(p))
    # a narrative before its tables, so the cover (title, year) is read first
    return [
        sorted(g, key=lambda f: (0 if re.search("narrative|说明|正文", f, re.I) else 1, f))
        for g in groups.values()
    ]


@dataclass
class Item:
    files: list[str]
    disclosure: Disclosure | None = None
    error: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return group_key(Path(self.files[0]))


def parse_all(groups: list[list[str]]) -> Iterator[Item]:
    """Parse each disclosure; an unusable one is reported, never stops the run."""
    from yusuan.api import parse
    from yusuan.read.errors import YusuanError

    for files in groups:
        try:
            yield Item(files, parse(files))
        except YusuanError as e:
            yield Item(files, error=str(e))
