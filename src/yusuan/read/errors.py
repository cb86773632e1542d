"""Errors raised by the readers.

Every reader turns whatever goes wrong with an input file (encrypted, corrupt, truncated,
not the format it claims to be) into a :class:`ReadError`, so that callers need to catch
one exception type and can always say which file, and where, could not be read.
"""

from __future__ import annotations


class YusuanError(Exception):
    """Base of the errors yusuan raises on purpose.

    ``file`` names the input, ``page`` is the 1-based page (or sheet) when known, and
    ``where`` is a short human-readable location built from both. ``str(error)`` is one
    line: a Chinese message, then the English one.
    """

    def __init__(self, file: str, message: str, page: int | None = None, message_zh: str | None = None):
        self.file = file
        self.page = page
        self.message = message
        self.message_zh = message_zh or message
        super().__init__(self.line())

    @property
    def where(self) -> str:
        """``file`` or ``file, page N``."""
        return f"{self.file}, page {self.page}" if self.page is not None else self.file

    def line(self) -> str:
        """The one-line Chinese + English message."""
        zh_where = f"{self.file} 第{self.page}页" if self.page is not None else self.file
        if self.message_zh == self.message:
            return f"{zh_where}: {self.message} / {self.where}: {self.message}"
        return f"{zh_where}: {self.message_zh} / {self.where}: {self.message}"


class ReadError(YusuanError):
    """An input file could not be read (corrupt, encrypted, truncated, wrong format)."""


class NotADisclosureError(YusuanError):
    """The input reads, but holds no recognisable budget or final-account disclosure."""
