"""Attribution of a mention to a sub-unit of the reporting jurisdiction."""
import pytest

from loaders.extract.attribution import where
from loaders.gazetteer import Gazetteer
from loaders.text import Text


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def _where(body, needle, home):
    text = Text.make("t.txt", body)
    start = text.plain.index(needle)
    return where(text, start, start + len(needle), home)


@pytest.mark.parametrize("body, needle, home, label, parent", [
    ("矿区作为首批“一体建设”试点地区，创新机制。", "一体建设", "140300", "阳泉市矿区", "阳泉市"),
    ("全市推行改革。高新区率先推行“企业安静期”制度。", "企业安静期", "140300", "阳泉高新区", "阳泉市"),
    ("其中苏州工业园区推出“一网通办”专区。", "一网通办", "320500", "苏州工业园区", "苏州市"),
    ("昆山市率先试点“拿地即开工”改革。", "拿地即开工", "320500", "昆山市", "苏州市"),
    ("余杭区探索“数字法治”模式，全市推广。", "数字法治", "330100", "余杭区", "杭州市"),
    ("全县推进调解工作，新市镇打造“和美调解”品牌。", "和美调解", "330521", "新市镇", "德清县"),
    # a town whose stem is a county's short name elsewhere (Anhui: 大通镇 ≠ 淮南市大通区)
    ("全区推进依法治理。大通镇打造“渡口法治长廊”。", "渡口法治长廊", "340711", "大通镇", "郊区"),
    # a four-character transliterated town of Xinjiang
    ("全县加强法治。托克扎克镇探索“双语法律服务队”。", "双语法律服务队", "653121", "托克扎克镇", "疏附县"),
    # a county-level city's zone (Zhejiang)
    ("义乌经济技术开发区试点“首违不罚+信用修复”模式。", "首违不罚", "330782", "义乌经开区", "义乌市"),
])
def test_sub_unit_subject(gaz, body, needle, home, label, parent):
    place = _where(body, needle, gaz.by_code(home))
    assert (place.label, place.parents[-1]) == (label, parent)


@pytest.mark.parametrize("body, needle, home", [
    ("我市推行“企业安静期”制度，覆盖全市企业。", "企业安静期", "140300"),
    ("全市推广“码上办”，学习杭州市的经验。", "码上办", "330300"),        # another city is not a sub-unit
    ("全面推行“证照分离”改革，矿区随后跟进。", "证照分离", "140300"),      # sub-unit named after the mention
])
def test_home_otherwise(gaz, body, needle, home):
    assert _where(body, needle, gaz.by_code(home)) == gaz.by_code(home)


def test_no_home_gives_none():
    assert _where("矿区推行“一体建设”。", "一体建设", None) is None
