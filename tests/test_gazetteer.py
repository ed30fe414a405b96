"""The gazetteer: codes, levels, parents, short forms, ambiguity, zones, townships."""
import pytest

from loaders.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


@pytest.mark.parametrize("code, name, level, parent", [
    ("140525", "泽州县", "county", "晋城市"),
    ("320583", "昆山市", "county-city", "苏州市"),
    ("140302", "城区", "district", "阳泉市"),
    ("140502", "城区", "district", "晋城市"),
    ("330000", "浙江省", "province", None),
    ("440300", "深圳市", "prefecture", "广东省"),
    ("654000", "伊犁哈萨克自治州", "prefecture", "新疆维吾尔自治区"),
    ("152923", "额济纳旗", "county", "阿拉善盟"),
    ("510104", "锦江区", "district", "成都市"),
    ("429004", "仙桃市", "county-city", "湖北省"),
])
def test_codes_levels_parents(gaz, code, name, level, parent):
    place = gaz.by_code(code)
    assert (place.name, place.level) == (name, level)
    assert (place.parents[-1] if place.parents else None) == parent


def test_municipality_district_has_municipality_as_only_parent(gaz):
    assert gaz.lookup("海淀区").parents == ("北京市",)


@pytest.mark.parametrize("surface, code", [
    ("泽州", "140525"), ("朔州", "140600"), ("昆山", "320583"), ("伊犁", "654000"),
    ("内蒙古", "150000"), ("广西", "450000"), ("恩施", "422800"),
])
def test_short_forms(gaz, surface, code):
    assert gaz.lookup(surface).adcode == code


@pytest.mark.parametrize("text, within, code", [
    ("阳泉市城区", None, "140302"),
    ("晋城市城区", None, "140502"),
    ("城区", "140300", "140302"),
    ("城区", "140500", "140502"),
    ("矿区", "140300", "140303"),
    ("郊区", "340700", "340711"),
])
def test_ambiguous_names_resolved_by_parent(gaz, text, within, code):
    place = gaz.lookup(text, within=gaz.by_code(within) if within else None)
    assert place.adcode == code


def test_ambiguous_label_prefixes_parent_city(gaz):
    assert gaz.lookup("阳泉市城区").label == "阳泉市城区"
    assert gaz.lookup("城区", within=gaz.by_code("140500")).label == "晋城市城区"


@pytest.mark.parametrize("text, code", [
    ("白云区扎实推进法治广州建设，考评位居全市前列。", "440111"),
    ("白云区全力建设法治贵阳，群众满意度提升。", "520113"),
    ("白云区深化平安广州建设。", "440111"),
    ("白云区推进依法行政工作。", None),              # nothing tells the two 白云区 apart
])
def test_a_slogan_names_the_parent_of_a_same_named_place(gaz, text, code):
    """法治广州 is no mention of 广州市 of its own, but it tells which 白云区 the text means."""
    places = [p for _, _, p in gaz.find_all(text)]
    assert [p.adcode for p in places if p.name == "白云区"] == [code]
    assert all(p.name == "白云区" for p in places)


def test_bare_ambiguous_name_without_context_is_not_guessed(gaz):
    assert gaz.lookup("城区") is None or gaz.lookup("城区").adcode is None


@pytest.mark.parametrize("name, code, parent", [
    ("襄樊市", "420600", "湖北省"),
    ("长治县", "140421", "长治市"),
])
def test_historical_names(gaz, name, code, parent):
    place = gaz.lookup(name)
    assert place.historical and place.adcode == code and place.parents[-1] == parent


def test_historical_ambiguous_name_under_its_old_parent(gaz):
    place = gaz.lookup("长治市城区")
    assert place.adcode == "140402" and place.historical


def test_raw_text_matching_keeps_whole_names(gaz):
    labels = [p.label for _, _, p in gaz.find_all("杭州市下城区推进改革")]
    assert labels == ["杭州市", "下城区"]


def test_find_all_offsets_point_into_text(gaz):
    text = "近日，四川省成都市锦江区召开会议。"
    for start, end, place in gaz.find_all(text):
        assert text[start:end] in (place.name, place.name[:-1], place.name[:-3])


