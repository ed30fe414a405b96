"""Programme recall on names written the way real reports write them: unquoted lists and pilots,
names bounded by the verb that governs them, quotes after 推进/深化. One phenomenon per row, on
sentences written for these tests; candidate generation is checked apart from the fitted weights."""
import pytest

from loaders.extract.programme.bare import bare_names
from loaders.extract.programme import evidence as ev


def _bare(body):
    return [body[b.start:b.end] for b in bare_names(body, lambda i: False)]


@pytest.mark.parametrize("body, name", [
    ("县里建立乡村振兴项目负面清单，按季公布。", "乡村振兴项目负面清单"),        # a list is an institution
    ("全面推行镇街履职事项清单制度。", "镇街履职事项清单制度"),
])
def test_unquoted_names_ending_in_a_list(body, name):
    assert name in _bare(body)


def test_unquoted_pilot_is_a_candidate_and_the_longer_name_stands():
    assert _bare("今年开展农村宅基地审批改革试点，成效初显。") == ["农村宅基地审批改革试点"]


@pytest.mark.parametrize("body, name, before", [
    ("及时公布镇级权责清单，接受监督。", "镇级权责清单", "公布"),
    ("逐项厘清街道执法事项清单。", "街道执法事项清单", "厘清"),
    ("作为全国首批证照联办改革试点，", "证照联办改革试点", "首批"),
])
def test_governing_verb_bounds_the_name_by_word(body, name, before):
    found = [b for b in bare_names(body, lambda i: False) if body[b.start:b.end] == name]
    assert found and found[0].before == before


def test_word_jieba_tags_an_adverb_stays_inside_a_law_work_name():
    assert "相对集中许可权改革" in _bare("稳步推进相对集中许可权改革。")


@pytest.mark.parametrize("body, pos, kind", [
    ("持续深化“一码通办”，", 4, "reform"),
    ("全面推进“园区法务”工作，", 4, "reform"),
    ("认真落实“首接负责”要求，", 4, "institution"),
])
def test_push_and_deepen_are_adoption_verbs_before_a_quote(body, pos, kind):
    assert ev.verb_before(body, pos) == kind


def test_unquoted_platform_is_a_candidate():
    assert "企业诉求直达平台" in _bare("区里上线企业诉求直达平台，诉求当日分办。")


def test_pilot_of_a_named_reform_keeps_the_reform_as_an_alias():
    from loaders.extract.programme import _piloted
    assert _piloted("农村宅基地审批改革试点") == ["农村宅基地审批改革"]
    assert _piloted("法治乡村示范试点") == []          # no institution or reform before the pilot word


@pytest.mark.parametrize("body, close, kind", [
    ("“税企通”正式上线运行，", 5, "platform"),       # a running verb after the quote
    ("“园区法务”全面推开，", 6, "reform"),
    ("“园区法务”的说法，", 6, None),
])
def test_verb_after_a_quote(body, close, kind):
    from loaders.extract.programme.features import verb_after
    assert verb_after(body, close) == kind


@pytest.mark.parametrize("body, opening, kind", [
    ("实行企业承诺、“先批后核”、网上申请，", 7, "institution"),   # the verb opens the list
    ("坚持问题导向、“X”", 7, None),
])
def test_verb_governing_a_list_the_quote_is_in(body, opening, kind):
    from loaders.extract.programme.features import list_verb
    assert list_verb(body, opening) == kind


def test_name_in_a_heading_and_adopted_at_another_mention():
    from loaders.extract.programme.features import behaviour
    body = "二、推行“街乡吹哨”\n今年“街乡吹哨”响应率提高。"
    assert behaviour(body, "街乡吹哨", body.rindex("街乡吹哨")) == {"in-heading": 1.0, "verb-elsewhere": 1.0}
    plain = "今年各街道的“街乡吹哨”响应率有所提高，群众评价较好，相关做法得到推广和认可。"
    assert behaviour(plain, "街乡吹哨", plain.index("街乡吹哨")) == {}


