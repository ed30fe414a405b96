"""The reporting jurisdiction, from titles, portal names, issuers and self-references."""
import pytest

from loaders.extract import jurisdiction
from loaders.extract.page import addressee_line
from loaders.text import Text


def _run(body, title=None):
    return jurisdiction.extract(Text.make("t.txt", body), title)


@pytest.mark.parametrize("body, title, label, level, parent, code", [
    # title names the county (Zhejiang)
    ("德清县2023年法治政府建设情况报告\n2023年，全县深化改革。", "德清县2023年法治政府建设情况报告",
     "德清县", "county", "湖州市", "330521"),
    # a county-level city (Jiangsu)
    ("昆山市人民政府关于2022年度法治政府建设情况的报告\n我市持续优化营商环境。",
     "昆山市人民政府关于2022年度法治政府建设情况的报告", "昆山市", "county-city", "苏州市", "320583"),
    # a portal name on top, a bare ambiguous district name in the title
    ("晋城市城区人民政府\n首页\n城区2021年法治政府建设情况报告\n本区推进依法行政。",
     "城区2021年法治政府建设情况报告", "晋城市城区", "district", "晋城市", "140502"),
    # an issuer without its level word (市 dropped) in the opening sentence
    ("2023年，在省委的领导下，宜宾委、政府坚持依法行政，全市各项工作取得成效。", None,
     "宜宾市", "prefecture", "四川省", "511500"),
    # a banner (旗) of Inner Mongolia, named with 全旗 self-references
    ("2022年，鄂托克旗坚持依法行政，全旗法治建设迈上新台阶。全旗完成复议案件12件。", None,
     "鄂托克旗", "county", "鄂尔多斯市", "150624"),
    # an autonomous prefecture of Xinjiang in a news headline
    ("伊犁州深入推进法治政府建设\n本报讯 近年来，伊犁州坚持……", "伊犁州深入推进法治政府建设",
     "伊犁哈萨克自治州", "prefecture", "新疆维吾尔自治区", "654000"),
    # a district of Guangzhou with the city named just before it
    ("广州市天河区2021年法治政府建设年度报告\n全区推进改革。", "广州市天河区2021年法治政府建设年度报告",
     "天河区", "district", "广州市", "440106"),
    # a city paper naming only the city's sub-units and 我市 (Guangxi): their parent is the subject
    ("本报讯 去年以来，我市推进依法行政。青秀区率先推行“无证明城市”，兴宁区推行“证照联办”，"
     "南宁经开区试点“综合查一次”。全市复议纠错率下降。横州市推行“非现场执法”。", None,
     "南宁市", "prefecture", "广西壮族自治区", "450100"),
])
def test_reporting_jurisdiction(body, title, label, level, parent, code):
    place = _run(body, title)
    assert (place.label, place.level, place.parents[-1], place.adcode) == (label, level, parent, code)


def test_development_zone_report():
    place = _run("2024年，阳泉高新区管委会坚持依法行政，全区营商环境持续优化。")
    assert (place.label, place.level, place.parents) == ("阳泉高新区", "development-zone", ("山西省", "阳泉市"))


def test_development_zone_keeps_its_title_spelling():
    title = "大连经济技术开发区2022年法治政府建设情况报告"
    place = _run(title + "\n2022年，开发区管委会坚持依法行政，全区复议案件下降。", title)
    assert (place.label, place.level, place.parents[-1]) == ("大连经济技术开发区", "development-zone", "大连市")


def test_no_place_named_gives_none():
    assert _run("今年以来，各项工作有序推进，成效明显。") is None


def test_self_reference_picks_the_city_over_its_districts():
    body = "2023年，长沙市坚持依法行政。我市推进改革，岳麓区、天心区率先试点。全市复议案件下降。"
    assert _run(body).label == "长沙市"


@pytest.mark.parametrize("body, label, code, level", [
    ("北京市朝阳区2023年法治政府建设情况报告\n全区推进依法行政。", "朝阳区", "110105", "district"),
    ("重庆市城口县2022年法治政府建设情况报告\n全县推进依法行政。", "城口县", "500229", "county"),
    ("天津市滨海新区2022年法治政府建设情况报告\n全区推进依法行政。", "滨海新区", "120116", "district"),
    ("上海市浦东新区2023年法治政府建设情况报告\n全区推进依法行政。", "浦东新区", "310115", "district"),
])
def test_municipality_units_have_the_municipality_as_only_parent(body, label, code, level):
    place = _run(body, body.splitlines()[0])
    assert (place.label, place.adcode, place.level, place.parents) == (label, code, level, (body[:3],))