@pytest.mark.parametrize("text, name", [
    ("发布机构某某县人民政府，屏边县新华乡人民政府", "屏边苗族自治县"),   # an autonomous county with the plain level word
    ("黔西南州2023年法治政府建设情况", "黔西南布依族苗族自治州"),
    ("江华县水口镇", "江华瑶族自治县"),
])
def test_autonomous_divisions_written_with_the_plain_level_word(gaz, text, name):
    assert name in [p.name for _, _, p in gaz.find_all(text)]


@pytest.mark.parametrize("text", ["党委和政府", "示范县创建", "联合阳泉市银行", "东方红",
                                  "安全生产、古城更新等方面", "、新建公共法律服务站3个"])
def test_common_words_are_not_places(gaz, text):
    names = {p.name for _, _, p in gaz.find_all(text)}
    assert not names & {"和政县", "范县", "合阳县", "东方市", "古城区", "新建区"}


@pytest.mark.parametrize("text, name, parent", [
    ("阳泉高新区推行企业安静期", "阳泉高新区", "阳泉市"),
    ("苏州工业园区开展试点", "苏州工业园区", "苏州市"),
    ("广州市经济技术开发区", "广州经开区", "广州市"),
])
def test_development_zones(gaz, text, name, parent):
    place = gaz.find_all(text)[0][2]
    assert (place.name, place.level, place.parents[-1]) == (name, "development-zone", parent)


def test_pattern_zone_has_no_code(gaz):
    assert gaz.lookup("阳泉市高新区").adcode is None


def test_bare_zone_word_uses_within(gaz):
    spans = gaz.find_all("高新区率先推行", within=gaz.by_code("140300"))
    assert spans[0][2].name == "阳泉高新区"


def test_township_under_preceding_county(gaz):
    spans = gaz.find_all("浙江省德清县武康街道、新市镇开展试点")
    towns = [p for _, _, p in spans if p.level == "township"]
    assert [t.name for t in towns] == ["武康街道", "新市镇"]
    assert towns[0].parents[-1] == "德清县"


def test_generic_township_words_are_not_towns(gaz):
    assert not [p for _, _, p in gaz.find_all("全县各乡镇，明确乡镇职责，推进城乡融合") if p.level == "township"]


@pytest.mark.parametrize("text, home, town", [
    # a town sharing its stem with a county elsewhere (大通区 of 淮南) is a town (Anhui)
    ("。大通镇打造法治长廊", "340711", "大通镇"),
    # same with 铜山区 of 徐州
    ("，铜山镇推行培育计划", "340711", "铜山镇"),
    # four-character transliterated town names (Xinjiang)
    ("。托克扎克镇探索双语服务", "653121", "托克扎克镇"),
    ("；萨依巴格乡建立调处机制", "653121", "萨依巴格乡"),
])
def test_towns_named_like_counties_or_long(gaz, text, home, town):
    places = [p for _, _, p in gaz.find_all(text, within=gaz.by_code(home))]
    assert [(p.name, p.level) for p in places] == [(town, "township")]


@pytest.mark.parametrize("text", ["。推进特色小镇建设", "，全面推进乡镇改革", "。民主法治示范乡镇"])
def test_four_character_words_before_town_are_not_towns(gaz, text):
    assert not [p for _, _, p in gaz.find_all(text) if p.level == "township"]


def test_county_short_form_still_found_before_rural_words(gaz):
    assert [p.name for _, _, p in gaz.find_all("，泽州乡村振兴成效明显")] == ["泽州县"]


@pytest.mark.parametrize("text, absent", [
    ("举办科级以上党政干部培训班", "上党区"),          # 以上 / 党政: 上党 inside two words
    ("镇党政办、镇平安办协同推进", "镇平县"),          # 平安办: 镇平 inside a word
])
def test_short_names_inside_words_are_not_places(text, absent):
    from loaders.gazetteer import Gazetteer
    assert absent not in [p.label for _, _, p in Gazetteer.default().find_all(text)]


