"""Outcome extraction: one phenomenon per small sentence (written for these tests, several provinces)."""
import json
import re
from pathlib import Path

import pytest

from loaders.extract.outcome import extract
from loaders.records import Mention, Place, Programme
from loaders.text import Text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def outcomes(sentence, programs=(), place=None):
    return extract(Text.make("t.txt", sentence), list(programs), place)


def only(sentence, **kw):
    found = outcomes(sentence, **kw)
    assert len(found) == 1, [(o.indicator, o.value, o.unit) for o in found]
    return found[0]


def valued(sentence, value):
    """The outcome of `sentence` with this value."""
    return next(o for o in outcomes(sentence) if o.value == value)


def programme(text, name, related=()):
    spans = tuple(Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text))
    return Programme(name, "institution", mentions=spans, related=tuple(related))


# --- numbers and units ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value, unit", [
    ("杭州市全年网上办件量达1,234,567件。", 1234567, "件"),
    ("广州市12345热线受理群众诉求3.5万件。", 35000, "件"),
    ("全县累计培训基层干部1.2万人次。", 12000, "人次"),
    ("全市共开展法治宣传活动两千余场。", 2000, "场"),
    ("成都市群众满意度达到百分之九十五。", 95, "%"),
    ("全省追回拖欠农民工工资2.6亿元。", 2.6, "亿元"),      # money keeps its printed magnitude
    ("调解协议涉及金额319.18万元。", 319.18, "万元"),
    ("合肥市一网通办平台惠及群众10余万人次。", 100000, "人次"),
    ("审批时限平均缩短4个月。", 4, "个月"),
    ("企业开办时间压缩至2个工作日。", 2, "工作日"),
    ("网上办理率提高5个百分点。", 5, "百分点"),
    ("贵阳市办件量同比增长1.5倍。", 1.5, "倍"),
    ("满意率达９８．５％。", 98.5, "%"),                    # full-width digits
    ("全市共受理 1200 件投诉。", 1200, "件"),                # a web page's spaces
    ("联合抽查覆盖企业1,230家次。", 1230, "家次"),
    ("昆明市评查行政执法案卷460卷。", 460, "卷"),
    ("株洲市入企检查次数下降三成以上。", 30, "%"),             # tenths (成) are a percentage
    ("抽查市场主体２，０３４户。", 2034, "户"),                # full-width thousands comma
    ("执法人员全年完成在线学法60学时以上。", 60, "学时"),       # hours of study
    ("发布“一件事”业务套餐41组。", 41, "组"),
])
def test_numeral_forms_and_units(sentence, value, unit):
    o = only(sentence)
    assert o.value == pytest.approx(value)
    assert o.unit == unit


@pytest.mark.parametrize("sentence, qualifier, value", [
    ("南京市全年受理投诉500余件。", "余", 500),
    ("朔方县办理业务量3万多件。", "多", 30000),
    ("企业迎检时间压缩60%以上。", "以上", 60),
    ("项目开工率超90%。", "超", 90),
    ("按时办结率超过98%。", "超过", 98),
    ("新增市场主体近千户。", "近", 1000),
    ("平均审批时间约5个工作日。", "约", 5),
    ("参与评议群众1500人左右。", "左右", 1500),
    ("投诉率不足1%。", "不足", 1),
])
def test_qualifiers(sentence, qualifier, value):
    o = only(sentence)
    assert (o.qualifier, o.value) == (qualifier, pytest.approx(value))


def test_span_points_into_plain_text():
    text = "全年受理案件１２００件，满意率达９９％。"
    found = outcomes(text)
    assert [o.text for o in found] == ["１２００件", "９９％"]
    assert all(text[o.start:o.end] == o.text for o in found)
    assert found[0].sentence == "全年受理案件1200件,满意率达99%。".replace(",", "，")


# --- direction ------------------------------------------------------------------------------------

@pytest.mark.parametrize("verb, direction", [
    ("下降", "decrease"), ("减少", "decrease"), ("压缩", "decrease"), ("缩短", "decrease"),
    ("降低", "decrease"), ("减轻", "decrease"), ("精简", "decrease"), ("压减", "decrease"),
    ("提升", "increase"), ("提高", "increase"), ("增长", "increase"), ("增加", "increase"),
    ("上升", "increase"), ("增幅达", "increase"), ("取消", "decrease"),
    ("达", "level"), ("达到", "level"), ("为", "level"), ("实现", "level"),
])
def test_direction_from_verb(verb, direction):
    o = only(f"企业办事时间{verb}30%。")
    assert (o.indicator, o.direction) == ("企业办事时间", direction)


def test_verb_after_a_scope_word_gives_the_direction():
    o = only("长沙市全年减少群众提交证明材料1.3万余份。")     # a count of what was cut keeps the verb
    assert (o.indicator, o.value, o.direction) == ("减少群众提交证明材料", 13000, "decrease")


def test_comparison_goes_with_the_verb():
    o = only("全年刑事案件同比下降12.5%。")
    assert (o.indicator, o.direction) == ("刑事案件", "decrease")


def test_bare_count_is_level():
    assert only("全年办理法律援助案件500件。").direction == "level"


def test_verb_before_the_indicator_and_list_share_it():
    found = outcomes("大力推行改革，压减审批环节40%、申请材料55%。")
    assert [(o.indicator, o.direction) for o in found] == [("审批环节", "decrease"), ("申请材料", "decrease")]


def test_clause_without_indicator_inherits_it():
    found = outcomes("全年受理行政复议案件320件，同比增长15%。")
    assert [(o.indicator, o.unit, o.direction) for o in found] == [
        ("受理行政复议案件", "件", "level"), ("受理行政复议案件", "%", "increase")]


