"""`govkg export` through `kg.cli.main`: files written from an on-disk store, one-line errors."""
from __future__ import annotations

import gc

import networkx as nx
import pytest

from kg.cli import main
from network_fixtures import network_trig  # noqa: F401


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, network_trig):
    import pyoxigraph as ox
    folder = tmp_path_factory.mktemp("store") / "govkg-store"
    store = ox.Store(str(folder))
    store.load(path=str(network_trig), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    gc.collect()
    return folder


def test_export_graphml_with_view_options(store_dir, tmp_path, capsys):
    out = tmp_path / "g.graphml"
    status = main(["export", "graphml", "-o", str(out), "--store", str(store_dir),
                   "--jurisdiction", "杭州", "--types", "jurisdiction,programme"])
    assert status == 0 and "wrote" in capsys.readouterr().err
    assert sorted(d["label"] for _, d in nx.read_graphml(out).nodes(data=True)) == \
        ["最多跑一次", "杭州市", "杭州市西湖区", "证照分离"]


def test_export_html_uses_the_environment_store(store_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVKG_STORE", str(store_dir))
    out = tmp_path / "g.html"
    assert main(["export", "html", "-o", str(out), "--focus", "成都", "--depth", "2", "--color-by", "province"]) == 0
    assert "四川省" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("argv, message", [
    (["export", "html", "-o", "{out}", "--focus", "火星"], "--focus: no node named '火星'"),
    (["export", "nq", "-o", "{out}", "--year", "2023"], "--year: nq exports the whole store"),
    (["export", "html", "-o", "{out}", "--depth", "2"], "--depth: needs --focus"),
])
def test_user_mistakes_get_one_line(store_dir, tmp_path, capsys, argv, message):
    argv = [a.replace("{out}", str(tmp_path / "x")) for a in argv] + ["--store", str(store_dir)]
    assert main(argv) in (1, 2)
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_missing_store_is_named(tmp_path, capsys):
    assert main(["export", "ttl", "-o", str(tmp_path / "x.ttl"), "--store", str(tmp_path / "nowhere")]) == 1
    assert "nowhere" in capsys.readouterr().err
