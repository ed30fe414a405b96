"""`govkg build` over a scraped-looking corpus: bad files are named once with a reason, good and
merely unusual ones (GB18030, UTF-16, HTML) are stored, a report without a place is kept and flagged.

"Unreadable" is a FIFO named .txt (reading it would block for ever), a dangling symlink, a pair of
symlinks pointing at each other, and folders without permissions (as root, the build runs with its
capabilities dropped, so permissions hold for it too).
"""
from __future__ import annotations

import codecs
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

GOOD = {
    "haidian.txt": "海淀区2023年法治政府建设情况报告\n全区推行“接诉即办”改革，群众满意率达到95%。\n",
    "nanshan.md": "南山区2024年法治政府建设情况报告\n南山区推行“企业安静期”制度，涉企检查下降18%。\n",
}
# merely unusual: these must be stored too
UNUSUAL = {
    "jiangdu-gb18030.txt": "江都区2022年法治政府建设情况报告\n全区深化“放管服”改革。\n".encode("gb18030"),
    "shunde-utf16.txt": codecs.BOM_UTF16_LE
    + "顺德区2023年法治政府建设情况报告\n顺德区推行“企业安静期”制度。\n".encode("utf-16-le"),
    "page.html": ("<html><head><title>钱塘区2023年法治政府建设情况报告</title></head><body>"
                  "<nav>首页 | 政务公开</nav><div class='content'><h1>钱塘区2023年法治政府建设情况报告</h1>"
                  "<p>钱塘区推行“证照分离”改革，审批时限压缩60%。</p></div>"
                  "<footer>版权所有</footer></body></html>").encode("utf-8"),
    "cut-tail.txt": "柯桥区2023年法治政府建设情况报告\n全区推行“枫桥经验”，调处纠纷1.2万件。".encode()[:-2],
    # UTF-16 whose last byte was cut off (no byte-order mark): decoded, the cut character dropped
    "utf16-cut.txt": "余杭区2023年法治政府建设情况报告\n余杭区推行“最多跑一次”改革。".encode("utf-16-le")[:-1],
    # an HTML page nested 1,000 deep (8 kB): read iteratively, no RecursionError
    "nested.html": ("<html><head><title>萧山区2023年法治政府建设情况报告</title></head><body>" + "<div>" * 1000
                    + "<p>萧山区推行“证照分离”改革，审批时限压缩60%。</p>" + "</div>" * 1000
                    + "</body></html>").encode(),
    # 60,000 characters without one sentence end: extraction stays linear in the length
    "no-sentence-ends.txt": ("临安区2023年法治政府建设情况报告，"
                             + "临安区推行“最多跑一次”改革，群众满意率达到95%，" * 2400).encode(),
}
NO_PLACE = "2023年法治政府建设工作总结\n今年深化“放管服”改革，推行“一网通办”，网办率达到90%。\n"
NO_PLACE_FILE = "no-place.txt"


def _bad_bytes() -> dict[str, tuple[bytes, str]]:
    """Bad file name → (content, a word its reason must contain)."""
    rng = random.Random(2024)
    text = "海淀区2023年法治政府建设情况报告\n全区推行“接诉即办”改革。\n".encode()
    return {
        "empty.txt": (b"", "empty"),
        "blank.txt": (" \r\n\t\n\u3000 \n".encode(), "white space"),
        "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000)), "PNG"),
        "noise.txt": (bytes(rng.randrange(1, 256) for _ in range(5000)), "encoding"),
        "broken-middle.txt": (text[:20] + text[21:], "encoding"),
        "nul.txt": (text.replace("。".encode(), b"\x00\x00\x00"), "NUL"),
        "menu-only.html": (b"<html><body><nav><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></nav>"
                           b"<script>var a = 1;</script></body></html>", "no article text"),
        # ASCII only, so it also "decodes": the signature says what it is, whatever the name
        "pdf-named.html": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>"
                           b"\n%%EOF\n", "PDF"),
        # Latin-1 that is also valid GB18030 (accented letters before ASCII): refused, not mojibake
        "latin1.txt": (b"Stra\xdfe M\xfcnchen \xfcber Gr\xf6\xdfe, Caf\xe9s in K\xf6ln f\xfcr Gro\xdfe\n", "Western"),
        # a name with a newline and an escape sequence: printed escaped, on one line
        "evil\nname\x1b]0;pwned\x07.txt": (b"", "empty"),
    }


