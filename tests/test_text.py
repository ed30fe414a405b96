"""loaders.text.Text: plain and normalised copies line up; sentences and mentions point into plain."""
from __future__ import annotations

import pytest

from loaders.text import Text

PLAIN = "南宁市青秀区２０２４年法治政府建设情况报告\r\n全区推行“企业安静期”制度，检查同比下降３８．６％。\r\n"


def test_norm_is_same_length_and_folded():
    t = Text.make("a.txt", PLAIN)
    assert len(t.norm) == len(t.plain) and "2024年" in t.norm and "38.6%" in t.norm


def test_sentences_and_mentions_point_into_plain():
    t = Text.make("a.txt", PLAIN)
    assert [t.plain[s:e] for s, e in t.sentences] == [
        "南宁市青秀区２０２４年法治政府建设情况报告", "全区推行“企业安静期”制度，检查同比下降３８．６％。"]
    start = t.norm.index("38.6%")
    assert t.mention(start, start + 5).text == "３８．６％"


@pytest.mark.parametrize("needle,sentence", [
    ("企业安静期", "全区推行“企业安静期”制度，检查同比下降38.6%。"),
    ("报告", "南宁市青秀区2024年法治政府建设情况报告"),
])
def test_sentence_of_offset(needle, sentence):
    t = Text.make("a.txt", PLAIN)
    assert t.sentence(t.norm.index(needle)) == sentence


def test_offset_outside_any_sentence():
    t = Text.make("a.txt", PLAIN)
    gap = t.norm.index("\n")
    assert t.sentence_span(gap) == (gap, gap)