@pytest.mark.parametrize("code, label", [
    ("310115", "浦东新区"), ("120116", "滨海新区"),        # 新区 inside a real name: never prefixed again
    ("340711", "铜陵市郊区"), ("230811", "佳木斯市郊区"),  # generic names get their city
    ("140303", "阳泉市矿区"), ("140502", "晋城市城区"),
])
def test_labels_prefix_only_generic_names(code, label):
    from loaders.gazetteer import Gazetteer
    assert Gazetteer.default().by_code(code).label == label


# --- issue 15: each case one phenomenon, in our own words ---

@pytest.mark.parametrize("body, title, label, parents", [
    # a short name inside other words (科级以上党政 holds 上党) never outweighs the subject of the opening sentence
    ("2023年，乌鲁木齐市坚持依法行政，举办科级以上党政干部法治培训班。科级以上党政干部集中学法，"
     "科级以上党政干部任前考法，科级以上党政干部旁听庭审，科级以上党政干部述法全覆盖。", None,
     "乌鲁木齐市", ("新疆维吾尔自治区",)),
    # 镇平安办 holds 镇平 (镇平县) inside 平安办: not a place
    ("2022年，某镇坚持依法治理。镇党政办、镇平安办、司法所协同推进，镇平安办牵头化解纠纷。", None, None, None),
    # a development zone named bare as the subject, its city named elsewhere
    ("2023年，高新区坚持依法行政，法治建设成效明显。区党工委专题学习《襄阳市安全生产条例》。", None,
     "襄阳高新区", ("湖北省", "襄阳市")),
    # a zone run together with its district: one administration, named by the district
    ("高新区（新市区）人民政府2023年法治政府建设工作报告\n2023年，区人民政府坚持依法行政。",
     "高新区（新市区）人民政府2023年法治政府建设工作报告", "新市区", ("新疆维吾尔自治区", "乌鲁木齐市")),
    # a street office whose title names its district first
    ("芙蓉区人民政府定王台街道办事处关于2022年度法治政府建设情况的报告\n2022年，街道党工委坚持依法行政。",
     "芙蓉区人民政府定王台街道办事处关于2022年度法治政府建设情况的报告", "定王台街道", ("湖南省", "长沙市", "芙蓉区")),
    # a street named as the subject, its district only in a document title
    ("2022年，在区委、区政府的坚强领导下，东城街道深入推进依法行政，认真落实《清城区2022年法治政府建设工作要点》。"
     "东城街推行“一门式”服务，东城十个村委会配备法律顾问。", None, "东城街道", ("广东省", "清远市", "清城区")),
    # an autonomous prefecture written short
    ("2023年，黔西南州坚持依法行政，全州法治政府建设取得新成效。", None, "黔西南布依族苗族自治州", ("贵州省",)),
    # a provincial report that names only counties, and 全省 / 我省
    ("2020年，全省各级行政机关坚持依法行政。我省蒙城县、天长市、黟县入选全国示范，全省任务全部完成。", None,
     "安徽省", ()),
    # a city department's report: the province's 全省 rankings do not make it a provincial report
    ("2023年，市市场监管局坚持依法行政，全省率先实现示范区满堂红，全省营商环境案例入选。“绍兴创新监管”获评案例，"
     "《绍兴市电梯安全管理规定》施行，我市入围示范创建城市。", None, "绍兴市", ("浙江省",)),
    # no title, 我区 in the opening: the report formula names the zone; its city only in a law's title
    ("2025年，在市政府的正确领导下，我区深入推进法治政府建设，现将金水湾新区2025年度法治政府建设情况报告如下：\n"
     "一、坚持高位引领\n严格执行《郑州市地方立法条例》，金水湾新区管委会召开专题会议。", None,
     "金水湾新区", ("河南省", "郑州市")),
    # a municipality's zone stands under the district that holds it (zone_districts.tsv)
    ("天津经济技术开发区2020年法治政府建设情况报告\n2020年，开发区坚持依法行政。", "天津经济技术开发区2020年法治政府建设情况报告",
     "天津经济技术开发区", ("天津市", "滨海新区")),
    # a street's report names its county-level city all the time, as its superior and in titles
    ("在安宁市委、市政府的正确领导下，县街街道办事处严格按照《安宁市2021年法治政府建设实施方案》推进工作。\n"
     "一、街道落实《安宁市行政执法公示办法》，配合安宁市司法局开展检查。安宁市法治督察组到街道督导。", None,
     "县街街道", ("云南省", "昆明市", "安宁市")),
])
def test_subject_wins_over_accidental_names(body, title, label, parents):
    place = _run(body, title)
    if label is None:
        assert place is None or place.label != "镇平县"
        return
    assert (place.label, place.parents) == (label, parents)


