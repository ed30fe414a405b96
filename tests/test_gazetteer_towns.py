"""Towns named without their county: placed under the county whose town of that name fits the text."""
import pytest

from loaders.gazetteer import Gazetteer, towns


def _place(code):
    return Gazetteer.default().by_code(code)


def test_a_town_only_one_county_has_is_placed_there():
    assert towns.county_for("留下街道", "留下街道推进依法行政。", set(), _place) == "330106"


def test_an_unknown_town_has_no_county():
    assert towns.county_for("某某镇", "某某镇推进依法行政。", set(), _place) is None


def test_the_city_named_picks_among_same_named_towns():
    # 高都镇 is a town of 泽州县 (晋城市, Shanxi) and of 蒙阴县 (临沂市, Shandong)
    assert set(towns.counties_of("高都镇")) >= {"140525", "371328"}
    assert towns.county_for("高都镇", "晋城市高都镇推进依法行政。", {"140500"}, _place) == "140525"
    assert towns.county_for("高都镇", "临沂市高都镇推进依法行政。", {"370000", "371300"}, _place) == "371328"


def test_the_villages_named_pick_among_same_named_towns():
    text = "高都镇推进依法行政，东元庆村、上元庆村建成法治示范村。"
    assert towns.county_for("高都镇", text, set(), _place) == "140525"


def test_a_district_superior_picks_the_town_of_a_district():
    # 下洋镇: two towns under counties (徐闻县, 永春县), one under a district (永定区)
    assert towns.county_for("下洋镇", "下洋镇在区委、区政府的领导下依法行政。", set(), _place) == "350803"


def test_a_tie_stays_unresolved():
    assert towns.county_for("下洋镇", "下洋镇在县委、县政府的领导下依法行政。", set(), _place) is None
    assert towns.county_for("高都镇", "高都镇推进依法行政。", set(), _place) is None


def test_a_village_name_inside_a_longer_word_is_no_evidence():
    # 黄泥沟村 is a village of 蒙阴县's 高都镇; 大黄泥沟村 is another name, so the tie stands
    assert towns.county_for("高都镇", "高都镇推进依法行政，大黄泥沟村建成示范点。", set(), _place) is None
    assert towns.county_for("高都镇", "高都镇推进依法行政，黄泥沟村建成示范点。", set(), _place) == "371328"


def test_the_kind_of_province_above_picks_among_same_named_towns():
    # 友谊路街道: streets of 宝山区 (Shanghai), 河西区 (Tianjin), 新市区 (Xinjiang) and a town of 滦南县 (Hebei)
    text = "友谊路街道在自治区党委和区委的领导下依法行政。"
    assert towns.county_for("友谊路街道", text, set(), _place) == "650104"
    assert towns.county_for("友谊路街道", "友谊路街道在区委的领导下依法行政。", set(), _place) is None


def test_town_that_names_only_city_organs_is_under_a_county_level_city():
    # 勐养镇 is a town of 景洪市 (a county-level city) and of 梁河县; the report names 市委、市政府 only
    from loaders.gazetteer import towns, Gazetteer
    text = "市委、市政府：\n2024年，勐养镇在市委、市政府的坚强领导下坚持依法行政，全镇法治建设取得成效。"
    assert towns.county_for("勐养镇", text, set(), Gazetteer.default().by_code) == "532801"


def test_city_organs_beside_county_organs_do_not_decide():
    from loaders.gazetteer import towns, Gazetteer
    text = "2024年，勐养镇在市委和县委、县政府的领导下坚持依法行政。"
    assert towns.county_for("勐养镇", text, set(), Gazetteer.default().by_code) == "533122"


def test_town_known_under_its_former_rank_is_placed():
    # the data lists 横沙乡 (崇明区); a report after its renaming writes 横沙镇
    from loaders.gazetteer import towns
    assert towns.counties_of("横沙镇") == ("310151",)
    assert towns.counties_of("横沙乡") == ("310151",)


def test_town_placed_by_the_neighbouring_towns_it_names():
    # three counties have a 下洋镇; the report names two other towns of one of them (made-up text)
    from loaders.gazetteer import towns, Gazetteer
    text = "2023年，下洋镇坚持依法行政，与龙塘镇、前山镇建立联调机制，全镇法治建设取得成效。"
    assert towns.county_for("下洋镇", text, set(), Gazetteer.default().by_code) == "440825"


@pytest.mark.parametrize("text, town", [
    ("2023年，然乌乡坚持依法行政，全乡法治建设取得成效。", "然乌乡"),          # its stem reads like sentence words
    ("2023年，曩宋阿昌族乡坚持依法行政，全乡法治建设取得成效。", "曩宋阿昌族乡"),   # an ethnic township
])
def test_town_the_data_lists_by_that_name_is_found(text, town):
    from loaders.gazetteer import zones
    assert town in [name for _, _, name in zones.townships(text)]


def test_sentence_words_before_a_town_word_stay_out():
    from loaders.gazetteer import zones
    assert zones.townships("现将我镇情况报告如下，全面推进依法治镇。") == []


@pytest.mark.parametrize("text, town", [
    ("2023年，满城镇坚持依法行政。", "满城镇"),        # 城镇 is a kind of town, but the data has 满城镇
    ("2023年，梅街镇坚持依法行政。", "梅街镇"),        # a stem ending in 街 before 镇
    ("2023年，下廿里铺镇坚持依法行政。", "下廿里铺镇"),  # a four-character stem
])
def test_town_words_and_long_stems_kept_when_the_data_has_the_town(text, town):
    from loaders.gazetteer import zones
    assert town in [name for _, _, name in zones.townships(text)]


def test_short_county_name_inside_a_street_name_is_the_street():
    # 白塔 (白塔区 said short) and 济源 (济源市) inside street names
    from loaders.gazetteer import Gazetteer
    for text, town in (("2023年，白塔岭街道坚持依法行政。", "白塔岭街道"), ("2023年，济源路街道坚持依法行政。", "济源路街道")):
        assert [p.name for _, _, p in Gazetteer.default().find_all(text)] == [town]


def test_town_of_a_zone_the_divisions_lack_is_put_under_its_city():
    # the township data files 金坝街道 under a zone's code, which GB/T 2260 does not list
    from loaders.extract import jurisdiction
    from loaders.text import Text
    place = jurisdiction.extract(Text.make("t.txt", "2023年，金坝街道坚持依法行政，全街道法治建设取得成效。"), None)
    assert (place.name, place.parents) == ("金坝街道", ("安徽省", "宣城市"))