def test_baseline_is_not_an_outcome():
    o = only("审批时限由20个工作日压缩至5个工作日。")
    assert (o.indicator, o.value, o.direction) == ("审批时限", 5, "decrease")


# --- indicator ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, indicator", [
    ("今年以来全市各级调解组织共排查矛盾纠纷2300件。", "排查矛盾纠纷"),
    ("全年入企检查次数同比下降38%。", "入企检查次数"),
    ("市人大常委会出台12部地方性法规。", "地方性法规"),
    ("推动45家新设企业与律师事务所签订服务协议。", "新设企业"),
    ("培育村（社区）“法律明白人”1800人。", "村（社区）法律明白人"),
    ("“案件办结”率达88%。", "案件办结率"),
    ("呼和浩特市组织1.1万人次参加年度学法考试。", "参加年度学法考试"),
])
def test_indicator_phrase(sentence, indicator):
    assert only(sentence).indicator == indicator


# --- rates and plausibility -----------------------------------------------------------------------

def test_comparison_base_is_no_indicator():
    got = [(o.indicator, o.value, o.unit) for o in outcomes("审批用时压缩至5个工作日，较以往缩短70%。")]
    assert got == [("审批用时", 5, "工作日"), ("审批用时", 70, "%")]


def test_rates_sharing_one_figure():
    got = [(o.indicator, o.value) for o in outcomes("规范性文件报备率、及时率均为100%。")]
    assert got == [("规范性文件报备率", 100), ("及时率", 100)]


def test_rate_without_percent_sign_gets_percent():
    o = only("全市化解矛盾纠纷，化解率97。")
    assert (o.indicator, o.value, o.unit) == ("化解率", 97, "%")


@pytest.mark.parametrize("sentence", [
    "提供免费法律咨询，完成率14327。",           # a lost decimal point
    "群众满意度达105%。",
    "平均减负率达到5423项权责清单。",             # a rate with a count unit: garbled
])
def test_absurd_rate_is_dropped(sentence):
    assert not [o for o in outcomes(sentence) if o.unit == "%" or "率" in o.indicator]


def test_increase_above_hundred_percent_is_kept():
    o = only("网上办件量同比增长150%。")
    assert (o.value, o.unit, o.direction) == (150, "%", "increase")


# --- not outcomes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "畅通12345政务服务便民热线。",
    "2024年，本县坚持依法行政。",
    "依照条例第3条规定执行。",
    "一是强化组织领导。",
    "谋划“十四五”法治政府建设。",
    "发布日期：2023-11-28。",
    "为60岁以上老人提供服务。",
    "印发《实施方案》（晋政办发〔2023〕5号）。",
    "形成“1+6”分级监管格局。",
    "坚决做到“两个维护”。",
    "庆祝建国70周年。",
    "位列全国第22名。",
    "推行“1名法律顾问+N名法律明白人”模式。",
    "建成24小时智慧政务服务中心。",                   # a duration before a noun: that noun's attribute
    "打造15分钟公共法律服务圈。",
    "行政许可、行政确认和行政奖励等3类依申请事项已全部公开。",   # the kinds just listed
])
def test_not_outcomes(sentence):
    assert outcomes(sentence) == []


# --- linking --------------------------------------------------------------------------------------

def test_link_within_clause_even_after_the_figure():
    text = "全年为45家企业提供“法律体检”服务。"
    assert only(text, programs=[programme(text, "法律体检")]).program == "法律体检"


def test_link_nearest_before_in_sentence():
    text = "推行“一网通办”，实施“最多跑一次”改革，群众跑动次数减少70%。"
    progs = [programme(text, "一网通办"), programme(text, "最多跑一次")]
    assert only(text, programs=progs).program == "最多跑一次"


def test_link_continuing_sentence():
    text = "重庆市上线“渝快办”平台，整合各类服务事项。该平台累计办件1200万件。"
    assert only(text, programs=[programme(text, "渝快办")]).program == "渝快办"


def test_no_link_across_paragraphs_or_unrelated_sentences():
    progs_text = "上线“渝快办”平台。全年受理信访案件300件。\n该平台累计办件1200万件。"
    found = outcomes(progs_text, programs=[programme(progs_text, "渝快办")])
    assert [o.program for o in found] == [None, None]


def test_no_programme_no_link():
    assert only("全年办理法律援助案件500件。").program is None


def test_link_prefers_the_related_programme_named_in_the_clause():
    text = "推行“企业安静期”制度。依托该制度，企静通小程序扫码检查率达95%。"
    quiet = programme(text, "企业安静期", related=["企静通"])
    app = Programme("企静通", "platform")
    assert only(text, programs=[quiet, app]).program == "企静通"


def test_link_to_the_head_of_the_counted_phrase():
    text = "上线150项“一件事”集成服务“网上套餐”。"
    one = Programme("高效办成一件事", "reform", aliases=("一件事",),
                    mentions=(Mention(text.index("一件事"), text.index("一件事") + 3, "一件事"),))
    assert only(text, programs=[one, programme(text, "网上套餐")]).program == "网上套餐"


def test_link_uses_a_written_name_its_mentions_missed():
    text = "江西省推行“赣服通”改革。全年通过“赣服通”办件1.5万件。"
    first_only = Programme("赣服通", "platform", mentions=(Mention(6, 9, "赣服通"),))
    assert text[6:9] == "赣服通"
    assert only(text, programs=[first_only]).program == "赣服通"


def test_jurisdiction_is_the_reporting_place_by_default():
    place = Place("泽州县", "140525", "county")
    assert only("全年办理法律援助案件500件。", place=place).jurisdiction == place


