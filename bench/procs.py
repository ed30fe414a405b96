"""Run a `python -m kg` command in a fresh process: wall time, peak RSS (via wait4) and exit status."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Run", "run_kg", "has_command", "repo_root", "dir_size", "load_average", "code_version"]


@dataclass(frozen=True)
class Run:
    """What one command cost: wall seconds, peak resident bytes of its largest process, exit status,
    and CPU seconds (user + system, with the descendants it waited for)."""

    seconds: float
    max_rss: int
    status: int
    stderr: str
    cpu: float = 0.0
    timed_out: bool = False


def repo_root() -> Path:
    """The checkout the benchmark runs from (the parent of the bench package)."""
    return Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(repo_root()), env.get("PYTHONPATH"))))
    env.pop("GOVKG_STORE", None)
    return env


def run_kg(args: list[str], timeout: float = 7200) -> Run:
    """Run `python -m kg ARGS` from the checkout; wall time and peak RSS (ru_maxrss of this child).

    After `timeout` seconds the command (and what it started) is killed and the run says `timed_out`.

    >>> r = run_kg(["--help"])
    >>> r.status, r.seconds > 0, r.max_rss > 1_000_000, r.timed_out
    (0, True, True, False)
    >>> run_kg(["--help"], timeout=0.001).timed_out
    True
    """
    import signal
    import threading
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as errfile:
        proc = subprocess.Popen([sys.executable, "-m", "kg", *args], cwd=repo_root(), env=_env(),
                                stdout=devnull, stderr=errfile, start_new_session=True)
        killer = threading.Timer(timeout, lambda: _kill_group(proc.pid, signal.SIGKILL))
        killer.start()
        try:
            # wait4 gives this child's own rusage (its peak RSS, or its largest reaped descendant's),
            # unlike RUSAGE_CHILDREN, which keeps the maximum over every child ever reaped.
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        errfile.seek(0)
        err = errfile.read()
    timed_out = proc.returncode == -signal.SIGKILL and seconds >= timeout
    return Run(seconds, usage.ru_maxrss * 1024, proc.returncode, err.decode("utf-8", "replace")[-2000:],
               usage.ru_utime + usage.ru_stime, timed_out)


def _kill_group(pid: int, sig: int) -> None:
    """Stop a command and the processes it started (its own session, see `run_kg`)."""
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass


@lru_cache(maxsize=None)
def has_command(name: str) -> bool:
    """True if this checkout's `govkg` CLI has subcommand `name`.

    >>> has_command("extract"), has_command("no-such-command")
    (True, False)
    """
    import argparse
    from kg.cli import build_parser
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return name in action.choices
    return False


def dir_size(path: Path) -> int:
    """Bytes of every file under `path`.

    >>> dir_size(Path(__file__).parent) > 0
    True
    """
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def in_child(fn, timeout: float):
    """Run `fn()` in a forked child (it inherits loaded data); its result, or None after `timeout` s.

    A query the engine cannot interrupt is killed with its process. Exceptions come back as
    ("error", "Type: message").

    >>> in_child(lambda: 6 * 7, 30), in_child(lambda: 1 / 0, 30)[0]
    (42, 'error')
    """
    import multiprocessing
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(fn())
        except Exception as exc:                   # noqa: BLE001 - reported to the parent as a value
            send.send(("error", f"{type(exc).__name__}: {str(exc)[:160]}"))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    send.close()
    result = receive.recv() if receive.poll(timeout) else None
    if result is None:
        proc.kill()
    proc.join()
    return result


def load_average() -> str:
    """The machine's 1/5/15-minute load averages (what else ran while we measured).

    >>> len(load_average().split()) in (0, 3)
    True
    """
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return ""


def code_version() -> str:
    """A hash of the code and data a build depends on (kg/, loaders/, ontology/ under the checkout):
    a store built by the same code from the same corpus can be reused.

    >>> len(code_version())
    16
    """
    import hashlib
    digest = hashlib.sha256()
    root = repo_root()
    for top in ("kg", "loaders", "ontology"):
        for path in sorted((root / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
