"""Word 97–2003 .doc (and WPS files in the same binary format) through a converter program.

antiword was chosen by measurement (docs/readers.md): on Chinese .doc files it kept every character
and the table rows, in 5 ms a file; catdoc lost characters on some files and the tables; LibreOffice
headless kept everything but costs a second of start-up a file and a large install. The readers are
tried in that order, each where installed, so a file antiword refuses (some WPS files) can still be
read by catdoc or LibreOffice. An encrypted file gets one line saying so.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from loaders.errors import LoadError
from loaders.records import Part

__all__ = ["read_doc", "convert", "CONVERTERS", "MISSING"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MISSING = "install the Debian package antiword (or catdoc, or LibreOffice)"
_TIMEOUT = 120
CELL_GAP = "  "


def _antiword(cmd: str, file: str, tmp: str) -> list[str]:
    return [cmd, "-m", "UTF-8.txt", "-w", "0", file]


def _catdoc(cmd: str, file: str, tmp: str) -> list[str]:
    return [cmd, "-d", "utf-8", "-w", file]


def _soffice(cmd: str, file: str, tmp: str) -> list[str]:
    return [cmd, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--cat", file]


CONVERTERS = (("antiword", _antiword), ("catdoc", _catdoc), ("soffice", _soffice))


def read_doc(path: Path, data: bytes):
    """The text of a .doc/.wps, one paragraph or table row a line, each line's `Part` its paragraph."""
    from loaders.read import RawText
    if data.startswith(b"PK\x03\x04"):      # a .docx saved under an old name
        from loaders.read.docx import read_docx
        return read_docx(path, data)
    if not data.startswith(_OLE):
        raise LoadError(path, "not a Word document (no Word 97–2003 header); damaged or another format")
    text, used = convert(path, data)
    lines = [_row(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    body, parts = "", []
    for n, line in enumerate(lines, 1):
        start = len(body) + (1 if body else 0)
        body = f"{body}\n{line}" if body else line
        parts.append(Part(start, len(body), label=f"paragraph {n}"))
    return RawText(body, f"doc ({used})", {}, tuple(parts))


def _row(line: str) -> str:
    """antiword writes a table row as |cell |cell |; a row becomes cells two spaces apart.

    >>> _row("|指标     |2023年   |")
    '指标  2023年'
    """
    line = line.strip().replace("\x0c", "")
    if line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        return CELL_GAP.join(c.strip() for c in line.strip("|").split("|") if c.strip())
    return line


def convert(path: Path, data: bytes) -> tuple[str, str]:
    """(text, converter name) from the first installed converter that reads the file."""
    installed = [(name, shutil.which(name) or (name == "soffice" and shutil.which("libreoffice")), make)
                 for name, make in CONVERTERS]
    installed = [(name, cmd, make) for name, cmd, make in installed if cmd]
    if not installed:
        raise LoadError(path, f"reading .doc needs a converter: {MISSING}")
    refusals = []
    with tempfile.TemporaryDirectory(prefix="govkg-doc-") as tmp:
        file = os.path.join(tmp, "report.doc")
        Path(file).write_bytes(data)
        for name, cmd, make in installed:
            try:
                done = subprocess.run(make(cmd, file, tmp), capture_output=True, timeout=_TIMEOUT,
                                      env=dict(os.environ, LANG="C.UTF-8"))
            except subprocess.TimeoutExpired:
                refusals.append(f"{name} took more than {_TIMEOUT} s")
                continue
            message = done.stderr.decode("utf-8", "replace")
            if re.search(r"encrypt", message, re.I):
                raise LoadError(path, "password-protected (encrypted) Word file; save an unprotected copy")
            text = done.stdout.decode("utf-8", "replace")
            if done.returncode == 0 and text.strip():
                return text, name
            refusals.append(f"{name}: {_first_line(message) or 'no text'}")
    raise LoadError(path, f"damaged or not a Word document ({'; '.join(refusals)})")


def _first_line(message: str) -> str:
    line = next((ln.strip() for ln in message.splitlines() if ln.strip()), "")
    return line.replace("report.doc", "the file")[:120]