# --- the seeds: figures with a sensible reading ---------------------------------------------------

def test_seed_outcomes_found():
    gold_file = SHARED / "eval" / "seeds_gold.json"
    if not gold_file.exists():
        pytest.skip("shared evaluation data not available")
    from loaders.pipeline import load_report
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    assert len(gold) >= 5
    hits = total = 0
    for report in gold:
        got = load_report(SHARED / "corpus" / "seeds" / report["file"]).outcomes
        for want in report["outcomes_must"]:
            total += 1
            hits += any(abs(o.value - want["value"]) < 1e-6 and o.unit == want["unit"] for o in got)
        for bad in report["outcomes_must_not"]:
            assert not any(abs(o.value - bad["value"]) < 1e-6 and o.unit == bad["unit"] for o in got)
    assert hits / total >= 0.9


# --- issue 15: ordinals, runs, reductions named before the number, levels reached, measure heads --

@pytest.mark.parametrize("sentence", ["全市召开第十二次党代会。", "学习贯彻党的二十届三中全会精神。"])
def test_ordinals_are_not_counts(sentence):
    assert outcomes(sentence) == []


@pytest.mark.parametrize("sentence, value, unit", [
    ("该县连续4年获评依法行政先进单位。", 4, "年"),
    ("全市评估总分为812.5分。", 812.5, "分"),
    ("在全省排名上升12位。", 12, "位"),
    ("全区法治项目荣获三大奖项。", 3, "项"),
])
def test_runs_and_kinds_are_counted(sentence, value, unit):
    o = only(sentence)
    assert (o.value, o.unit) == (value, unit)


def test_a_run_of_years_before_a_figure_qualifies_it():
    o = only("全县行政机关负责人出庭应诉率连续五年保持100%。")
    assert (o.indicator, o.value, o.unit) == ("行政机关负责人出庭应诉率", 100, "%")


@pytest.mark.parametrize("sentence, indicator, direction", [
    ("县级取消证明事项21项。", "取消证明事项", "decrease"),    # a count of what was cancelled
    ("全县证明事项压减35%。", "证明事项", "decrease"),          # the size of a cut: the verb is the direction
    ("全市刑事发案率降至2%以下。", "刑事发案率", "level"),      # a bound reached (issue 12)
    ("群众办事时间压缩到3天。", "群众办事时间", "decrease"),    # the size it was cut to
    ("组织中心组理论学习扩大会议8次。", "中心组理论学习扩大会议", "level"),   # 扩大 names the meeting
])
def test_direction_from_words_before_the_figure(sentence, indicator, direction):
    o = only(sentence)
    assert (o.indicator, o.direction) == (indicator, direction)


@pytest.mark.parametrize("sentence, indicator", [
    ("全面整改巡查发现的58个问题。", "巡查发现的问题"),
    ("将全县19个部门单位的256项行政许可事项划转。", "部门单位"),
])
def test_indicator_names_the_measure(sentence, indicator):
    assert outcomes(sentence)[0].indicator == indicator


@pytest.mark.parametrize("text, linked", [
    ("按照“全域通办”工作部署，组织全区12个部门开展自查。", None),                # a framing opening phrase
    ("推行“全域通办”改革，全年办件量增长12%。", "全域通办"),                     # an adopting one
    ("在深化“全域通办”改革的同时，全区完成立法项目4件。", None),                  # 在…的同时: something else
])
def test_a_framing_opening_phrase_is_not_what_later_figures_measure(text, linked):
    assert only(text, programs=[programme(text, "全域通办")]).program == linked


# --- links by clause (issue 15): which clause's programme a figure is about -----------------------

def _linked(text, names):
    found = outcomes(text, programs=[programme(text, n) for n in names])
    return [(o.value, o.program) for o in found]


