"""loaders.segment: sentence spans; quotes and book titles hold together; headings stand alone."""
from __future__ import annotations

import pytest

from loaders.segment import split_sentences

CASES = [
    ("enders", "开展试点。推广经验！成效如何？一是；二是", ["开展试点。", "推广经验！", "成效如何？", "一是；", "二是"]),
    ("line breaks", "标题行\n\n正文第一句\n", ["标题行", "正文第一句"]),
    ("ASCII enders", "完成了;继续推进!好吗?", ["完成了;", "继续推进!", "好吗?"]),
    ("closing quote stays", "他说：“很好。”下一句。", ["他说：“很好。”下一句。"]),
    ("no split inside quote", "群众说“办事方便了。很满意！”今年办理3万多件。",
     ["群众说“办事方便了。很满意！”今年办理3万多件。"]),
    ("no split inside book title", "印发《关于加强执法监督的通知。试行》。完成。",
     ["印发《关于加强执法监督的通知。试行》。", "完成。"]),
    ("nested book title", "印发《关于印发〈福州市鼓楼区“企业安静期”制度实施方案〉的通知》。下降38.6%。",
     ["印发《关于印发〈福州市鼓楼区“企业安静期”制度实施方案〉的通知》。", "下降38.6%。"]),
    ("unbalanced quote ends at line", "推行“最后一公里改革。这句收尾。\n第二段。",
     ["推行“最后一公里改革。", "这句收尾。", "第二段。"]),
    ("unbalanced book mark", "依据《条例开展工作。再一句。", ["依据《条例开展工作。", "再一句。"]),
    ("heading lines", "一、主要工作\n（一）强化组织领导。县政府召开会议。",
     ["一、主要工作", "（一）强化组织领导。", "县政府召开会议。"]),
    ("heading then text on the line", "（二）规范执法行为 全县推行“三项制度”。",
     ["（二）规范执法行为", "全县推行“三项制度”。"]),
    ("inline heading after text", "取得明显成效  二、存在的问题 一是短板。", ["取得明显成效", "二、存在的问题", "一是短板。"]),
    ("decimal is not a heading", "1.2万人次参加培训。", ["1.2万人次参加培训。"]),
    ("numbered heading", "1. 加强领导 全面部署。", ["1. 加强领导", "全面部署。"]),
    ("chapter heading", "第一章 总则\n第一条 为了规范。", ["第一章 总则", "第一条 为了规范。"]),
    ("indent trimmed", "  正文缩进。 ", ["正文缩进。"]),
    ("empty", "", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_unbalanced_quote_never_crosses_a_line():
    text = "“开头没有收尾" + "。很长的句子" * 30 + "\n下一段。"
    assert all("\n" not in text[s:e] for s, e in split_sentences(text))


def test_example_sentences_are_within_lines(examples_dir):
    from loaders.normalise import normalise
    from loaders.read import read
    norm = normalise(read(examples_dir / "hz-xihu-2024.txt").text)
    spans = split_sentences(norm)
    assert len(spans) > 40 and all("\n" not in norm[s:e] for s, e in spans)
    assert "（一）依法科学民主决策水平持续提升" in [norm[s:e] for s, e in spans]
