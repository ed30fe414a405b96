"""loaders.normalise: one character in, one character out; full-width folded; Chinese punctuation kept."""
from __future__ import annotations

import pytest

from loaders.normalise import normalise

CASES = [
    ("full-width digits", "２０２４年", "2024年"),
    ("full-width decimal and percent", "下降３８．６％", "下降38.6%"),
    ("full-width letters", "ＡＰＰ和ｗｅｂ", "APP和web"),
    ("NBSP", "东城区\u00a0报告", "东城区 报告"),
    ("ideographic space indent", "\u3000\u3000正文", "  正文"),
    ("tab", "一是\t二是", "一是 二是"),
    ("CRLF", "第一行\r\n第二行", "第一行 \n第二行"),
    ("lone CR", "第一行\r第二行", "第一行\n第二行"),
    ("line separator", "甲\u2028乙", "甲\n乙"),
    ("zero-width space and BOM", "\ufeff报\u200b告", " 报 告"),
    ("Chinese punctuation kept", "（一）是：好，对；行！吗？", "（一）是：好，对；行！吗？"),
    ("quotes and book marks kept", "“企业安静期”《条例（草案）》〈办法〉", "“企业安静期”《条例（草案）》〈办法〉"),
    ("circled numbers kept", "①②", "①②"),
    ("full-width tilde and slash", "１～３月／年", "1~3月/年"),
    ("Kangxi radical folded", "\u2f08民", "人民"),
    ("ASCII untouched", "abc 123 (x)", "abc 123 (x)"),
    ("full-width thousands comma", "受理１，２０６件，办结３，４件", "受理1,206件，办结3，4件"),
]


@pytest.mark.parametrize("raw,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_normalise(raw, expected):
    out = normalise(raw)
    assert out == expected and len(out) == len(raw)


def test_examples_keep_length_and_lose_full_width(examples_dir):
    from loaders.read import read
    raw = read(examples_dir / "sc-dayi-2023-fullwidth-crlf.txt").text
    norm = normalise(raw)
    assert len(norm) == len(raw) and "\r" not in norm and "２" not in norm
    assert "同比下降18.6%" in norm


@pytest.mark.parametrize("text, want", [
    ("東城區堅持依法行政，現將有關情況報告如下：", "东城区坚持依法行政，现将有关情况报告如下："),
    ("區政府組織領導幹部旁聽庭審，乾淨整潔", "区政府组织领导干部旁听庭审，干净整洁"),      # phrase rules (幹部, 乾淨)
    ("东城区坚持依法行政，后来于是推行改革", "东城区坚持依法行政，后来于是推行改革"),      # simplified: untouched
    ("本县推行“後勤”改革。", "本县推行“後勤”改革。"),                                  # one stray form: not a traditional page
])
def test_simplify_folds_traditional_pages_only(text, want):
    from loaders.normalise import simplify
    out = simplify(text)
    assert out == want and len(out) == len(text)


def test_text_offsets_point_into_the_traditional_original():
    from loaders.text import Text
    t = Text.make("t.txt", "東城區推行“證照分離”改革，實現182項涉企經營事項辦理提速。")
    start = t.norm.index("证照分离")
    assert t.mention(start, start + 4).text == "證照分離"