@pytest.mark.parametrize("text, town", [
    ("完善以街道党工委书记为组长的工作机制", "完善以街道"),     # 以: a function word, not a name
    ("现将我镇2021年工作情况报告如下", "现将我镇"),
    ("着力构建人民满意的法治街道", "法治街道"),               # a kind of street, listed in township_not.txt
])
def test_sentence_words_are_not_towns(text, town):
    from loaders.gazetteer import Gazetteer
    assert town not in [p.name for _, _, p in Gazetteer.default().find_all(text)]


def test_short_name_of_a_city_named_in_full_is_the_city():
    from loaders.gazetteer import Gazetteer
    spans = Gazetteer.default().find_all("“绍兴创新监管”获评案例，《绍兴市电梯安全管理规定》施行")
    assert [p.label for _, _, p in spans] == ["绍兴市", "绍兴市"]     # not 绍兴县 (now 柯桥区)


@pytest.mark.parametrize("text, town", [
    ("。新城铺镇率先推行坐班制", "新城铺镇"),      # 新城 + 铺: a place word before a verb character
    ("。沙圪堵镇推行法律顾问服务", "沙圪堵镇"),    # single characters, one of them a verb
    ("。坡子街街道推行网格化", "坡子街街道"),      # a street named 某街 + 街道
])
def test_town_names_that_look_like_words_stay_towns(text, town):
    from loaders.gazetteer import Gazetteer
    assert town in [p.name for _, _, p in Gazetteer.default().find_all(text)]


@pytest.mark.parametrize("text, name, parent", [
    ("2019年，西咸新区坚持依法行政，全区法治政府建设取得新成效。", "西咸新区", "陕西省"),   # no city's name in it
    ("南京江北新区推进综合执法改革", "江北新区", "南京市"),       # not a zone of Ningbo's 江北区
    ("广州南沙新区深化营商环境改革", "南沙新区", "广州市"),       # run by the city, not by 南沙区
])
def test_state_level_new_area_is_placed_under_the_division_running_it(text, name, parent):
    from loaders.gazetteer import Gazetteer
    place = Gazetteer.default().find_all(text)[-1][2]
    assert (place.label, place.level, place.parents[-1]) == (name, "development-zone", parent)


@pytest.mark.parametrize("text, code", [
    ("2019年，克州坚持依法行政，全州法治政府建设取得新成效。", "653000"),   # 克孜勒苏柯尔克孜自治州
    ("2019年，海南州坚持依法行政，全州法治政府建设取得新成效。", "632500"), # the Qinghai prefecture, not 海南省
    ("新疆维吾尔自治区巴州推进依法行政", "652800"),                         # 巴音郭楞, not 巴中's 巴州区
])
def test_abbreviated_autonomous_prefecture_is_found(text, code):
    from loaders.gazetteer import Gazetteer
    assert code in [p.adcode for _, _, p in Gazetteer.default().find_all(text)]


def test_whole_prefecture_is_not_the_county_quanzhou():
    # 全州 in a prefecture's report means the whole prefecture; 全州县 (Guangxi) is found by its full name
    from loaders.gazetteer import Gazetteer
    g = Gazetteer.default()
    assert "450324" not in [p.adcode for _, _, p in g.find_all("2019年，城关区坚持依法行政，全州法治政府建设取得新成效。")]
    assert "450324" in [p.adcode for _, _, p in g.find_all("桂林市全州县推进依法行政")]


@pytest.mark.parametrize("text, end", [
    ("金沙湾新区推进法治政府建设", 5),             # a zone of a name of its own
    ("云栖航空港经济区2023年度报告", 8),
    ("我县经济开发区坚持依法行政", None),          # a self-reference, then a zone word
    ("县委县政府开发区建设", None),                # organs, then a zone word
    ("经济技术开发区坚持依法行政", None),          # a bare zone word: its city's zone
    ("示范区创建工作", None),                      # a kind of zone
])
def test_zone_of_a_name_of_its_own(text, end):
    from loaders.gazetteer import zones
    assert zones.named_zone(text, 0) == end
