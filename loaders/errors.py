"""Typed errors: every user-facing failure names the file and says what is wrong in one line."""
from __future__ import annotations

__all__ = ["GovkgError", "LoadError", "DecodeError", "UnsupportedFormat", "EmptyReport"]


class GovkgError(Exception):
    """Base of every error govkg reports to a user as one line (no traceback)."""


class LoadError(GovkgError):
    """A report file could not be turned into text.

    >>> str(LoadError("a.txt", "file is empty"))
    'a.txt: file is empty'
    """

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DecodeError(LoadError):
    """The bytes are not text in any encoding we accept (binary, truncated, NUL-filled)."""


class UnsupportedFormat(LoadError):
    """The file's suffix names a format no reader handles."""


class EmptyReport(LoadError):
    """The file decodes but holds no report text (empty, white space, HTML without body text)."""