@pytest.mark.parametrize("body, name", [
    ("全面推行不见面审批，企业足不出户办成事。", "不见面审批"),         # a national name, unquoted, no head word
    ("严格落实领导干部年度述法，压实第一责任人职责。", "述法制度"),     # a further spelling of a thesaurus programme
    ("开展行政执法案卷质量评查，整改问题12个。", "行政执法案卷评查"),    # national practices, by their usual spellings
    ("组织政府开放日活动，邀请市民走进机关。", "政府开放日"),
    ("严格执行重大行政决策程序，规范决策行为。", "重大行政决策程序"),
    ("区政府领导班子成员参加庭审旁听1次。", "旁听庭审"),              # the words of a thesaurus label reversed
    ("开展会前法制讲座2次，邀请律师授课。", "会前学法"),
    ("实现企业登记全程电子化，开办时间压缩至1天。", "企业登记全程电子化"),
    ("做好“12·4”国家宪法日宣传活动。", "国家宪法日"),
    ("开展送法进校园活动5场次。", "法治进校园"),
    ("开展强基础、转作风、树形象专项行动，提升城管形象。", "强基础、转作风、树形象"),   # a name written with 、
    ("实施提升行政执法质量三年行动计划，执法水平明显提升。", "提升行政执法质量三年行动"),
    ("聘请特邀行政执法监督员开展监督。", "特邀行政执法监督员制度"),
    ("实现乡镇合法性审查全覆盖，各乡镇明确审查机构。", "合法性审查全覆盖"),
    ("落实重大决策终身责任追究制度及责任倒查机制。", "重大决策终身责任追究制度"),
    ("开展宪法进万家活动，发放宪法读本。", "宪法进万家"),
    ("推行村级小微权力清单，规范村干部用权。", "小微权力清单"),   # not the 权力清单 inside it
    ("依托中国法律服务网提供在线咨询。", "中国法律服务网"),
    ("推行以专项信用报告替代有无违法违规记录证明，企业少跑腿。", "信用报告代替无违法违规证明"),
    ("实现证照分离改革全覆盖，审批事项压减。", "证照分离"),   # a spelling of a thesaurus name
    ("设立办不成事反映窗口，解决疑难事项。", "办不成事反映窗口"),
    ("推进政务服务标准化、规范化、便利化，统一办事指南。", "政务服务标准化规范化便利化"),   # punctuated spelling
    ("全面推行双随机、一公开监管，抽查市场主体。", "双随机一公开"),   # punctuated spelling of a thesaurus name
])
def test_national_lexicon_names_found_unquoted(body, name):
    from loaders.extract.programme import extract
    from loaders.text import Text
    assert name in [p.name for p in extract(Text.make("t.txt", body), None)]


def test_national_lexicon_short_spelling_needs_quotes():
    from loaders.extract.programme.national import lexicon
    concept = lexicon().get("不见面")
    assert concept is not None and concept.quoted_only("不见面")


@pytest.mark.parametrize("body, name, kind", [
    ("建立干部“2+5+N”学法清单，按月更新。", "2+5+N学法清单", "institution"),   # a number formula named by its head
    ("形成“1+4”联动机制，", "1+4联动机制", "mechanism"),
    ("搭建“3+1”全流程法律服务体系，", "3+1全流程法律服务体系", "mechanism"),   # a weak head ending the phrase
])
def test_quoted_number_formula_with_a_head_word_is_a_name(body, name, kind):
    from loaders.extract.programme import extract
    from loaders.text import Text
    found = {p.name: p for p in extract(Text.make("t.txt", body), None)}
    assert name in found and found[name].type == kind


def test_quoted_number_formula_without_a_head_is_no_name():
    from loaders.extract.programme import extract
    from loaders.text import Text
    assert extract(Text.make("t.txt", "取得“1+1>2”的效果。"), None) == []


def test_one_character_word_joined_to_the_word_after_it_stays_inside():
    assert _bare("全面实施行政规范性文件后评估制度，") == ["行政规范性文件后评估制度"]


def test_verb_jieba_joined_to_the_next_word_bounds_the_name():
    # jieba writes 积极争取 and 推进改革 as one word each: they open with a bounding word
    assert _bare("积极争取农村产权改革试点。") == ["农村产权改革试点"]
    assert _bare("扎实推进改革试点。") == []


def test_upgraded_release_keeps_the_name_without_its_version_as_alias():
    from loaders.extract.programme import extract
    from loaders.text import Text
    found = {p.name: p for p in extract(Text.make("t.txt", "全面推行涉企服务直通车3.0系统，办事更快。"), None)}
    assert "涉企服务直通车" in found["涉企服务直通车3.0系统"].aliases


