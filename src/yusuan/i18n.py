"""Chinese first, English available: ``tr(zh, en)`` picks by the current language.

The language is set by the CLI's ``--lang`` option or the ``YUSUAN_LANG`` environment variable
(``zh`` by default).
"""

from __future__ import annotations

import os

_lang = "en" if os.environ.get("YUSUAN_LANG", "zh").lower().startswith("en") else "zh"


def set_lang(lang: str) -> None:
    global _lang
    _lang = "en" if lang.lower().startswith("en") else "zh"


def lang() -> str:
    return _lang


def tr(zh: str, en: str) -> str:
    return en if _lang == "en" else zh
