"""loaders.read: decoding (with the encoding named), HTML chrome removal, and one-line errors naming the file."""
from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import pytest

from loaders.errors import DecodeError, EmptyReport, GovkgError, LoadError, UnsupportedFormat
from loaders.read import read
from loaders.read.html import html_to_text

DATA = Path(__file__).parent / "data" / "reports"
REPORT = "昆明市五华区2024年法治政府建设情况报告\n全区推行“企业安静期”制度，入企检查同比下降38.6%。\n"

# One phenomenon each: (file name, bytes, expected text, expected encoding name).
DECODE_CASES = [
    ("plain.txt", REPORT.encode("utf-8"), REPORT, "utf-8"),
    ("bom8.txt", codecs.BOM_UTF8 + REPORT.encode(), REPORT, "utf-8-sig"),
    ("bom16le.txt", codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), REPORT, "utf-16-le"),
    ("bom16be.txt", codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), REPORT, "utf-16-be"),
    ("bom32.txt", codecs.BOM_UTF32_LE + REPORT.encode("utf-32-le"), REPORT, "utf-32-le"),
    ("nobom16le.txt", REPORT.encode("utf-16-le"), REPORT, "utf-16-le"),
    ("nobom16be.txt", REPORT.encode("utf-16-be"), REPORT, "utf-16-be"),
    ("nobom16-no-nul.txt", "贵阳市观山湖区法治政府建设报告".encode("utf-16-le"), "贵阳市观山湖区法治政府建设报告",
     "utf-16-le"),
    ("gbk.txt", REPORT.encode("gbk"), REPORT, "gb18030"),
    ("gb18030-4byte.txt", "𠀀南宁市良庆区报告".encode("gb18030"), "𠀀南宁市良庆区报告", "gb18030"),
    ("cut-tail.txt", REPORT.encode()[:-2], REPORT[:-2], "utf-8"),
    ("notes.md", "# 标题\n\n兰州市城关区报告".encode(), "标题\n\n兰州市城关区报告", "utf-8"),
    ("UPPER.TXT", REPORT.encode(), REPORT, "utf-8"),
]


@pytest.mark.parametrize("name,data,text,encoding", DECODE_CASES, ids=[c[0] for c in DECODE_CASES])
def test_decodes_and_names_encoding(tmp_path, name, data, text, encoding):
    path = tmp_path / name
    path.write_bytes(data)
    raw = read(path)
    assert (raw.text, raw.encoding) == (text, encoding)


