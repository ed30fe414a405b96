"""`govkg build / validate / remove / demo` through `main([...])`: exit codes, summary, one-line errors."""
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from store_texts import write_reports


def test_build_prints_a_summary_and_exits_0(tmp_path, capsys):
    write_reports(tmp_path / "r")
    assert main(["build", str(tmp_path / "r"), "--store", str(tmp_path / "s")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("built 3 reports (0 unchanged): ") and err == ""
    assert main(["build", str(tmp_path / "r"), "--store", str(tmp_path / "s")]) == 0
    assert capsys.readouterr().out.startswith("built 0 reports (3 unchanged): ")


def test_bad_file_is_named_once_and_exit_is_1(tmp_path, capsys):
    write_reports(tmp_path / "r")
    bad = tmp_path / "r" / "empty.txt"
    bad.write_bytes(b"")
    assert main(["build", str(tmp_path / "r"), "--store", str(tmp_path / "s"), "--workers", "2"]) == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"govkg: skipped {bad.resolve()}: ")
    assert out.startswith("built 3 reports") and "skipped 1 file" in out


def test_store_from_environment(tmp_path, capsys, monkeypatch):
    write_reports(tmp_path / "r", ("pingyao.txt",))
    monkeypatch.setenv("GOVKG_STORE", str(tmp_path / "env-store"))
    assert main(["build", str(tmp_path / "r"), "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    assert (tmp_path / "env-store" / "CURRENT").is_file()


def test_validate_and_remove(tmp_path, capsys):
    (path,) = write_reports(tmp_path / "r", ("deqing.txt",))
    store = str(tmp_path / "s")
    main(["build", str(path), "--store", store])
    assert main(["validate", "--store", store]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("conforms")
    assert main(["remove", str(path), "--store", store]) == 0
    assert capsys.readouterr().out == "removed 1 report\n"
    assert main(["remove", str(path), "--store", store]) == 1
    assert capsys.readouterr().err == f"govkg: error: no report in the store for {path}\n"


@pytest.mark.parametrize("argv", [["build", "x", "--workers", "0"], ["build"], ["remove"]])
def test_usage_errors_exit_2(argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_store_that_is_a_file_is_one_line(tmp_path, capsys):
    (tmp_path / "f").write_text("x")
    assert main(["validate", "--store", str(tmp_path / "f")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a file" in err


def test_missing_store_for_validate_is_one_line(tmp_path, capsys):
    assert main(["validate", "--store", str(tmp_path / "none")]) == 1
    assert "no govkg store here" in capsys.readouterr().err


def test_busy_store_is_one_line(tmp_path, capsys):
    write_reports(tmp_path / "r", ("wuhou.txt",))
    main(["build", str(tmp_path / "r"), "--store", str(tmp_path / "s")])
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(tmp_path / "s")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        capsys.readouterr()
        assert main(["build", str(tmp_path / "r"), "--store", str(tmp_path / "s")]) == 1
        assert capsys.readouterr().err == (
            f"govkg: error: store is busy: another govkg process is writing to {tmp_path / 's'}\n")
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_demo_builds_the_examples(tmp_path, capsys):
    assert main(["demo", "--store", str(tmp_path / "demo")]) == 0
    out = capsys.readouterr().out
    examples = [p for p in (Path(__file__).resolve().parents[1] / "kg" / "examples").iterdir()
                if p.suffix in (".txt", ".html")]
    assert out.startswith(f"built {len(examples)} reports (0 unchanged)") and len(examples) >= 2
    assert "outcomes the reports claim:" in out