def test_street_named_xjie_jiedao_is_a_street():
    place = _run("坡子街街道办事处2022年法治政府建设年度报告\n2022年，坡子街街道坚持依法决策。",
                 "坡子街街道办事处2022年法治政府建设年度报告")
    assert (place.name, place.level) == ("坡子街街道", "township")


def test_news_lead_subject_after_the_byline():
    body = ("本报讯（记者 王磊）近日，泽州县推行“企业安静期”制度，入企检查明显下降。据了解，该县学习晋城市经验，"
            "晋城市司法局多次指导，晋城市营商环境考核中全市排名靠前。")
    assert _run(body).label == "泽州县"


def test_province_before_a_self_reference_in_the_title_is_a_label():
    title = "山西我县开展法治宣传活动"
    body = title + "\n近日，县委依法治县办在全县开展宣传活动，全县各部门参加。指导组指出，芮城作为候选地区，全县氛围浓厚。"
    assert _run(body, title).label == "芮城县"


def test_town_self_references_favour_the_town_over_its_district():
    body = ("根据上级要求和上海市普陀区法治政府建设规划的要求，长征镇依法全面履行政府职能。现将本镇情况报告如下："
            "本镇设立政府信息公开受理点，全镇干部参加学法，普陀区司法局予以指导。")
    place = _run(body)
    assert (place.name, place.parents) == ("长征镇", ("上海市", "普陀区"))


def test_town_named_alone_gets_the_county_that_has_it():
    place = _run("2023年，留下街道在区委、区政府的坚强领导下，坚持依法行政，全街道法治建设取得成效。")
    assert (place.label, place.level, place.parents) == ("留下街道", "township", ("浙江省", "杭州市", "西湖区"))


def test_town_with_its_city_named_gets_the_county_between():
    place = _run("2023年，高都镇坚持依法行政，全镇法治建设取得成效，获晋城市表彰。")
    assert (place.label, place.parent_codes) == ("高都镇", ("140000", "140500", "140525"))


def test_town_whose_county_cannot_be_told_keeps_no_parents():
    place = _run("2023年，下洋镇在县委、县政府的坚强领导下，坚持依法行政，全镇法治建设取得成效。")
    assert (place.label, place.parents) == ("下洋镇", ())


def test_bare_short_name_of_a_new_area_is_the_new_area():
    # 滨海 alone in a text about 滨海新区 (Tianjin) is that new area, not 滨海县 (Jiangsu)
    from loaders.gazetteer import Gazetteer
    found = Gazetteer.default().find_all("天津市滨海新区坚持依法行政。滨海推进改革，全区复议案件下降。")
    assert [(text_start, p.adcode) for text_start, _, p in found] == [(0, "120000"), (3, "120116"), (14, "120116")]


def test_town_gets_the_named_county_that_has_it_over_one_named_more():
    # 高都镇 is a town of 泽州县; 阳城县 is named more often, in passing
    body = ("2023年，高都镇坚持依法行政，全镇法治建设取得成效。镇司法所赴阳城县学习，阳城县经验值得借鉴，"
            "阳城县同志来镇交流。泽州县司法局给予指导。")
    place = _run(body)
    assert (place.label, place.parents[-1]) == ("高都镇", "泽州县")


def test_division_words_of_one_region_name_it_when_no_place_is_named():
    body = "为推进依法行政，结合自治区实际，制定本方案。调整旗县级政府部门权责清单，探索建立苏木乡镇权责清单。"
    place = _run(body)
    assert (place.label, place.level, place.adcode) == ("内蒙古自治区", "province", "150000")


