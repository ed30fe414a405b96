"""Property tests: any text or bytes either loads or fails with a GovkgError; offsets always line up."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from loaders import extract_text
from loaders.errors import GovkgError
from loaders.normalise import normalise
from loaders.read import read
from loaders.segment import split_sentences

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Report-like text: Chinese words, digits (both widths), quotes, book marks, enders, odd spaces, line ends.
PIECES = ["杭州市", "西湖区", "城区", "2024年", "２０２４年", "法治政府建设情况报告", "“", "”", "《", "》", "〈", "〉",
          "企业安静期", "制度", "机制", "改革", "同比下降", "38.6%", "３８．６％", "3万多件", "1.2万人次", "率达",
          "。", "！", "？", "；", "，", "、", "\n", "\r\n", "\r", "\u3000", "\u00a0", "一、", "（一）", " ",
          "发布日期：2024-03-05", "第三版", "本报讯", "双随机、一公开", "\t", "①", "ａ"]
report_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=60).map("".join)


@SETTINGS
@given(report_text)
def test_normalise_is_length_preserving(text):
    assert len(normalise(text)) == len(text)


@SETTINGS
@given(report_text)
def test_sentences_are_ordered_trimmed_spans(text):
    spans = split_sentences(normalise(text))
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".md", ".htm"]))
def test_any_bytes_load_or_raise_govkg_error(tmp_path, data, suffix):
    path = tmp_path / f"r{suffix}"
    path.write_bytes(data)
    try:
        raw = read(path)
    except GovkgError as exc:
        assert str(exc).startswith(str(path))
        return
    assert raw.text.strip() and isinstance(raw.encoding, str)


@SETTINGS
@given(report_text, st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]))
def test_any_encoded_text_loads_or_raises_govkg_error(tmp_path, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    try:
        raw = read(path)
    except GovkgError:
        return
    assert raw.text.strip()


@SETTINGS
@given(report_text)
def test_extraction_offsets_point_into_plain_and_are_deterministic(text):
    try:
        first = extract_text("p.txt", text)
    except GovkgError:
        return
    for programme in first.programs:
        for m in programme.mentions:
            assert text[m.start:m.end] == m.text
    for document in first.documents:
        for m in document.mentions:
            assert text[m.start:m.end] == m.text
    for outcome in first.outcomes:
        assert 0 <= outcome.start <= outcome.end <= len(text)
        assert text[outcome.start:outcome.end] == outcome.text
    again = extract_text("p.txt", text)
    assert json.dumps(first.to_json(), ensure_ascii=False, sort_keys=True) == \
        json.dumps(again.to_json(), ensure_ascii=False, sort_keys=True)


LOAD_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ENCODINGS = ["utf-8", "gb18030", "utf-16", "utf-8-sig", "utf-16-be"]


def _mentions(extraction):
    for programme in extraction.programs:
        yield from programme.mentions
    for document in extraction.documents:
        yield from document.mentions


@LOAD_SETTINGS
@given(st.one_of(st.binary(max_size=1500),
                 st.tuples(report_text, st.sampled_from(ENCODINGS), st.booleans()).map(
                     lambda t: (f"<html><body><p>{t[0]}</p></body></html>" if t[2] else t[0])
                     .encode(t[1], errors="replace"))),
       st.sampled_from([".txt", ".html", ".md"]))
@example("<html><body><p>杭州市杭州市杭州市\x08</p></body></html>".encode("utf-16-be"), ".txt")  # UTF-16, no BOM: a control kept
def test_load_report_on_any_file_is_govkg_error_or_a_sound_extraction(tmp_path, data, suffix):
    from loaders import load_report
    path = tmp_path / f"report{suffix}"
    path.write_bytes(data)
    try:
        first = load_report(path)
    except GovkgError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return
    text = first.text
    assert text.strip()
    assert not any(ord(c) < 32 and c not in "\t\n\r\x0b\x0c" for c in text)
    for m in _mentions(first):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
    for outcome in first.outcomes:
        assert text[outcome.start:outcome.end] == outcome.text
    again = load_report(path)
    assert json.dumps(first.to_json(), ensure_ascii=False, sort_keys=True) == \
        json.dumps(again.to_json(), ensure_ascii=False, sort_keys=True)