@pytest.mark.parametrize("text, names, want", [
    # named after the figure, in its own clause
    ("全年38个事项纳入“容缺办理”。", ["容缺办理"], [(38, "容缺办理")]),
    # the sentence's topic clause reaches a later result clause, and a later clause of its own action
    ("推行“首违不罚”制度，全年涉企行政处罚案件同比下降21%。", ["首违不罚"], [(21, "首违不罚")]),
    ("推行“首违不罚”制度，组织执法人员培训6场。", ["首违不罚"], [(6, "首违不罚")]),
    # programmes named together share out the figures listed after 分别, in order (in an earlier
    # clause or in the figures' own); when the counts differ, no pairing
    ("推行“首违不罚”和“轻微免罚”清单，分别适用案件30件、45件。", ["首违不罚", "轻微免罚"],
     [(30, "首违不罚"), (45, "轻微免罚")]),
    ("推行“首违不罚”“轻微免罚”清单分别适用案件30件、45件。", ["首违不罚", "轻微免罚"],
     [(30, "首违不罚"), (45, "轻微免罚")]),
    ("推行“首违不罚”和“轻微免罚”清单，分别适用案件30件、45件、12件。", ["首违不罚", "轻微免罚"],
     [(30, "轻微免罚"), (45, "轻微免罚"), (12, "轻微免罚")]),
    # of programmes listed in one clause, each after a qualifier of its own, the one whose own
    # qualifier word the figure's clause writes again; the nearest when none or both are written
    ("实施进口货物“船边直提”和出口货物“抵港直装”，进口提箱用时压缩至15分钟，出口装船用时压缩至2小时。",
     ["船边直提", "抵港直装"], [(15, "船边直提"), (2, "抵港直装")]),
    ("实施进口货物“船边直提”和出口货物“抵港直装”，通关用时压缩至2小时。", ["船边直提", "抵港直装"],
     [(2, "抵港直装")]),
    ("实施进口货物“船边直提”和出口货物“抵港直装”，进口和出口货物通关用时压缩至2小时。", ["船边直提", "抵港直装"],
     [(2, "抵港直装")]),
    # …or, with no qualifiers of their own, the one whose name's words the figure's clause writes again
    ("建设“人大代表联络站”、“基层立法联系点”、“民生议事堂”等载体，收集立法意见50条。",
     ["人大代表联络站", "基层立法联系点", "民生议事堂"], [(50, "基层立法联系点")]),
    ("建设“人大代表联络站”、“基层立法联系点”、“民生议事堂”等载体，收集群众意见50条。",
     ["人大代表联络站", "基层立法联系点", "民生议事堂"], [(50, "民生议事堂")]),
    # a clause that names its own subject starts a new topic (also after time words)
    ("推行“阳光执法”改革，县委主要领导专题调研15次。", ["阳光执法"], [(15, None)]),
    ("落实“月调度”机制，今年以来全县人民调解组织调处纠纷90件。", ["月调度"], [(90, None)]),
    # …unless the programme's own clause already names that subject: the same topic goes on
    ("开展站所负责人“年度述职”，各站所负责人共42人完成述职。", ["年度述职"], [(42, "年度述职")]),
    # …but a subject head inside a longer word (政府 of 政府部门) names no subject
    ("推行“容缺受理”，政府部门办理时限压缩60%。", ["容缺受理"], [(60, "容缺受理")]),
    # …nor one inside a phrase naming no actor: a programme's participants, a government as a goal,
    # a government's meeting
    ("举办“法治大讲堂”，全区领导干部累计参训3000人次。", ["法治大讲堂"], [(3000, "法治大讲堂")]),
    ("开展“示范创建”活动，命名市级法治政府建设示范单位12个。", ["示范创建"], [(12, "示范创建")]),
    ("推行常务会“会前学法”机制，县政府常务会累计学法20次。", ["会前学法"], [(20, "会前学法")]),
    # a programme counted by its own clause's figure is no topic for the next clause
    ("建成省级“法治示范村”3个，培育调解员40名。", ["法治示范村"], [(3, "法治示范村"), (40, None)]),
    ("落地“一窗通办”等创新举措5项，办理事项200件。", ["一窗通办"], [(5, "一窗通办"), (200, None)]),
    # …but a programme that is only part of the examples counted (the qualifier of a body or a
    # document before 等, one of several items listed) is not what the figure counts
    ("建成“智慧调解”工作站等创新载体6个。", ["智慧调解"], [(6, None)]),
    ("出台“包容审慎”监管办法等配套文件9件。", ["包容审慎"], [(9, None)]),
    ("出台“包容审慎”、容缺受理等配套措施9项。", ["包容审慎"], [(9, None)]),
    ("出台工作要点、“包容审慎”等配套措施9项。", ["包容审慎"], [(9, None)]),
    # …also one measured from a baseline in its own clause (X由A压减到B)…
    ("深化“放管服”改革，“权力清单”由3200项压减到900项，取消审批事项120项。", ["放管服", "权力清单"],
     [(900, "权力清单"), (120, "放管服")]),
    # …also a body or place counted after its figure, past a short qualifier (乡镇, 街道(社区))…
    ("建成8个街道“法律服务站”，提供法律咨询300人次。", ["法律服务站"], [(8, "法律服务站"), (300, None)]),
    ("建成8个街道(社区)“法律服务站”，提供法律咨询300人次。", ["法律服务站"],
     [(8, "法律服务站"), (300, None)]),
    # …but not past a verb (the figure counts the streets), nor a programme that is no body or place
    ("为全市8个街道建设“法律服务站”，提供法律咨询300人次。", ["法律服务站"],
     [(8, "法律服务站"), (300, "法律服务站")]),
    ("对全县9个乡镇“履职清单”开展梳理，共厘清3200项。", ["履职清单"], [(9, "履职清单"), (3200, "履职清单")]),
    # a clause opening its own action after a programme that is not the sentence's topic
    ("召开推进会议2次，举办“法治讲堂”，组织80名干部参加考试。", ["法治讲堂"], [(2, None), (80, None)]),
    # a figure of the first clause, the programme in the next clause that adds what was done
    ("命名首批12个示范单位，积极参与“法治创建”活动。", ["法治创建"], [(12, "法治创建")]),
    # …also after an opening clause that only says since or until when
    ("截至2023年底，全市将18个事项纳入清单，实现“跨省通办”。", ["跨省通办"], [(18, "跨省通办")]),
    ("近年来，全市命名12个示范单位，积极参与“法治创建”活动。", ["法治创建"], [(12, "法治创建")]),
    ("我县从2019年起，将18个事项纳入清单，实现“跨省通办”。", ["跨省通办"], [(18, "跨省通办")]),
    # …but not when that clause adopts a programme of its own
    ("将120项审批事项改为备案，全面实施“多证合一”。", ["多证合一"], [(120, None)]),
    # figures listed with 、 before what was done with all of them share its programme, but not one
    # written before the last figure (that one qualifies its own item)
    ("组织12个部门、8个乡镇开展“示范创建”活动。", ["示范创建"], [(12, "示范创建"), (8, "示范创建")]),
    ("办结审批事项53件、“一网通办”事项22件。", ["一网通办"], [(53, None), (22, "一网通办")]),
    # a programme the figure's clause reaches (实现“X”) is the state the topic clause's programme
    # brought about: the figure is the topic's; with no programme in the topic clause, it is X's
    ("深化“全链赋权”改革，52项下放事项实现“园区事园区办”。", ["全链赋权", "园区事园区办"],
     [(52, "全链赋权")]),
    ("全面推行“一窗通办”，实现98%事项“一网通办”。", ["一窗通办", "一网通办"], [(98, "一窗通办")]),
    ("全区改革有序推进，52项下放事项实现“园区事园区办”。", ["园区事园区办"], [(52, "园区事园区办")]),
    # a duty of office (…第一责任人职责) takes no figure, in its sentence or under its heading: the
    # meetings its holders chaired are no results of it
    ("县政府主要负责同志认真履行推进法治建设第一责任人职责，主持召开常务会议12次。",
     ["推进法治建设第一责任人职责"], [(12, None)]),
    ("（一）履行法治建设第一责任人职责。全年召开专题会议6次。", ["法治建设第一责任人职责"], [(6, None)]),
    ("（一）落实“首违不罚”制度。全年召开专题会议6次。", ["首违不罚"], [(6, "首违不罚")]),
    # a sentence that restates every word of the previous sentence's programme goes on with it
    ("试行“重大项目并联审批”。重大项目由串联审批改为并联审批，审批用时缩短至60天。",
     ["重大项目并联审批"], [(60, "重大项目并联审批")]),
    # …but sharing one of its words is no restatement (the programme's sentence not opening the paragraph)
    ("全市优化审批流程。试行“重大项目并联审批”。全市审批用时缩短至60天。", ["重大项目并联审批"], [(60, None)]),
    # the paragraph's opening sentence is the topic of the next one when that one writes a word of its name…
    ("试行“重大项目并联审批”。全市审批用时缩短至60天。", ["重大项目并联审批"], [(60, "重大项目并联审批")]),
    ("\n我市推行“权力清单”工作于去年完成。全市42个部门梳理权力事项3200项。", ["权力清单"],
     [(42, "权力清单"), (3200, "权力清单")]),
    # …but not of one that writes none of them, nor of the sentence after that, nor past a subject of its own
    ("试行“重大项目并联审批”。全年受理信访案件300件。", ["重大项目并联审批"], [(300, None)]),
    ("试行“重大项目并联审批”。全市精简审批环节。全市审批用时缩短至60天。", ["重大项目并联审批"], [(60, None)]),
    ("试行“重大项目并联审批”。县委主要领导调研审批工作5次。", ["重大项目并联审批"], [(5, None)]),
    # a numbered paragraph heading is the topic of later sentences that name no programme
    ("3.深化“证照分离”改革。全区保留审批事项120项。", ["证照分离"], [(120, "证照分离")]),
    ("（二）深化“证照分离”改革。全区保留审批事项120项。", ["证照分离"], [(120, "证照分离")]),
    # …but not across a line break, and an unnumbered opening sentence is no heading
    ("3.深化“证照分离”改革。\n全区保留审批事项120项。", ["证照分离"], [(120, None)]),
    ("深化“证照分离”改革。全区保留审批事项120项。", ["证照分离"], [(120, None)]),
    # …and not past a sentence of the paragraph that takes up another programme (a new topic)…
    ("（三）深化“证照分离”改革。推行“容缺受理”，全区兑现奖补资金2亿元。", ["证照分离", "容缺受理"],
     [(2, "容缺受理")]),
    ("（三）深化“证照分离”改革。推行“容缺受理”。全区兑现奖补资金2亿元。", ["证照分离", "容缺受理"],
     [(2, None)]),
    # …though a programme taken up in an earlier sentence, with one naming none in between, is over
    ("（三）深化“证照分离”改革。落实“容缺受理”，简化流程。全区推进审批提速。全区保留审批事项120项。",
     ["证照分离", "容缺受理"], [(120, "证照分离")]),
    # a heading line right above the paragraph (no sentence stop) is its topic too, when the
    # paragraph's own numbered heading names no programme; a full sentence above is no heading
    ("深化“证照分离”改革\n一是精简审批。全区保留审批事项120项。", ["证照分离"], [(120, "证照分离")]),
    ("深化“证照分离”改革\n\n全区保留审批事项120项。", ["证照分离"], [(120, "证照分离")]),
    ("深化“证照分离”改革。\n全区保留审批事项120项。", ["证照分离"], [(120, None)]),
    ("深化“证照分离”改革\n一是推行“容缺受理”。全区保留审批事项120项。", ["证照分离", "容缺受理"], [(120, "容缺受理")]),
    ("深化“证照分离”改革\n推行“容缺受理”。全区保留审批事项120项。", ["证照分离", "容缺受理"], [(120, None)]),
    # a sentence with no programme near it that writes every word (3 or more) of a programme named
    # elsewhere in the text is about that programme; two of them are not enough
    ("开展“重大项目并联审批”试点。\n全市审批用时缩短至60天。\n对重大项目实行并联审批后，审批用时缩短至30天。",
     ["重大项目并联审批"], [(60, None), (30, "重大项目并联审批")]),
    ("开展“重大项目并联审批”试点。\n对重大项目实行集中审批后，审批用时缩短至30天。",
     ["重大项目并联审批"], [(30, None)]),
    # words every report writes (法治, 政府, 建设) restate no programme: a sentence needs one of the others
    ("建立“法治政府建设联席会议”制度。\n全区法治政府建设考评连续3年位居前列。", ["法治政府建设联席会议"],
     [(3, None)]),
    ("推进“法治东城建设”。全区各部门专题研究法治建设工作12次。", ["法治东城建设"], [(12, None)]),
    ("推进“法治东城建设”。东城区各部门专题研究法治建设工作12次。", ["法治东城建设"], [(12, "法治东城建设")]),
    # …though one that names the heading's own programme again keeps it
    ("（三）深化“证照分离”改革。落实“证照分离”清单。全区保留审批事项120项。", ["证照分离"],
     [(120, "证照分离")]),
])
def test_links_by_clause(text, names, want):
    assert _linked(text, names) == want