def test_division_words_of_two_regions_name_neither():
    assert _run("结合自治区实际，旗县和兵团各单位推进依法行政。") is None


@pytest.mark.parametrize("title, body, parents", [
    # the city named more often than the district, which only a document title names
    ("留下街道2023年度法治政府建设情况报告",
     "2023年，在区委区政府的领导下，留下街道认真落实《杭州市2023年法治政府建设工作计划》《西湖区法治政府建设实施方案》，"
     "杭州市司法局予以指导，街道获杭州市表彰。", ("浙江省", "杭州市", "西湖区")),
    ("定王台街道办事处2022年法治政府建设年度报告",
     "2022年，定王台街道贯彻《长沙市法治政府建设实施方案》和《芙蓉区2022年依法行政工作要点》，长沙市考核优秀。",
     ("湖南省", "长沙市", "芙蓉区")),
])
def test_town_titled_alone_under_its_city_still_gets_its_district(title, body, parents):
    place = _run(title + "\n" + body, title)
    assert (place.label, place.parents) == (title[:title.index("街道") + 2], parents)


@pytest.mark.parametrize("title, body, label, parents", [
    # a zone of a name of its own opens a headline; its city is named in the text
    ("金沙湾新区推进法治政府建设",
     "本报讯 昨日，金沙湾新区召开法治政府建设座谈会，珠海市司法局负责人出席。新区将加快推进依法行政，珠海市有关部门参加。",
     "金沙湾新区", ("广东省", "珠海市")),
    # a provincial zone spelled with its province's short name, in the title and as the subject
    ("江西云栖航空港经济区2023年度法治政府建设工作情况报告",
     "2023年，江西云栖航空港经济区坚持依法行政，认真落实省委省政府决策部署，全省法治政府建设考核中成绩良好。",
     "江西云栖航空港经济区", ("江西省",)),
])
def test_zone_of_a_name_of_its_own_is_the_jurisdiction(title, body, label, parents):
    place = _run(title + "\n" + body, title)
    assert (place.label, place.level, place.parents) == (label, "development-zone", parents)


def test_a_bare_zone_word_as_subject_stays_its_city_zone():
    body = "2023年，经济技术开发区坚持依法行政，法治建设成效明显。管委会专题学习《襄阳市安全生产条例》，襄阳市考核优秀。"
    place = _run(body)
    assert (place.label, place.parents) == ("襄阳经开区", ("湖北省", "襄阳市"))


def test_a_kind_of_zone_in_a_title_is_no_zone():
    title = "法治建设示范区创建推进会召开"
    place = _run(title + "\n本报讯 近日，珠海市召开法治建设示范区创建推进会，全市各区参加。", title)
    assert (place.label, place.level) == ("珠海市", "prefecture")


@pytest.mark.parametrize("body, label, parents", [
    # a town that names itself only as 我镇 and once in a slogan (平安鹤溪)
    ("2024年，在县委、县政府的坚强领导下，我镇坚持依法行政，全力建设平安鹤溪，本镇各村法律顾问实现全覆盖。",
     "鹤溪镇", ("浙江省", "丽水市", "景宁畲族自治县")),
    # … a township in the slogan 法治章村, beside 法治建设 whose 建设 is a word, not a name
    ("2024年，我乡坚持依法行政，深入推进法治建设，着力打造法治章村，本乡各村法律顾问实现全覆盖。",
     "章村乡", ("浙江省", "丽水市", "青田县")),
])
def test_town_named_only_in_a_slogan(body, label, parents):
    place = _run(body)
    assert (place.label, place.parents) == (label, parents)


def test_slogan_without_a_town_of_that_name_names_none():
    assert _run("2024年，我乡坚持依法行政，深入推进法治建设，营造良好法治环境。") is None


def test_town_under_its_named_city_is_not_put_under_another_county_named():
    # 高都镇 of 晋城市 is in 泽州县; 蒙阴县 (Shandong) also has a 高都镇 and 阳城县 has none
    body = "2023年，高都镇坚持依法行政，全镇法治建设取得成效，获晋城市表彰。镇司法所赴阳城县学习交流。"
    place = _run(body)
    assert (place.label, place.parents[-1]) == ("高都镇", "泽州县")