def test_two_names_sharing_one_head_word_are_two_candidates():
    body = "全面推行村级议事协商和矛盾调处制度，"
    names = [b.name(body) for b in bare_names(body, lambda i: False)]
    assert names == ["村级议事协商制度", "矛盾调处制度"]
    assert _bare("建立乡镇执法协作制度和执法公示制度。") == ["乡镇执法协作制度", "执法公示制度"]  # two heads: no sharing


def test_unquoted_campaign_without_a_launching_verb_is_a_candidate():
    body = "会后召开了农村乱占耕地问题专项整治推进会。"
    found = [b for b in bare_names(body, lambda i: False) if b.type == "campaign"]
    assert [body[b.start:b.end] for b in found] == ["农村乱占耕地问题专项整治"]


def test_quote_followed_by_an_honour_verb_is_the_thing_honoured_not_an_honour_title():
    from loaders.extract.programme import features as fx
    body = "全区“老街坊调解室”入选全市调解工作优秀案例。"
    f = fx.quoted(body, 3, 10, "老街坊调解室", kind="quote", head=None, verb=None, rejected=False, honoured=False,
                  anchored=None, lexicon=False, stems=frozenset(), elsewhere=1)
    assert "honour-subject" in f and "honour-after" not in f
    g = fx.quoted("创成“七五”普法先进县。", 3, 6, "七五", kind="quote", head=None, verb=None, rejected=False,
                  honoured=True, anchored=None, lexicon=False, stems=frozenset(), elsewhere=1)
    assert "honour-after" in g and "honour-subject" not in g


def test_count_classifier_is_no_part_of_an_unquoted_name():
    assert _bare("今年共建立12项议事制度。") == ["议事制度"]
    assert _bare("实行24小时值班值守制度。") == ["值班值守制度"]


def test_brand_without_a_head_word_is_typed_by_what_follows_it_here_or_elsewhere():
    from loaders.extract.programme import features as fx
    assert fx.verb_after("“乡邻码”正式投用，", 5) == "platform"       # put to use right after the quote
    body = "群众通过“乡邻码”反映诉求。全镇推广“乡邻码”小程序。"
    assert fx.behaviour(body, "乡邻码", 5).get("head-elsewhere") == 1.0   # its head written at another mention


def test_quoted_list_governed_as_a_whole_has_its_own_evidence():
    from loaders.extract.programme import features as fx
    body = "对办件实行“统一受理、统一流转、统一反馈”，"
    f = fx.quoted(body, 6, 21, "统一受理、统一流转、统一反馈", kind="quote", head=None, verb="institution",
                  rejected=False, honoured=False, anchored=None, lexicon=False, stems=frozenset(), elsewhere=1)
    assert f.get("slogan-governed:verb") == 1.0
    g = fx.quoted("做到“早发现、早化解”。", 3, 9, "早发现、早化解", kind="quote", head=None, verb=None,
                  rejected=False, honoured=False, anchored=None, lexicon=False, stems=frozenset(), elsewhere=1)
    assert not any(k.startswith("slogan-governed") for k in g)


def test_national_lexicon_names_registration_and_service_institutions_unquoted():
    from loaders.extract.programme import extract
    from loaders.text import Text
    body = "全面实行五证合一登记，落实首问负责、一次性告知和限时办结。"
    names = {p.name for p in extract(Text.make("t.txt", body), None)}
    assert {"五证合一", "首问负责制", "一次性告知制", "限时办结制"} <= names


def test_campaign_heads_of_a_battle_or_drive_and_a_split_verb_complement():
    assert _bare("坚决打好农村人居环境整治攻坚战。") == ["农村人居环境整治攻坚战"]   # 打 + 好 bounds it
    assert _bare("开展城乡环境综合整治行动，") == ["城乡环境综合整治行动"]


def test_random_inspection_keeps_its_adverb_inside_the_name():
    assert _bare("全面推开双随机抽查机制。") == ["双随机抽查机制"]


def test_no_shared_head_after_a_list_or_for_a_one_character_head():
    body = "落实选题论证、征求意见、合法性审核和集体审议制度。"
    assert not any(b.shared for b in bare_names(body, lambda i: False))     # the steps of one institution
    body = "推行用地审批和规划许可事项承诺制，"
    assert not any(b.shared for b in bare_names(body, lambda i: False))     # shares more than 制


