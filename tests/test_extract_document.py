"""Documents cited in 《》: titles (nested, in runs, unbalanced), type, status, issuer, identity, mentions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.extract import document
from loaders.extract.document.scan import MAX_TITLE
from loaders.records import Place
from loaders.text import Text

HANGZHOU = Place("杭州市", "330100", "prefecture", ("浙江省",))
YUHANG = Place("余杭区", "330110", "district", ("浙江省", "杭州市"))
HAISHU = Place("海曙区", "330203", "district", ("浙江省", "宁波市"))
CHENGDU = Place("成都市", "510100", "prefecture", ("四川省",))
YANGQUAN_CHENGQU = Place("城区", "140302", "district", ("山西省", "阳泉市"))


def docs(body: str, place: Place | None = HANGZHOU) -> dict:
    text = Text.make("t.txt", body)
    found = document.extract(text, place)
    for d in found:
        for m in d.mentions:
            assert text.plain[m.start:m.end] == m.text
    return {d.title: d for d in found}


@pytest.mark.parametrize("body, title, kind, issuer, status", [
    ("省人大常委会审议通过《浙江省数字经济促进条例》。", "浙江省数字经济促进条例", "条例", "浙江省", None),
    ("出台《广州市违法建设查处办法(试行)》。", "广州市违法建设查处办法(试行)", "办法", "广州市", "trial"),
    ("出台《广州市违法建设查处办法（暂行）》。", "广州市违法建设查处办法（暂行）", "办法", "广州市", "trial"),
    ("推动《宁波市海洋经济条例（草案）》审议。", "宁波市海洋经济条例（草案）", "条例", "宁波市", "draft"),
    ("起草《温州市养犬管理规定(征求意见稿)》。", "温州市养犬管理规定(征求意见稿)", "规定", "温州市", "draft"),
    ("落实《国务院办公厅关于加强行政执法协调监督的意见》。", "国务院办公厅关于加强行政执法协调监督的意见",
     "意见", "国务院办公厅", None),
    ("按照《中共深圳市委全面依法治市委员会工作规则》。", "中共深圳市委全面依法治市委员会工作规则", "规则", "深圳市", None),
    ("贯彻《中华人民共和国行政处罚法》。", "中华人民共和国行政处罚法", "法", None, None),
    ("执行《优化营商环境条例》。", "优化营商环境条例", "条例", None, None),
    ("印发《余杭区2024年普法工作要点》。", "余杭区2024年普法工作要点", "要点", "余杭区", None),
    ("编制《全市行政执法事项目录》。", "全市行政执法事项目录", "目录", "杭州市", None),
    ("发布《武汉市民营企业合规经营指引》。", "武汉市民营企业合规经营指引", "指引", "武汉市", None),
    # a branded plan names its province after 法治 (the context city is not its issuer)
    ("对照《法治湖南建设规划（2021—2025年）》推进。", "法治湖南建设规划（2021—2025年）", "规划", "湖南省", None),
])
def test_title_type_issuer_status(body, title, kind, issuer, status):
    d = docs(body)[title]
    assert (d.type, d.issuer, d.status) == (kind, issuer, status)


@pytest.mark.parametrize("body, national", [
    ("贯彻《中华人民共和国行政复议法》。", True),
    ("执行《重大行政决策程序暂行条例》。", True),
    ("学习《法治政府建设实施纲要(2021-2025年)》。", True),
    ("落实《国务院关于加强数字政府建设的指导意见》。", True),
    ("学习《法治中国建设规划（2020－2025年）》。", True),
    ("落实《中共中央 国务院关于加快建设全国统一大市场的意见》。", True),
    ("制定《党政主要负责人履行推进法治建设第一责任人职责清单》。", False),
    ("印发《关于开展规范性文件清理工作的通知》。", False),
    ("出台《杭州市公共数据条例》。", False),
])
def test_national(body, national):
    (d,) = docs(body).values()
    assert d.national is national


@pytest.mark.parametrize("body, outer, inner", [
    ("市政府印发《关于印发〈成都市优化营商环境行动方案〉的通知》。",
     "关于印发〈成都市优化营商环境行动方案〉的通知", "成都市优化营商环境行动方案"),
    ("印发《关于印发<成都市公共法律服务体系建设实施方案>的通知》。",
     "关于印发<成都市公共法律服务体系建设实施方案>的通知", "成都市公共法律服务体系建设实施方案"),
    ("印发《关于印发《四川省行政执法监督办法》的通知》。",
     "关于印发《四川省行政执法监督办法》的通知", "四川省行政执法监督办法"),
])
def test_nested_titles_give_outer_and_inner(body, outer, inner):
    found = docs(body, CHENGDU)
    assert set(found) == {outer, inner}
    assert found[outer].cites == (inner,)
    assert found[outer].type == "通知" and found[outer].issuer == "成都市"
    assert found[inner].issuer in ("成都市", "四川省")


@pytest.mark.parametrize("body, titles", [
    ("出台《苏州市甲办法》《苏州市乙规定》和《苏州市丙细则》。", ["苏州市甲办法", "苏州市乙规定", "苏州市丙细则"]),
    ("出台《苏州市甲办法》、《苏州市乙规定》等制度。", ["苏州市甲办法", "苏州市乙规定"]),
    ("标题没有闭合《这一段很长很长的话会一直写下去。随后印发《苏州市丁办法》。", ["苏州市丁办法"]),
    ("《" + "很长" * 100 + "》，另有《苏州市戊方案》。", ["苏州市戊方案"]),
])
def test_runs_and_unbalanced_brackets(body, titles):
    assert list(docs(body)) == titles


@pytest.mark.parametrize("body", [
    "在《法治在线》栏目播出普法节目。",
    "制作播出《法润钱塘》电视节目12期。",
    "《新闻联播》报道了我市经验。",
    "经验做法被《人民日报》刊发。",
    "拍摄《守护》微电影一部。",
    "开设《以案释法》专栏。",
])
def test_programmes_and_publications_are_not_documents(body):
    assert docs(body) == {}


@pytest.mark.parametrize("body", [
    "市政府成立《杭州市行政复议咨询委员会》，聘请专家12名。",
    "组建《杭州市法治政府建设示范创建工作领导小组》统筹推进。",
])
def test_bodies_set_up_are_not_documents(body):
    assert docs(body) == {}


def test_a_body_title_with_a_type_word_is_still_a_document():
    assert list(docs("印发《杭州市行政复议咨询委员会工作规则》。")) == ["杭州市行政复议咨询委员会工作规则"]


def test_dash_and_bracket_variants_are_one_document():
    found = docs("学习《法治政府建设实施纲要（2021—2025年）》，对照《法治政府建设实施纲要(2021-2025年)》，"
                 "落实《法治政府建设实施纲要(20212025年)》。")
    (d,) = found.values()
    assert len(d.mentions) == 3 and d.type == "纲要" and d.national and d.issuer is None
    assert "20212025" not in d.title


def test_back_reference_is_an_alias_not_a_document():
    found = docs("印发《湖南省提升行政执法质量三年行动计划实施方案》，完成《实施方案》中期评估。",
                 Place("长沙市", "430100", "prefecture", ("湖南省",)))
    assert list(found) == ["湖南省提升行政执法质量三年行动计划实施方案"]
    d = found["湖南省提升行政执法质量三年行动计划实施方案"]
    assert d.aliases == ("实施方案",) and len(d.mentions) == 2


def test_unresolved_back_reference_is_dropped():
    assert docs("按照《实施方案》要求推进。") == {}


def test_short_name_of_a_law_merges_with_its_full_title():
    (d,) = docs("宣传《中华人民共和国民法典》，发放《民法典》读本。").values()
    assert d.title == "中华人民共和国民法典" and len(d.mentions) == 2 and d.type == "法典"


def test_work_lists_of_two_jurisdictions_are_local():
    body = "制定《党政主要负责人履行推进法治建设第一责任人职责工作清单》。"
    a, b = docs(body, YUHANG), docs(body, HAISHU)
    (da,), (db,) = a.values(), b.values()
    assert (da.issuer, db.issuer) == ("余杭区", "海曙区")
    assert not da.national and not db.national


@pytest.mark.parametrize("body, issuer", [
    ("市委全面依法治市委员会办公室印发《关于开展法治督察的通知》。", "阳泉市"),
    ("区委政法委出台了《关于服务保障民营经济的实施意见》。", "阳泉市城区"),
    ("认真落实《城区行政规范性文件管理规定》。", "阳泉市城区"),
    ("认真落实《阳泉市城区重大事项决策办法》。", "阳泉市城区"),
    ("严格贯彻《关于加强某项工作的意见》。", None),
])
def test_issuer_from_context_in_a_district_report(body, issuer):
    (d,) = docs(body, YANGQUAN_CHENGQU).values()
    assert d.issuer == issuer


def test_city_name_before_urban_management_is_not_a_district():
    (d,) = docs("出台《广州市城区管理办法》。").values()
    assert d.issuer == "广州市"


def test_full_width_text_keeps_offsets():
    body = "　　２０２４年，出台《杭州市２０２４年法治政府建设工作要点》。"
    (d,) = docs(body).values()
    assert d.title == "杭州市2024年法治政府建设工作要点"
    assert d.mentions[0].text == "《杭州市２０２４年法治政府建设工作要点》"


HERE = Path(__file__).resolve()
# /work/main/tests → /work/shared; a worktree /work/wt/NAME/tests → /work/shared as well.
SHARED = next((p / "shared" for p in HERE.parents[2:4] if (p / "shared").exists()),
              HERE.parents[1].parent / "shared")


def test_seed_gold_documents_are_found():
    gold_path = SHARED / "eval" / "seeds_gold.json"
    if not gold_path.exists():
        pytest.skip("shared seeds are not available")
    from loaders.read import read
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    files = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    assert len(files) >= 5 and len(gold) == len(files)
    found = 0
    for report, path in zip(gold, files):
        raw = read(path)
        titles = {d.title for d in document.extract(Text.make(str(path), raw.text), None)}
        keys = {document.key(t) for t in titles}
        found += sum(document.key(g["title"]) in keys or any(document.key(a) in keys for a in g["aliases"])
                     for g in report["documents_must"])
        assert not any(document.key(t) in keys for t in report["documents_must_not"])
    assert found == sum(len(r["documents_must"]) for r in gold)


def test_declared_short_name_is_an_alias():
    found = docs("贯彻《中华人民共和国行政许可法》（以下简称《许可法》），严格执行《许可法》规定。")
    (d,) = found.values()
    assert d.title == "中华人民共和国行政许可法" and d.aliases == ("许可法",) and len(d.mentions) == 3


def test_titles_listed_in_one_bracket_pair():
    found = docs("组织学习《安全生产法、消防法》。")
    assert list(found) == ["安全生产法", "消防法"]
    assert all(d.type == "法" and d.national for d in found.values())


def test_one_title_with_a_comma_of_clauses_is_not_split():
    found = docs("印发《关于制定学法计划、进一步落实领导干部学法制度的通知》。")
    assert list(found) == ["关于制定学法计划、进一步落实领导干部学法制度的通知"]


@pytest.mark.parametrize("window, issuer", [
    ("县市场监管局印发", "杭州市"),        # a county body in a city report: nobody we know, but authored here
    ("获评省级示范单位后，举办", None),        # 省级 is no provincial body, 举办 authors nothing
    ("省政府办公厅印发", "浙江省"),
])
def test_context_bodies(window, issuer):
    assert document.issuer.from_context(window, HANGZHOU) == issuer


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["《", "》", "〈", "〉", "<", ">", "、", "。", "\n", "市", "条例", "关于", "的通知",
                           "杭州市", "（试行）", "2021—2025年", "栏目", "实施方案", "简称", "２０２４", "　"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=60))
def test_any_text_gives_exact_spans_and_bounded_titles(pieces):
    text = Text.make("t.txt", "".join(pieces))
    for d in document.extract(text, HANGZHOU):
        assert len(d.title) <= MAX_TITLE
        for m in d.mentions:
            assert text.plain[m.start:m.end] == m.text


# --- issue 15: the longest ending decides; works without a type word -----------------------------

@pytest.mark.parametrize("body, title, kind", [
    ("深入学习《中华人民共和国黄河保护法》。", "中华人民共和国黄河保护法", "法"),
    ("宣传《妇女权益保障法》，维护妇女权益。", "妇女权益保障法", "法"),
    ("人手一本《论坚持人民当家作主》等书籍。", "论坚持人民当家作主", "著作"),
    ("编印《优化营商环境条例百问》发放企业。", "优化营商环境条例百问", "问答"),
    ("印发《行政复议法律知识问答》。", "行政复议法律知识问答", "问答"),
    ("组织学习《习近平关于依法治市的重要论述》。", "习近平关于依法治市的重要论述", "著作"),
    ("汇印《依法行政重要论述摘编》。", "依法行政重要论述摘编", "著作"),
    ("区政府制定《2021年度依法行政重点工作安排》。", "2021年度依法行政重点工作安排", "安排"),
    ("出台《示例区涉企执法监督工作程序》，规范执法。", "示例区涉企执法监督工作程序", "程序"),
    ("修订《示例县突发事件总体应急预案》。", "示例县突发事件总体应急预案", "预案"),
    ("印发《示例市公民法治素养提升教育大纲》。", "示例市公民法治素养提升教育大纲", "大纲"),
])
def test_law_names_and_written_works_kept_and_typed(body, title, kind):
    found = {d.title: d for d in document.extract(Text.make("t.txt", body), None)}
    assert found[title].type == kind


@pytest.mark.parametrize("title", ["以案释法", "三步工作法"])
def test_not_a_type_endings_still_win_when_longest(title):
    from loaders.extract.document.title import doc_type
    assert doc_type(title) is None
