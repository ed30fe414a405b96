"""Worker processes die with the process that started them (extraction pools, query workers).

A killed `govkg build` or `govkg serve` (SIGKILL, out-of-memory killer) cannot stop its workers, so
each worker stops itself: the kernel sends it SIGKILL when its parent exits (Linux
``prctl(PR_SET_PDEATHSIG)``, when `pdeathsig` is asked for), and a daemon thread exits the process
as soon as it has been re-parented (its parent process id changed), which works on any POSIX system.

>>> import os; watch_parent(interval=60, pdeathsig=False) in (True, False)
True
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

__all__ = ["watch_parent", "die_with_parent"]

_PR_SET_PDEATHSIG = 1


def _set_pdeathsig() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _alive(pid: int) -> bool:
    """True while process `pid` runs (a zombie, killed but not yet reaped, counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except FileNotFoundError:
        return False
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def watch_parent(interval: float = 0.5, pdeathsig: bool = True, owner: int | None = None) -> bool:
    """Exit this process once its parent, or the `owner` process, is gone; True when the kernel
    signal was also set.

    `owner` is the process whose life the worker follows when that is not its parent: a
    forkserver's children outlive the forkserver's client, since they keep its "alive" pipe open.
    `pdeathsig` fires when the *thread* that forked us exits, so ask for it only where the parent
    starts workers from a thread that lives as long as the pool (a forkserver, the main thread).
    """
    parent = os.getppid()
    owner = owner or parent
    armed = _set_pdeathsig() if pdeathsig else False

    def watch() -> None:
        while os.getppid() == parent and _alive(owner):
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="govkg-lifeline", daemon=True).start()
    if os.getppid() != parent or not _alive(owner):  # gone before the watch started
        os._exit(1)
    return armed


def die_with_parent(owner: int | None = None) -> None:
    """`ProcessPoolExecutor(initializer=die_with_parent, initargs=(os.getpid(),))`: the pool's
    workers stop when the build that started them does."""
    watch_parent(owner=owner)
