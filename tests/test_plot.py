"""`govkg plot diffusion`: cumulative adopters drawn as a picture, checked with Pillow (non-blank, the
curve's colour present, one colour per group), on the panel test's reports."""
from __future__ import annotations

import pytest

from kg.cli import main
from kg.export.plot import CURVE_COLOURS, cjk_font, diffusion_series
from test_eventpanel import store  # noqa: F401  (the module-scoped store fixture)

Image = pytest.importorskip("PIL.Image")
pytest.importorskip("matplotlib")


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _share_near(image, colour, tolerance=12) -> float:
    import numpy as np
    pixels = np.asarray(image.convert("RGB"), dtype=np.int16).reshape(-1, 3)
    near = (np.abs(pixels - np.array(_rgb(colour))) <= tolerance).all(axis=1)
    return float(near.mean())


def test_series_counts_first_adoptions(store):
    from kg.graph import KnowledgeGraph
    with KnowledgeGraph.open(store) as kg:
        assert diffusion_series(kg, "企业安静期") == {"": [(2020, 1), (2021, 1), (2022, 1), (2023, 2)]}
        by = diffusion_series(kg, "企业安静期", by="province")
        assert by == {"四川省": [(2020, 0), (2021, 0), (2022, 0), (2023, 1)],
                      "浙江省": [(2020, 1), (2021, 1), (2022, 1), (2023, 1)]}


@pytest.mark.parametrize("by, colours", [(None, 1), ("province", 2), ("level", 2)])
def test_png_is_a_picture_with_the_curve_colours(store, tmp_path, capsys, by, colours):
    out = tmp_path / "diffusion.png"
    argv = ["plot", "diffusion", "企业安静期", "-o", str(out), "--store", str(store)] + (["--by", by] if by else [])
    assert main(argv) == 0
    image = Image.open(out)
    assert image.size[0] > 400 and image.size[1] > 300
    extrema = image.convert("L").getextrema()
    assert extrema[0] < 60 and extrema[1] > 240  # dark text and white background: not blank
    for colour in CURVE_COLOURS[:colours]:
        assert _share_near(image, colour) > 0.001, colour
    assert _share_near(image, CURVE_COLOURS[colours]) < 0.0005  # no curve beyond the groups drawn
    if cjk_font() is not None:
        assert "no font with Chinese glyphs" not in capsys.readouterr().err


def test_svg_has_the_curve(store, tmp_path):
    out = tmp_path / "diffusion.svg"
    assert main(["plot", "diffusion", "双随机、一公开", "-o", str(out), "--store", str(store)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and CURVE_COLOURS[0] in text
    assert "<image" not in text  # vector paths, no embedded raster


@pytest.mark.parametrize("program, out, message", [
    ("苏洲", "d.png", "program '苏洲': no programme"),
    ("企业安静期", "d.gif", "write a .png or .svg file"),
])
def test_bad_input_one_line(store, tmp_path, capsys, program, out, message):
    assert main(["plot", "diffusion", program, "-o", str(tmp_path / out), "--store", str(store)]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_a_cjk_font_is_found_where_one_is_installed():
    from pathlib import Path
    if not any(Path(p).exists() for p in ("/usr/share/fonts/truetype/wqy", "/usr/share/fonts/opentype/noto")):
        pytest.skip("no CJK font package installed")
    assert cjk_font() is not None


def test_without_a_cjk_font_the_plot_warns_and_still_draws(store, tmp_path, capsys, monkeypatch):
    import kg.export.plot
    monkeypatch.setattr(kg.export.plot, "cjk_font", lambda: None)  # a machine without Chinese fonts
    out = tmp_path / "d.svg"
    assert main(["plot", "diffusion", "企业安静期", "-o", str(out), "--store", str(store)]) == 0
    err = capsys.readouterr().err
    assert "warning: no font with Chinese glyphs found" in err and "fonts-wqy-zenhei" in err and out.is_file()