def test_city_report_on_a_county_site_is_the_city_it_addresses_as():
    # a county portal's name on top; the report opens with its addressees (a city government reports to
    # the province's government and to its own city's committee and congress) and names its city only
    # inside document titles
    body = ("洛川县人民政府\n首页 > 政务公开\n省政府、市委、市人大：\n"
            "2019年，市政府坚持依法行政，全市法治政府建设取得新进展。现将有关情况报告如下：\n"
            "一、主要工作\n制定《延安市法治政府建设实施方案》《延安市重大行政决策程序规定》。"
            "全市各县区推进综合执法改革，洛川县、黄陵县开展试点。")
    place = _run(body)
    assert (place.label, place.level, place.parents) == ("延安市", "prefecture", ("陕西省",))


def test_addressee_line_names_the_superior_not_the_writer():
    # 宁波市委、市政府： addresses the city; the writer is the district named in the body
    body = ("宁波市委、市政府：\n2024年，区政府在市委、市政府的坚强领导下坚持依法行政，法治政府建设取得积极进展。"
            "现将有关情况报告如下：\n一、主要举措\n印发《海曙区法治政府建设工作要点》，全区推行集成改革。")
    place = _run(body)
    assert (place.label, place.parents[-1]) == ("海曙区", "宁波市")


@pytest.mark.parametrize("line, writer", [
    ("国务院：", ("province",)),
    ("省政府、市委、市人大：", ("prefecture", "county-city")),
    ("省人民政府、中共某市委、市人大常委会、市政协:", ("prefecture", "county-city")),
    ("市委、市政府：", ()),          # below 市政府: any level, and a municipality's is a province's
])
def test_addressee_line_declares_the_writer_level(line, writer):
    norm = line + "\n一年来，各项工作取得成效，法治政府建设迈出新步伐，现将有关情况报告如下：一、主要举措"
    assert jurisdiction._writer_levels(norm, addressee_line(norm)) == writer


def test_place_name_with_scraper_noise_inside_is_found():
    # a wiki copy: a footnote mark inside the region's name, an invisible space inside a city's
    body = ("宁[1]夏回族自治区人民政府关于2018年法治政府建设情况的报告\n"
            "2018年，自治区人民政府坚持依法行政，全区法治政府建设取得新成效。现将有关情况报告如下：\n"
            "全区取消行政许可事项20项，银\u200b川市推行一窗受理。")
    place = _run(body, "宁夏回族自治区人民政府关于2018年法治政府建设情况的报告")
    assert (place.label, place.level) == ("宁夏回族自治区", "province")
    assert _run(body).label == "宁夏回族自治区"


def test_html_entity_left_inside_a_place_name_is_noise():
    from loaders.gazetteer import Gazetteer
    spans = Gazetteer.default().find_all("2019年，宁夏&nbsp;回族自治区坚持依法行政，银&#12288;川市推行改革。")
    assert [p.label for _, _, p in spans] == ["宁夏回族自治区", "银川市"]


def test_a_space_still_bounds_a_short_name():
    # 发布 西宁列…: the space is a word boundary, not noise inside 布西宁
    from loaders.gazetteer import Gazetteer
    spans = Gazetteer.default().find_all("评估报告发布 西宁列西北省会城市第一")
    assert [p.label for _, _, p in spans][:1] == ["西宁市"]


def test_town_whose_county_ties_is_flagged_not_guessed():
    from loaders.pipeline import extract_text
    x = extract_text("t.txt", "2023年，下洋镇坚持依法行政，全镇法治建设取得成效。现将有关情况报告如下：")
    assert (x.jurisdiction.name, x.jurisdiction.parents) == ("下洋镇", ())
    assert any(w.startswith("jurisdiction uncertain: 下洋镇") for w in x.warnings)


@pytest.mark.parametrize("opening", [
    # the county portal's name joined to the title line below it, the writer's level in the subject
    "洛川县人民政府\n关于2019年度法治政府建设情况的报告\n2019年，市政府坚持依法行政，全市法治政府建设取得新进展。",
    # only self-references name the writer's level
    "洛川县人民政府\n首页 > 政务公开\n一年来，全市坚持依法行政，法治政府建设取得新进展。",
])
def test_county_portal_name_does_not_outweigh_the_city_writer(opening):
    body = (opening + "现将有关情况报告如下：\n一、主要工作\n制定《延安市法治政府建设实施方案》《延安市重大行政决策程序规定》。"
            "全市各县区推进综合执法改革，洛川县、黄陵县开展试点。全市办理复议案件120件。")
    title = "洛川县人民政府关于2019年度法治政府建设情况的报告" if "关于" in opening else None
    assert _run(body, title).label == "延安市"