def test_lifetime_stays_inside_an_accountability_name():
    assert _bare("实行重大投资决策终身责任追究制度。") == ["重大投资决策终身责任追究制度"]


def test_parts_of_the_three_enforcement_institutions_are_named_without_their_head():
    from loaders.extract.programme import extract
    from loaders.text import Text
    names = {p.name for p in extract(Text.make("t.txt", "全面推行行政执法全过程记录，健全行政执法和刑事司法衔接机制。"), None)}
    assert {"执法全过程记录制度", "两法衔接"} <= names


def test_one_character_function_word_inside_a_numbered_name_does_not_bound_it():
    assert _bare("全面推行三函同发制度，") == ["三函同发制度"]       # jieba tags 同 a preposition


def test_unquoted_platform_keeps_its_brand_without_the_carrier_word_as_alias():
    from loaders.extract.programme import extract
    from loaders.text import Text
    found = {p.name: p for p in extract(Text.make("t.txt", "全面推广惠企通小程序，企业注册2万户。"), None)}
    assert "惠企通" in found["惠企通小程序"].aliases


def test_local_name_opening_with_the_reporting_place_keeps_the_name_without_it_as_alias():
    from loaders.extract.programme import _unplaced
    assert _unplaced("临河区行政执法责任制", frozenset({"临河区", "临河"})) == ("行政执法责任制",)
    assert _unplaced("临河区级河长制", frozenset({"临河区"})) == ()        # too short without the place


def test_reversed_procedure_formula_has_its_own_shape():
    from loaders.extract.programme.features import _shape
    assert "shape:first-then" in _shape("先批后审", frozenset())
    assert "shape:first-then" not in _shape("先行先试区", frozenset())
def test_platform_named_after_a_programme_is_another_entity():
    from loaders.extract.programme import extract
    from loaders.text import Text
    body = "推行“示例即享机制”，惠企政策免于申报。上线“示例即享平台”，企业在线查询。“示例即享”让企业受益。"
    found = {p.name: p for p in extract(Text.make("t.txt", body), None)}
    assert "示例即享平台" in found
    assert "示例即享" not in found["示例即享平台"].aliases
    assert "示例即享平台" not in found.get("示例即享机制", found["示例即享平台"]).aliases


def _names(body):
    from loaders.extract.programme import extract
    from loaders.text import Text
    return {p.name for p in extract(Text.make("t.txt", "示例县2023年法治政府建设情况报告\n" + body), None)}


@pytest.mark.parametrize("body, absent, present", [
    # a 《》 title names a document: no bare name is read inside it
    ("制定《示例县党政主要负责人履行推进法治建设第一责任人职责工作清单》，纳入考核。", "责任人职责工作清单", None),
    # a head word right before a quote is a verb there (试点“X”制度): the quoted name is the programme
    ("在示例高新区试点“企业安静期”制度，入企检查次数下降30%。", "示例高新区试点", "企业安静期"),
    # an unquoted label that ends inside a word (掌上办 + 办理) is not a name
    ("全县412个高频事项实现“一网通办”，群众可掌上办理。", "掌上办", "一网通办"),
])
def test_bare_and_unquoted_names_respect_titles_verbs_and_word_ends(body, absent, present):
    names = _names(body)
    assert absent not in names
    assert present is None or present in names


def test_quoted_name_ending_in_a_document_type_has_that_shape():
    from loaders.extract.programme.features import _shape
    assert "shape:document-type" in _shape("一计划三方案", frozenset())
    assert "shape:document-type" not in _shape("企业安静期", frozenset())


def test_conjunction_joining_two_parties_of_a_relation_stays_inside_the_name():
    body = "健全人民调解与行政调解衔接机制，"
    found = bare_names(body, lambda i: False)
    assert [b.name(body) for b in found] == ["人民调解与行政调解衔接机制"]


@pytest.mark.parametrize("body, absent, present", [
    ("梳理确认各类政务服务事项清单31个，动态调整。", "政务服务事项清单", None),      # lists counted: a noun
    ("新建完善工作制度十二项，推行行政执法公示制度。", "完善工作制度", "行政执法公示制度"),
])
def test_a_bare_name_followed_by_its_count_is_a_counted_noun(body, absent, present):
    names = _names(body)
    assert absent not in names
    assert present is None or present in names