def test_cut_final_character_is_reported_as_warning(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes("长沙市岳麓区报告".encode()[:-1])
    raw = read(path)
    assert raw.text == "长沙市岳麓区报" and raw.meta["warnings"] == ["incomplete last character dropped"]


def _random_bytes(n: int = 4096) -> bytes:
    return random.Random(7).randbytes(n)


# One bad input each: (file name, bytes or None for a directory, expected error type, words in message).
ERROR_CASES = [
    ("empty.txt", b"", EmptyReport, "empty"),
    ("blank.txt", b" \n\t\r\n  ", EmptyReport, "white space"),
    ("blank16.txt", codecs.BOM_UTF16_LE + "　 \n".encode("utf-16-le"), EmptyReport, "no report text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + _random_bytes(300), DecodeError, "PNG"),
    ("doc.txt", b"PK\x03\x04" + _random_bytes(300), DecodeError, "archive"),
    ("random.txt", _random_bytes(), DecodeError, "binary"),
    ("random-no-nul.txt", _random_bytes().replace(b"\x00", b"\x01"), DecodeError, "text"),
    ("nul.txt", "太原市小店区报告".encode() + b"\x00" * 40 + "成效".encode(), DecodeError, "NUL"),
    ("bad-bom.txt", codecs.BOM_UTF8 + b"\xff\xfe\xfd abc", DecodeError, "utf-8-sig"),
    ("chrome.html", b"<html><body><nav><a href='/'>home</a></nav><script>x()</script><footer>c</footer>"
                    b"</body></html>", EmptyReport, "page chrome"),
    ("report.pdf", b"%PDF-1.4", LoadError, "damaged or not a PDF"),
    ("sheet.xls", b"\xd0\xcf\x11\xe0", UnsupportedFormat, "unsupported file type '.xls'"),
    ("report.docx", b"PK\x03\x04" + _random_bytes(300), LoadError, "damaged or not a Word .docx"),
    ("report.ofd", b"<ofd/>", LoadError, "not a ZIP package"),
    ("report", REPORT.encode(), UnsupportedFormat, "no suffix"),
    ("folder.txt", None, LoadError, "directory"),
]


@pytest.mark.parametrize("name,data,error,words", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_bad_input_raises_one_line_error_naming_file(tmp_path, name, data, error, words):
    path = tmp_path / name
    if data is None:
        path.mkdir()
    else:
        path.write_bytes(data)
    with pytest.raises(error) as info:
        read(path)
    message = str(info.value)
    assert message.startswith(str(path)) and words in message and "\n" not in message
    assert isinstance(info.value, GovkgError)


def test_missing_file(tmp_path):
    with pytest.raises(LoadError, match="No such file"):
        read(tmp_path / "gone.txt")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_bytes(REPORT.encode())
    path.chmod(0)
    with pytest.raises(LoadError, match="permission denied"):
        read(path)


def test_oversized_file_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(51 * 2**20)          # sparse: costs no disk
    with pytest.raises(LoadError, match="larger than 50 MB"):
        read(path)


def test_twenty_megabyte_text_loads(tmp_path):
    line = "全市推行“双随机、一公开”监管，抽查企业5,840户次，同比下降12.5%。\n"
    path = tmp_path / "big.txt"
    path.write_bytes((line * (20 * 2**20 // len(line.encode()))).encode())
    raw = read(path)
    assert raw.encoding == "utf-8" and raw.text.startswith(line) and len(raw.text.encode()) > 19 * 2**20


# Committed inputs: (file, expected encoding, a line the text must contain).
COMMITTED = [
    ("utf8.txt", "utf-8", "全区推行“企业安静期”制度。"),
    ("gb18030.txt", "gb18030", "绍兴市柯桥区坚持发展新时代“枫桥经验”，调处纠纷1.2万件。"),
    ("utf16-bom.txt", "utf-16-le", "佛山市顺德区2023年法治政府建设情况报告"),
    ("fullwidth-crlf.txt", "utf-8", "检查次数同比下降３８．６％。\r"),
    ("notes.md", "utf-8", "扬州市江都区推进“双随机、一公开”监管。"),
    ("page.html", "gb18030", "入企检查同比下降38.6%。"),
]


@pytest.mark.parametrize("name,encoding,line", COMMITTED, ids=[c[0] for c in COMMITTED])
def test_committed_inputs(name, encoding, line):
    raw = read(DATA / name)
    assert raw.encoding == encoding and line in raw.text.split("\n")


def test_every_committed_input_has_a_case():
    on_disk = {p.name for p in DATA.iterdir() if p.is_file()}
    assert len(on_disk) >= 6 and on_disk == {c[0] for c in COMMITTED}


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


ARTICLE = "<p>合肥市蜀山区推行“企业安静期”制度。</p><p>入企检查同比下降38.6%。</p>"
# One kind of page chrome each; the article must survive and the chrome must go.
CHROME_CASES = [
    ("nav tag", "<nav><a href='/'>首页</a><a href='/z'>政务公开</a></nav>", "政务公开"),
    ("header tag", "<header><div>合肥市人民政府门户网站</div></header>", "门户网站"),
    ("footer class", "<div class='footer'>版权所有 主办单位</div>", "版权所有"),
    ("sidebar id", "<div id='sidebar'><h3>热点专题</h3><p>营商环境专栏</p></div>", "热点专题"),
    ("breadcrumb", "<div class='bread-crumb'>当前位置：首页 &gt; 法治政府</div>", "当前位置"),
    ("share bar", "<div class='bdshare share'>分享到：微信 微博</div>", "分享到"),
    ("link list", "<ul><li><a>相关文章一</a></li><li><a>相关文章二</a></li><li><a>相关文章三</a></li></ul>",
     "相关文章"),
    ("script", "<script>var s = '统计脚本';</script>", "统计脚本"),
    ("style", "<style>.a{content:'样式表'}</style>", "样式表"),
    ("inline hidden", "<div style='display: none'>隐藏的打印说明</div>", "隐藏的"),
    ("aside", "<aside>友情链接区</aside>", "友情链接"),
]


@pytest.mark.parametrize("chrome,gone", [(c[1], c[2]) for c in CHROME_CASES], ids=[c[0] for c in CHROME_CASES])
def test_html_chrome_removed_article_kept(chrome, gone):
    text, _ = html_to_text(_page(chrome + ARTICLE + chrome))
    assert gone not in text
    assert text.split("\n")[-2:] == ["合肥市蜀山区推行“企业安静期”制度。", "入企检查同比下降38.6%。"]


# Metadata and date lines the meta extractor needs: (head, body, key, expected value).
META_CASES = [
    ("<title>报告全文_某区人民政府</title>", ARTICLE, "title", "报告全文"),
    ("<meta name='PubDate' content='2024-03-28 10:15'>", ARTICLE, "published", "2024-03-28"),
    ("<meta name='publishdate' content='2023/7/9'>", ARTICLE, "published", "2023-07-09"),
    ("<meta property='article:published_time' content='2022-11-30T08:00:00+08:00'>", ARTICLE,
     "published", "2022-11-30"),
]


@pytest.mark.parametrize("head,body,key,value", META_CASES, ids=["title", "PubDate", "publishdate", "og"])
def test_html_meta(head, body, key, value):
    assert html_to_text(_page(body, head))[1][key] == value


@pytest.mark.parametrize("box", ["<div class='share-tools'>", "<div class='header-info'>", "<footer>"])
def test_date_line_kept_from_chrome_box(box):
    close = "</footer>" if box == "<footer>" else "</div>"
    body = f"{box}<span>发布日期：2024-01-12</span><a href='#'>打印</a>{close}" + ARTICLE
    text, _ = html_to_text(_page(body))
    assert text.split("\n")[0] == "发布日期：2024-01-12" and "打印" not in text


def test_html_paragraphs_and_source_wrapping():
    text, _ = html_to_text(_page("<p>南昌市东湖区\n  深化改革。</p><p>第二段<br>换行</p><div>第三段</div>"))
    assert text.split("\n") == ["南昌市东湖区深化改革。", "第二段", "换行", "第三段"]


def test_html_title_prepended_when_body_lacks_it():
    text, _ = html_to_text(_page("<p>正文一句。</p>", "<title>海口市美兰区2023年法治政府建设情况报告</title>"))
    assert text.split("\n") == ["海口市美兰区2023年法治政府建设情况报告", "正文一句。"]


def test_html_header_inside_article_is_content():
    text, _ = html_to_text(_page("<article><header><h1>西宁市城西区报告</h1></header>" + ARTICLE + "</article>"))
    assert text.split("\n")[0] == "西宁市城西区报告"


@pytest.mark.parametrize("declared", ["gb2312", "GBK", "gb18030"])
def test_html_declared_chinese_charset_read_as_gb18030(tmp_path, declared):
    path = tmp_path / "p.htm"
    path.write_bytes(f"<meta http-equiv='Content-Type' content='text/html; charset={declared}'>"
                     f"<p>呼和浩特市赛罕区报告</p>".encode("gb18030"))
    raw = read(path)
    assert (raw.text, raw.encoding) == ("呼和浩特市赛罕区报告", "gb18030")


def test_html_valid_utf8_wins_over_wrong_declaration(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes("<meta charset='gb2312'><p>拉萨市城关区报告</p>".encode())
    assert read(path).encoding == "utf-8"


EXAMPLE_ENCODINGS = {"js-kunshan-2023-gb18030.txt": "gb18030"}


def test_examples_all_read(examples_dir):
    files = sorted(p for p in examples_dir.iterdir() if p.suffix in (".txt", ".html"))
    assert len(files) >= 6
    for path in files:
        raw = read(path)
        assert raw.encoding == EXAMPLE_ENCODINGS.get(path.name, "utf-8"), path.name
        assert 1500 <= len(raw.text) <= 4000, path.name


def test_example_page_has_no_chrome(examples_dir):
    raw = read(examples_dir / "gd-dongguan-2023.html")
    for chrome in ("首页", "分享到", "版权所有", "相关链接", "热点专题", "字号", "统计代码", "隐藏"):
        assert chrome not in raw.text
    assert "发布日期：2024-03-28" in raw.text.split("\n")[1] and raw.meta["published"] == "2024-03-28"


# Markdown markup is not report text: (markdown, plain text the extractors see).
MARKDOWN_CASES = [
    ("# 佛山市顺德区2023年法治政府建设年度报告\n正文", "佛山市顺德区2023年法治政府建设年度报告\n正文"),
    ("- **北滘镇**率先试点“一张网”", "北滘镇率先试点“一张网”"),
    ("> 发布日期：2024-02-06", "发布日期：2024-02-06"),
    ("详见[南宁市政府网](http://example.org)公告", "详见南宁市政府网公告"),
    ("| 指标 | 数值 |\n| --- | --- |\n| 纠错率 | 9.6% |", "指标  数值\n\n纠错率  9.6%"),
]


@pytest.mark.parametrize("markdown, plain", MARKDOWN_CASES)
def test_markdown_markup_removed(tmp_path, markdown, plain):
    path = tmp_path / "report.md"
    path.write_text(markdown, encoding="utf-8")
    assert read(path).text == plain


# --- issue 15: page furniture and site titles (our own markup) ---

@pytest.mark.parametrize("body, gone", [
    ("<div style='background:#eee'>版权所有：某县人民政府 技术支持：某某科技</div>", "版权所有"),
    ("<table><tr><td><a href='p.htm'>上一篇</a> <a href='n.htm'>下一篇</a></td></tr></table>", "上一篇"),
])
def test_site_furniture_without_telling_class_names_is_dropped(body, gone):
    text, _ = html_to_text(_page(ARTICLE + body))
    assert gone not in text and text.split("\n")[-1] == "入企检查同比下降38.6%。"


@pytest.mark.parametrize("title, first", [
    ("临川区推行一网通办-抚州新闻网", "临川区推行一网通办"),      # the site's name after a bare hyphen
    ("闽西日报数字报", "合肥市蜀山区推行“企业安静期”制度。"),       # a title that is only the site's name
])
def test_page_title_without_the_site_name(title, first):
    text, _ = html_to_text(_page(ARTICLE, f"<title>{title}</title>"))
    assert text.split("\n")[0] == first