def test_portal_name_counts_once_however_often_the_place_is_named_near_the_top():
    from loaders.gazetteer import Gazetteer
    norm = "洛川县人民政府\n首页\n一年来，全市推进改革，洛川县开展试点，黄陵县跟进。"
    assert len(jurisdiction._chrome_places(norm, Gazetteer.default().find_all(norm))) == 1


def test_municipality_is_the_subject_its_own_self_references_name():
    # 全市 of a municipality (a province-level 市) is its own, not that of a prefecture named in passing
    body = "2019年，北京市坚持依法行政，全市法治政府建设取得新成效。东城区、西城区开展试点，对口支援和田地区、拉萨市。"
    assert _run(body).label == "北京市"


def test_subject_named_before_in_the_portal_name_is_still_the_subject():
    from loaders.gazetteer import Gazetteer
    norm = "泽州县人民政府\n首页\n2024年，泽州县坚持依法行政，全县法治政府建设取得成效，各项工作有序推进，群众满意度提升。"
    assert [p.name for p in jurisdiction._subject_places(norm, Gazetteer.default().find_all(norm))] == ["泽州县"]


def test_subject_after_addressees_run_on_into_the_opening():
    from loaders.gazetteer import Gazetteer
    norm = "省政府：2019年，遵义市坚持依法行政，全市法治政府建设取得新进展，各项工作有序推进，群众满意度提升。"
    assert [p.name for p in jurisdiction._subject_places(norm, Gazetteer.default().find_all(norm))] == ["遵义市"]


def test_issuer_is_read_where_it_is_named_not_at_a_later_mention():
    from loaders.gazetteer import Gazetteer
    norm = "2024年，泽州县委、县政府坚持依法行政，全县推进改革。泽州县获评示范。"
    assert [p.name for p in jurisdiction._issuer_places(norm, Gazetteer.default().find_all(norm))] == ["泽州县"]


@pytest.mark.parametrize("body", [
    "2019年，我区坚持依法行政，全区法治政府建设取得新成效。银川市、石嘴山市、吴忠市开展试点。《宁夏回族自治区重大行政决策程序规定》施行。",
    "国务院：\n2019年，自治区人民政府坚持依法行政，全区法治政府建设取得新成效。现将有关情况报告如下：\n银川市、石嘴山市开展试点。《宁夏回族自治区法治政府建设实施方案》印发。",
])
def test_autonomous_region_is_the_writer_its_own_quarter_words_name(body):
    # 我区, 全区 of an autonomous region are its own self-references, not a district's
    assert _run(body).label == "宁夏回族自治区"


def test_superior_whose_organs_the_report_follows_is_not_the_writer():
    # 落实某自治区党委部署: the region is the superior; the writer is the district of 区政府 and 全区
    body = ("2019年，区政府坚持依法行政，全区法治政府建设取得新成效。落实宁夏回族自治区党委部署，"
            "《兴庆区法治政府建设方案》印发，银川市表彰。")
    assert _run(body).label == "兴庆区"


def test_subject_level_speaks_where_the_addressees_tell_nothing():
    norm = "市委、市政府：\n2024年，区政府坚持依法行政，法治政府建设取得积极进展，现将有关情况报告如下：一、主要举措"
    assert jurisdiction._writer_levels(norm, addressee_line(norm)) == ("district", "development-zone")


@pytest.mark.parametrize("body, title, name, parents", [
    # the street's own office after the district's government: 某区人民政府某某街道办事处
    ("区委、区政府：\n今年街道推进依法行政。", "北京市西城区人民政府广安门内街道办事处2020年法治政府建设年度情况报告",
     "广安门内街道", ["北京市", "西城区"]),
    # a street written without 道 before its bodies (广州's 黄石街党工委), placed by the township data
    ("2022年，黄石街党工委、办事处深入学习，现将2022年法治政府建设工作报告如下：", None,
     "黄石街道", ["广东省", "广州市", "白云区"]),
])
def test_streets_named_as_their_offices_write_them(body, title, name, parents):
    place = _run(body, title)
    assert (place.name, list(place.parents)) == (name, parents)
