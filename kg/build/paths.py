"""What a build is given → what it can read: walk folders, name what cannot be read, one reason each.

A folder the user cannot list, a path behind such a folder, or a file name that is not UTF-8 (it
cannot become a report IRI or a literal) are each one line in the build's summary, never a traceback.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

__all__ = ["walk", "path_kind", "name_problem"]


def walk(folder: Path, problems: list[tuple[str, str]]) -> Iterator[Path]:
    """Files under `folder`, sorted, skipping hidden names and not following symlinked folders;
    each folder that cannot be listed is added to `problems` as (path, reason).

    >>> problems = []; list(walk(Path("no/such/folder"), problems)), problems
    ([], [('no/such/folder', 'cannot read folder (no such file or directory)')])
    """
    def unreadable(exc: OSError) -> None:
        problems.append((str(exc.filename or folder), f"cannot read folder ({_reason(exc)})"))

    for root, dirs, names in os.walk(folder, onerror=unreadable, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root) / name


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


def path_kind(path: Path) -> str:
    """'dir', 'file' (a file, symlink or other entry to look at), 'missing', or why it cannot be reached.

    >>> path_kind(Path(".")), path_kind(Path("no/such/file.txt"))
    ('dir', 'missing')
    """
    try:
        return "dir" if stat.S_ISDIR(os.stat(path).st_mode) else "file"
    except FileNotFoundError:
        return "file" if os.path.islink(path) else "missing"
    except PermissionError as exc:
        return f"cannot reach it ({_reason(exc)}: a folder on its path is not readable)"
    except OSError:
        return "file"  # a symlink loop, a name too long…: the file check names it


def name_problem(path: Path) -> str | None:
    """Why the file's name cannot be stored (None when it can).

    >>> name_problem(Path(b"r\\xe9port.txt".decode("utf-8", "surrogateescape")))
    'file name is not valid UTF-8; rename the file (e.g. convmv -f gbk -t utf-8)'
    """
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8; rename the file (e.g. convmv -f gbk -t utf-8)"
    return None