@pytest.mark.parametrize("sentence, indicator, value, unit", [
    ("连续14年在全市依法行政考核中获评优秀等次。", "全市依法行政考核获评优秀等次", 14, "年"),
    ("该区连续3年获评平安建设先进区。", "获评平安建设先进区", 3, "年"),
    ("全县调解案例荣获三大奖项。", "奖项", 3, "项"),
])
def test_runs_and_kinds_name_what_they_count(sentence, indicator, value, unit):
    o = only(sentence)
    assert (o.indicator, o.value, o.unit) == (indicator, value, unit)


@pytest.mark.parametrize("sentence, direction", [
    ("企业开办申请材料精简幅度达65%。", "decrease"),
    ("审批时限压缩率达到80%。", "decrease"),
    ("群众满意率达到98%。", "level"),
])
def test_a_reduction_named_in_the_indicator_is_a_decrease(sentence, direction):
    assert only(sentence).direction == direction


def test_link_to_a_programme_written_without_its_ending():
    text = "推行“证明事项告知承诺制”。全年通过告知承诺方式办理事项320件。"
    p = Programme("证明事项告知承诺制", "institution", aliases=("告知承诺制",),
                  mentions=(Mention(3, 12, "证明事项告知承诺制"),))
    assert only(text, programs=[p]).program == "证明事项告知承诺制"


