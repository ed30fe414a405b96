"""loaders.read.layout: positioned text → paragraphs. One phenomenon each, on hand-placed runs."""
from __future__ import annotations

import pytest

from loaders.read.layout import Run, assemble

LEFT, RIGHT, H = 72.0, 523.0, 16.0


def line(y: float, text: str, x: float = LEFT, x1: float = RIGHT) -> Run:
    return Run(x, y, x1, y + H, text)


def test_a_line_stopping_short_ends_the_paragraph():
    text, _ = assemble([[line(100, "全县推行“企业安静期”制度。", LEFT + 32, 300), line(128, "深化改革，推行", LEFT + 32),
                         line(156, "“一网通办”。", LEFT, 200)]])
    assert text == "全县推行“企业安静期”制度。\n深化改革，推行“一网通办”。"


def test_an_indented_line_starts_a_paragraph_even_after_a_full_line():
    text, _ = assemble([[line(100, "第一段写满了整行", LEFT + 32), line(128, "继续写满整行", LEFT),
                         line(156, "第二段开头缩进", LEFT + 32, 300), line(184, "结尾", LEFT, 150)]])
    assert text.splitlines() == ["第一段写满了整行继续写满整行", "第二段开头缩进", "结尾"]


def test_latin_words_broken_at_a_line_end_keep_their_space_chinese_ones_do_not():
    text, _ = assemble([[line(100, "推行 ISO", LEFT + 32), line(128, "9001 认证和", LEFT), line(156, "标准。", LEFT, 150)]])
    assert text == "推行 ISO 9001 认证和标准。"


def test_a_paragraph_carries_over_the_page_break_and_each_page_is_a_part():
    page1 = [line(100, "全区推行“首违不罚”清单，对轻微", LEFT + 32), line(800, "— 1 —", 280, 315)]
    page2 = [line(100, "违法行为不予处罚。", LEFT, 250), line(800, "— 2 —", 280, 315)]
    text, parts = assemble([page1, page2])
    assert text == "全区推行“首违不罚”清单，对轻微违法行为不予处罚。"
    assert [(text[p.start:p.end], p.page) for p in parts] == [("全区推行“首违不罚”清单，对轻微", 1), ("违法行为不予处罚。", 2)]


@pytest.mark.parametrize("number", ["— 3 —", "- 3 -", "3", "第3页", "第 3 页 共 9 页", "3/9", "iii"])
def test_page_numbers_at_the_page_foot_are_dropped(number):
    bodies = {3: ("全区推行“首违不罚”清单，", "成效明显。"), 4: ("深化“放管服”改革，推行", "“一网通办”。")}
    pages = [[line(100, bodies[n][0], LEFT + 32), line(128, bodies[n][1], LEFT, 250),
              line(800, number.replace("3", str(n)), 280, 320)] for n in (3, 4)]
    text, _ = assemble(pages)
    assert text == "全区推行“首违不罚”清单，成效明显。\n深化“放管服”改革，推行“一网通办”。"


def test_a_running_header_is_dropped_but_a_one_off_first_line_is_kept():
    bodies = ["推行“企业安静期”制度。", "深化“放管服”改革。", "建立“首违不罚”清单。"]
    pages = [[line(50, "某某县人民政府公报", 250, 350), line(100, "正文" + body, LEFT + 32), line(128, body, LEFT, 250)]
             for body in bodies]
    pages[0].insert(1, line(75, "某某县2024年法治政府建设情况报告", 150, 450))
    text, _ = assemble(pages)
    assert text.splitlines() == ["某某县2024年法治政府建设情况报告", *("正文" + b + b for b in bodies)]


def test_far_apart_pieces_on_one_baseline_are_table_cells():
    text, _ = assemble([[Run(76, 100, 140, 116, "行政复议案件"), Run(226, 100, 262, 116, "120件"),
                         Run(376, 100, 404, 116, "98件")]])
    assert text == "行政复议案件  120件  98件"


def test_a_quote_mark_set_high_stays_on_its_line():
    text, _ = assemble([[Run(104, 101, 160, 117, "推行"), Run(160, 101, 166, 107, "“"),
                         Run(166, 101, 230, 117, "首违不罚"), Run(230, 101, 236, 107, "”")]])
    assert text == "推行“首违不罚”"


def test_kangxi_radicals_from_pdf_fonts_become_ideographs():
    text, _ = assemble([[line(100, "⼀⽹通办", LEFT + 32, 200)]])   # U+2F00 ⼀, U+2F79 ⽹
    assert text == "一网通办"