def _write_corpus(folder: Path) -> dict[str, str]:
    """Write good, unusual and bad files; bad name → a word its reason must contain."""
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, data in UNUSUAL.items():
        (folder / name).write_bytes(data)
    (folder / NO_PLACE_FILE).write_text(NO_PLACE, encoding="utf-8")
    bad = {}
    for name, (data, word) in _bad_bytes().items():
        (folder / name).write_bytes(data)
        bad[name] = word
    line = "全市推行“双随机、一公开”监管，抽查企业5840户次，同比下降12.5%。\n".encode()
    with (folder / "dump.txt").open("wb") as f:  # 20 MB of plausible text: too long for one report
        f.write(line * (20 * 2**20 // len(line)))
    bad["dump.txt"] = "too long"
    os.mkfifo(folder / "pipe.txt")
    bad["pipe.txt"] = "not a regular file"
    (folder / "gone.txt").symlink_to(folder / "deleted-long-ago.txt")
    bad["gone.txt"] = "broken symlink"
    sub = folder / "loop"
    sub.mkdir()
    (sub / "a.txt").symlink_to(sub / "b.txt")
    (sub / "b.txt").symlink_to(sub / "a.txt")
    bad["loop/a.txt"] = bad["loop/b.txt"] = "symlink loop"
    (sub / "up").symlink_to(folder, target_is_directory=True)  # a folder loop: not followed
    (folder / "folder.txt").mkdir()  # a directory named like a report: walked as a folder
    # a name that is not UTF-8 (GBK bytes): named, the rest is built
    with open(os.path.join(os.fsencode(folder), "报告".encode("gbk") + b".txt"), "wb") as f:
        f.write(GOOD["haidian.txt"].encode())
    bad["\\xb1\\xa8\\xb8\\xe6.txt"] = "not valid UTF-8"
    return {_printed(name): word for name, word in bad.items()}


def _printed(name: str) -> str:
    """How the build prints a file name: controls escaped."""
    return name.replace("\n", "\\n").replace("\x1b", "\\x1b").replace("\x07", "\\x07")


def govkg(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real command in a fresh interpreter (this checkout first on the path)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    bad = _write_corpus(base / "corpus")
    result = govkg("build", "corpus", "--store", "store", cwd=base)
    return base, bad, result


def test_found_the_bad_files(built):
    _, bad, _ = built
    assert len(bad) >= 12


def test_build_exits_1_without_a_traceback(built):
    _, _, result = built
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_each_bad_file_is_named_once_on_one_line_with_its_reason(built):
    _, bad, result = built
    lines = result.stderr.splitlines()
    for name, word in bad.items():
        mine = [line for line in lines
                if line.removeprefix("govkg: skipped ").split(": ")[0].endswith("corpus/" + name)]
        assert len(mine) == 1, (name, result.stderr)
        assert word.lower() in mine[0].lower(), mine[0]


def test_no_control_character_reaches_the_terminal(built):
    _, _, result = built
    assert not [c for c in result.stderr + result.stdout if ord(c) < 32 and c != "\n"], result.stderr


def test_nothing_else_is_named_as_skipped(built):
    _, bad, result = built
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == len(bad), result.stderr


def test_summary_counts_what_was_stored_and_skipped(built):
    _, bad, result = built
    summary = result.stdout.strip().splitlines()[-1]
    stored = len(GOOD) + len(UNUSUAL) + 1
    assert summary.startswith(f"built {stored} reports"), summary
    assert f"skipped {len(bad)} files" in summary


def _reports(base: Path) -> dict[str, dict]:
    result = govkg("query", "reports", "--store", "store", "--format", "json", cwd=base)
    assert result.returncode == 0, result.stderr
    return {Path(row["source"]).name: row for row in json.loads(result.stdout)}


def test_good_and_unusual_files_are_stored_with_their_places(built):
    base, _, _ = built
    rows = _reports(base)
    assert set(rows) == set(GOOD) | set(UNUSUAL) | {NO_PLACE_FILE}
    places = {name: rows[name]["jurisdiction"] for name in rows}
    assert places["jiangdu-gb18030.txt"] == "江都区" and places["shunde-utf16.txt"] == "顺德区"
    assert places["page.html"] == "钱塘区" and places["haidian.txt"] == "海淀区"
    assert places["cut-tail.txt"] == "柯桥区" and places["utf16-cut.txt"] == "余杭区"
    assert places["nested.html"] == "萧山区" and places["no-sentence-ends.txt"] == "临安区"


def test_report_without_a_jurisdiction_is_kept_and_flagged(built):
    base, _, _ = built
    assert _reports(base)[NO_PLACE_FILE]["jurisdiction"] is None
    result = govkg("query", "flagged", "--store", "store", "--format", "json", cwd=base)
    flagged = {(Path(r["source"]).name, r["warning"]) for r in json.loads(result.stdout)}
    assert (NO_PLACE_FILE, "no reporting jurisdiction found") in flagged
    assert ("cut-tail.txt", "incomplete last character dropped") in flagged
    assert ("utf16-cut.txt", "incomplete last character dropped") in flagged
    assert not {name for name, _ in flagged} & set(GOOD)


def test_store_conforms_after_a_bad_build(built):
    base, _, _ = built
    result = govkg("validate", "--store", "store", cwd=base)
    assert result.returncode == 0, result.stdout + result.stderr


def test_extract_names_a_fifo_instead_of_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    result = govkg("extract", "pipe.txt", cwd=tmp_path, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "govkg: error: pipe.txt: not a regular file (a FIFO, socket or device)"


def test_symlink_loop_given_directly_is_named(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "ok.txt").write_text(GOOD["haidian.txt"], encoding="utf-8")
    result = govkg("build", "a.txt", "ok.txt", "--store", "s", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "govkg: skipped a.txt: symlink loop"
    assert result.stdout.startswith("built 1 report")


# ------------------------------------------------------------------ permissions and killed builds
def _without_privileges() -> list[str]:
    """A command prefix under which file permissions hold: as root, drop every capability (the
    process stays uid 0, so it still reads the interpreter); as anyone else, nothing."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be made to hold")
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]


def test_unreadable_folders_are_named_once_and_the_rest_is_built(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "open" / "inner").mkdir(parents=True)
    (corpus / "ok.txt").write_text(GOOD["haidian.txt"], encoding="utf-8")
    (corpus / "locked" / "a.txt").write_text(GOOD["nanshan.md"], encoding="utf-8")
    (corpus / "open" / "inner" / "b.txt").write_text(GOOD["nanshan.md"], encoding="utf-8")
    (corpus / "locked").chmod(0)                 # cannot be listed or entered
    (corpus / "open").chmod(0o311)               # can be entered, not listed
    try:
        result = subprocess.run(_without_privileges() + [sys.executable, "-m", "kg", "build", "corpus",
                                                         "corpus/locked/a.txt", "--store", "s"],
                                cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(REPO)),
                                capture_output=True, text=True, timeout=120)
    finally:
        (corpus / "locked").chmod(0o755)
        (corpus / "open").chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert sorted(result.stderr.splitlines()) == [
        "govkg: skipped corpus/locked/a.txt: cannot reach it (permission denied: a folder on its path is not readable)",
        "govkg: skipped corpus/locked: cannot read folder (permission denied)",
        "govkg: skipped corpus/open: cannot read folder (permission denied)"]
    assert result.stdout.startswith("built 1 report")


def _descendants(pid: int) -> set[int]:
    import psutil
    try:
        return {child.pid for child in psutil.Process(pid).children(recursive=True)}
    except psutil.NoSuchProcess:
        return set()


def test_killing_the_build_leaves_no_worker_running(tmp_path):
    import signal
    import time
    from test_serve import _alive
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    slow = "临安区推行“最多跑一次”改革，群众满意率达到95%，" * 12000  # ~3 s of extraction each
    for i in range(6):
        (corpus / f"r{i}.txt").write_text(f"临安区202{i}年法治政府建设情况报告\n" + slow, encoding="utf-8")
    build = subprocess.Popen([sys.executable, "-m", "kg", "build", "corpus", "--store", "s", "--workers", "2",
                              "--quiet"], cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(REPO)),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 3 and time.monotonic() < deadline and build.poll() is None:  # forkserver + 2 workers
        workers |= _descendants(build.pid)
        time.sleep(0.1)
    build.send_signal(signal.SIGKILL)
    build.wait(10)
    assert len(workers) >= 3, workers
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in workers if _alive(p)]


# ------------------------------------------------------------------ tiny GBK files
def _gb2312_level1() -> list[str]:
    chars = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def _ambiguous_short_texts() -> list[str]:
    """1–3 common characters whose GBK bytes are also valid UTF-8 (the case that was misread)."""
    def valid_utf8(data: bytes) -> bool:
        try:
            data.decode("utf-8")
            return True
        except UnicodeDecodeError:
            return False
    chars = _gb2312_level1()
    rng = random.Random(13)
    texts = [c for c in chars if valid_utf8(c.encode("gbk"))]
    for k in (2, 3):
        tries = ("".join(rng.choice(chars) for _ in range(k)) for _ in range(200_000))
        texts += [t for t in tries if valid_utf8(t.encode("gbk"))][:150]
    return texts


def test_tiny_gbk_files_are_not_misread_as_utf8(tmp_path):
    from loaders.read import read
    texts = _ambiguous_short_texts()
    assert len(texts) >= 300  # the cases exist
    wrong = []
    for i, text in enumerate(texts):
        for encoding in ("gbk", "utf-8"):
            path = tmp_path / f"{i}-{encoding}.txt"
            path.write_bytes(text.encode(encoding))
            if read(path).text != text:
                wrong.append((encoding, text))
    assert not wrong, wrong[:10]