@pytest.mark.parametrize("sentence, indicator", [
    ("择优推荐8家单位参评省级依法行政达标单位。", "单位参评省级依法行政达标单位"),   # 达 inside 达标 is no stop
    ("全县整改督察反馈的9个共性问题和其他问题。", "共性问题"),                     # 共 inside 共性 is no stop
    ("在全省12个城市排名第3位。", "城市排名"),                                   # 第 before a number still stops
])
def test_a_counted_noun_ends_at_a_whole_stop_word(sentence, indicator):
    assert outcomes(sentence)[0].indicator == indicator


@pytest.mark.parametrize("sentence, indicator", [
    ("市县两级96%以上事项实现掌上办理。", "事项实现掌上办理"),     # tiers of government are a scope
    ("88%以上事项实行“一窗受理”。", "事项实行一窗受理"),           # a share names its whole predicate
])
def test_a_share_written_before_its_measure(sentence, indicator):
    assert only(sentence).indicator == indicator


@pytest.mark.parametrize("sentence, indicator", [
    ("其余15项已全部办结。", "已全部办结"),                 # 其余, 已有, 共有 name nothing counted…
    ("已有9项实现告知承诺。", "实现告知承诺"),
    ("共有8个部门完成整改。", "部门"),                    # …a noun after the figure still does
])
def test_a_count_before_what_was_done_with_it(sentence, indicator):
    assert only(sentence).indicator == indicator


@pytest.mark.parametrize("sentence, value, indicator", [
    ("今年第二批精简审批事项12项，承接4项。", 12, "精简审批事项"),   # the verb stays with its noun
    ("第二批精简12项，承接4项。", 12, "精简"),                   # an ordinal batch and the verb alone
    ("出台规章2件，修改3件，废止5件。", 5, "废止"),               # not the sibling action before it
])
def test_a_count_named_only_by_its_cutting_verb(sentence, value, indicator):
    o = valued(sentence, value)
    assert (o.indicator, o.direction) == (indicator, "decrease")


@pytest.mark.parametrize("sentence, value, indicator", [
    ("全年开展2次执法案卷、复议案卷集中评查。", 2, "执法案卷、复议案卷集中评查"),  # the head both share
    ("培训12名调解员、8名网格员。", 12, "调解员"),                               # a name with its own figure
])
def test_a_counted_noun_coordinated_after_the_figure(sentence, value, indicator):
    o = valued(sentence, value)
    assert o.indicator == indicator


@pytest.mark.parametrize("sentence, indicator", [
    ("全市共有6家单位被评为法治宣传教育先进单位。", "法治宣传教育先进单位"),
    ("湖口县等4个县被命名为省级法治示范县。", "省级法治示范县"),
])
def test_a_count_of_places_given_a_title_is_measured_by_the_title(sentence, indicator):
    assert only(sentence).indicator == indicator


@pytest.mark.parametrize("sentence", ["上半年办结信访事项40件。", "第三季度办结信访事项40件。", "1-9月办结信访事项40件。"])
def test_a_period_of_the_year_is_no_part_of_the_indicator(sentence):
    assert only(sentence).indicator == "办结信访事项"


def test_an_indicator_does_not_end_with_the_particle_before_its_figure():
    found = outcomes("开展联合抽查任务230项，占计划任务总数的64%。")
    assert [o.indicator for o in found] == ["联合抽查任务", "占计划任务总数"]


def test_a_benchmark_beaten_is_no_outcome():
    found = outcomes("群众评议满意率96.2%，高于省里要求的90%。")
    assert [(o.indicator, o.value) for o in found] == [("群众评议满意率", 96.2)]


@pytest.mark.parametrize("sentence, value, direction", [
    ("全县共精简、下放许可事项56项。", 56, "decrease"),                  # the verb the listed names share
    ("首批精简3项，次批修改依据、时限27项。", 27, "level"),              # not the direction of the clause before
    ("压减申请材料40项、承诺时限6天。", 6, "decrease"),                 # a figure listed after a figure
])
def test_the_direction_of_a_figure_listed_after_a_comma_of_enumeration(sentence, value, direction):
    o = valued(sentence, value)
    assert o.direction == direction


@pytest.mark.parametrize("sentence, indicator", [
    ("不动产登记时间压缩至3个工作日以内。", "不动产登记时间"),   # 以内 is a bound, not what is measured
    ("信访办结时限控制在10天以内。", "信访办结时限"),           # 控制在 is a verb of the level kept
])
def test_a_bound_within_is_a_qualifier(sentence, indicator):
    o = only(sentence)
    assert (o.indicator, o.qualifier, o.direction) == (indicator, "以内", "level")


def test_a_list_inside_a_short_bracket_does_not_split_the_clause():
    o = only("全区建成调解工作室(站、点)86个。")
    assert (o.indicator, o.value) == ("调解工作室(站、点)", 86)


@pytest.mark.parametrize("sentence, want", [
    ("调处率和化解率分别达到97%和93%。", [("调处率", 97), ("化解率", 93)]),     # 分别: one name each, in order
    ("知晓率和满意率均达90%。", [("知晓率", 90), ("满意率", 90)]),               # 均: one figure for both
    ("平均办理时长缩短6天。", [("平均办理时长", 6)]),                            # 平均 is no 均 of a list
])
def test_names_joined_by_he_share_out_the_figures(sentence, want):
    assert [(o.indicator, o.value) for o in outcomes(sentence)] == want


@pytest.mark.parametrize("sentence, want", [
    ("县政府常务会议三次研究了行政执法工作。", [("县政府常务会议研究行政执法工作", 3, "次")]),   # how often, before the verb
    ("推动三次产业融合发展。", []),                                                 # 三次产业 counts nothing
    ("推行一次性告知制度。", []),
])
def test_a_chinese_numeral_and_ci_before_a_verb_count_how_often(sentence, want):
    assert [(o.indicator, o.value, o.unit) for o in outcomes(sentence)] == want


@pytest.mark.parametrize("sentence, want", [
    ("全年审议规范性文件草案七件。", [("审议规范性文件草案", 7, "件")]),   # a Chinese numeral closing the clause
    ("切实做到两个确保。", []),                                           # a formula before its noun
    ("全年接听群众来电8.6万通。", [("接听群众来电", 86000, "通")]),       # calls are counted in 通
    ("通过3个窗口受理。", [("窗口受理", 3, "个")]),                       # 通 of 通过 is no unit
])
def test_chinese_numerals_closing_a_clause_and_calls(sentence, want):
    assert [(o.indicator, o.value, o.unit) for o in outcomes(sentence)] == want


@pytest.mark.parametrize("sentence, value, unit, direction", [
    ("企业开办材料精简了一半。", 50, "%", "decrease"),   # half, after a change verb
    ("调解案件数增加一倍。", 1, "倍", "increase"),
])
def test_half_and_double_after_a_change_verb(sentence, value, unit, direction):
    o = only(sentence)
    assert (o.value, o.unit, o.direction) == (value, unit, direction)


@pytest.mark.parametrize("sentence, indicator, value", [
    ("县本级许可事项从法定办理时限15天压缩至4天。", "许可事项", 4),       # a baseline named after 从
    ("从法定时限30个工作日压缩到9个工作日。", "法定时限", 9),             # …its noun names the after-value
    ("项目审批由串联审批80天缩短到并联审批时间35天。", "并联审批时间", 35),  # 到 after the change verb goes too
])
def test_a_baseline_named_after_cong_and_the_value_it_changed_to(sentence, indicator, value):
    assert [(o.indicator, o.value) for o in outcomes(sentence)] == [(indicator, value)]


def test_speeding_up_to_a_length_of_time_is_a_decrease():
    assert only("企业开办全流程提速至2天。").direction == "decrease"


def test_a_short_bracket_with_figures_still_splits_at_its_comma():
    found = outcomes("受理投诉40件(线上25件、线下15件)。")
    assert [(o.indicator, o.value) for o in found][-1] == ("线下", 15)


# --- targets and a plan's contents (issue 15): no claimed result, no outcome ----------------------

def values(sentence, year=None):
    return [o.value for o in extract(Text.make("t.txt", sentence), [], None, year)]


@pytest.mark.parametrize("sentence, year", [
    ("力争全县证明事项减少20%左右。", None),                       # 力争
    ("预计全年网上办件量达8万件。", None),                           # 预计
    ("确保行政机关负责人出庭应诉率达到100%。", None),                 # 确保 … 达到
    ("明年将培育法治示范社区30个左右。", None),                       # 将 + verb
    ("拟出台地方性法规2件。", None),                                 # 拟 + verb
    ("今年计划培训执法人员400人次。", None),                          # 计划 + verb
    ("争取实现行政复议纠错率下降3个百分点。", None),                   # 争取 + verb
    ("工作目标是群众满意度不低于95%。", None),                        # 目标是
    ("各乡镇要建成调解室12个。", None),                              # 要 + verb
    ("到2027年，全区行政执法案卷优秀率达到90%。", 2024),              # a deadline after the report's year
    ("2026年底前清理规范性文件60件。", 2025),                         # …年底前, after the report's year
    ("力争群众满意度提高5个百分点，新建示范点8个。", None),            # an aim clause reaches the next
    ("到2030年，新建公共法律服务站15个。", 2025),                     # a deadline clause alone, too
    ("全区将于2026年底前建成矛盾调解中心9个。", None),                 # 将 + a date + verb
    ("明年全区培训执法人员600人次。", None),                          # 明年
    ("下一步，全县新建公共法律服务点14个。", None),                     # 下一步
])
def test_a_figure_governed_by_a_target_frame_is_no_outcome(sentence, year):
    assert values(sentence, year) == []


@pytest.mark.parametrize("sentence, year, value", [
    ("全年计划开展培训6次，实际开展9次。", None, 9),                  # 实际: the result after the plan
    ("原计划建成调解室4个，现已建成7个。", None, 7),                   # 现已
    ("到2024年底，全区建成示范点11个。", 2024, 11),                   # a deadline of the report's own year
    ("到2026年，全区建成示范点11个。", None, 11),                     # no report year: no deadline
    ("到2025年2月，全县共办结复议案件37件。", 2024, 37),               # a day of the next year, not a deadline
    ("2021年至2025年，累计培训执法人员3600人次。", 2023, 3600),         # a period, not a deadline
    ("为确保整改到位，全市共开展督查15次。", None, 15),                # 为确保: a purpose
    ("确保改革于法有据，共修订规章41件。", None, 41),                  # a frame in a clause of its own
    ("开展培训7次，确保全员参训，参训人数达320人。", None, 320),        # a frame after the first figure
    ("争取上级补助资金2600万元。", None, 2600),                       # 争取 + a noun: funds obtained
    ("将146项审批事项调整为备案。", None, 146),                        # 将 + a figure: its object
    ("将审批时限压缩至4个工作日。", None, 4),                          # 将 + a noun moved by a verb
    ("将推进依法行政纳入考核，考核覆盖单位52个。", None, 52),           # 将 + 纳入: its object
    ("按照年度计划开展执法检查18次。", None, 18),                      # 按照…计划: a standard
    ("较计划提前2个月完成清理工作。", None, 2),                        # 较计划: a comparison
    ("全县将近600人参加旁听。", None, 600),                           # 将近 is no 将
    ("全面完成年度目标任务，完成率达100%。", None, 100),               # 目标 as an object achieved
    ("提前完成精简1/3的目标，共取消审批事项95项。", None, 95),          # the same, before a result
    ("今年召开党委会4次研究法治工作。", None, 4),                      # a real count
    ("为今后工作打牢基础，全年办结行政复议案件210件。", None, 210),      # 为今后: a purpose
    ("对计划出台的12件规范性文件开展合法性审查。", None, 12),           # 计划 + verb + 的: a noun named
])
def test_a_claimed_result_beside_a_target_word_stays(sentence, year, value):
    assert value in values(sentence, year)


@pytest.mark.parametrize("sentence", [
    "印发年度工作要点，明确六方面24个要点。",          # 明确 … 要点
    "召开常务会议，部署38项重点工作任务。",            # 部署 … 任务
    "出台实施方案，提出25条具体措施。",                # 提出 … 措施
    "印发方案，明确了40项工作任务、150条具体措施。",    # a list after the first count
    "制定工作方案，明确重点任务30项。",                # the items named before their count
])
def test_a_count_of_a_plans_contents_is_no_outcome(sentence):
    assert values(sentence) == []


@pytest.mark.parametrize("sentence, value", [
    ("方案明确的96项任务全部完成。", 96),              # the items carried out
    ("明确了33项整改措施，已全部落实。", 33),           # carried out, in a later clause
    ("明确责任单位28个。", 28),                        # no item of a plan
    ("部署开展专项行动，查处案件130件。", 130),         # what the campaign did
    ("向被检查单位提出意见建议56条。", 56),             # advice given, no item of a plan
])
def test_a_plans_contents_carried_out_or_counted_otherwise_stay(sentence, value):
    assert value in values(sentence)


@pytest.mark.parametrize("sentence", [
    "转发《通知》（某政发〔2022〕88号）。",
    "印发《办法》（某办发〔2023〕 17 号）。",            # a web page's spaces
    "执行某府规[2021]100号文件。",                      # square brackets
])
def test_a_document_number_gives_no_value(sentence):
    assert values(sentence, 2022) == []


@pytest.mark.parametrize("title, kept", [
    ("某县2023年法治政府建设情况报告", False),          # 2025 is after the report's year
    ("某县2025年法治政府建设情况报告", True),           # the report's own year
])
def test_the_report_year_decides_a_deadline(title, kept):
    from loaders.pipeline import extract_text
    x = extract_text("t.txt", title + "\n到2025年，全县建成示范点12个。")
    assert (12 in [o.value for o in x.outcomes]) == kept


@pytest.mark.parametrize("sentence, kept", [
    ("我市在120个参评城市中位居第五名。", []),
    ("在4个街道中开展试点，受理案件60件。", [4, 60]),
])
def test_the_field_of_a_ranking_is_no_outcome(sentence, kept):
    """在N个…中位居第M: N counts the field ranked; a 在…中 without a rank stays a count."""
    assert [o.value for o in outcomes(sentence)] == kept


@pytest.mark.parametrize("sentence, indicators", [
    ("全年取消证明事项12项、保留30项、调整8项。", ["取消证明事项", "保留证明事项", "调整证明事项"]),
    ("受理120件、办结118件。", ["受理", "办结"]),
])
def test_a_listed_figure_named_by_its_verb_takes_the_shared_noun(sentence, indicators):
    """取消X 12项、保留30项: the list shares X; a list of verbs alone shares nothing."""
    assert [o.indicator for o in outcomes(sentence)] == indicators


def test_a_count_of_bodies_given_tasks_is_no_plan_content():
    """明确62家单位年度普法任务 counts the units given tasks (an outcome), not the plan's items."""
    assert [(o.value, o.unit) for o in outcomes("印发普法责任清单，明确62家单位年度普法任务。")] == [(62, "家")]
