"""Outcome figures and what they measure (issue 15): ranks and formulas, before/after pairs,
frequencies, the noun a figure counts. One phenomenon per short sentence written for these tests."""
import pytest

from loaders.extract.outcome import extract
from loaders.text import Text


def read(sentence):
    return [(o.indicator, o.value, o.unit, o.direction)
            for o in extract(Text.make("t.txt", sentence), [], None)]


@pytest.mark.parametrize("sentence", [
    "政务大厅实行5×12小时延时服务。",           # a formula of hours
    "该县依法行政考核位列全市前3名。",           # a rank band
])
def test_ranks_and_formulas_are_not_counts(sentence):
    assert read(sentence) == []


@pytest.mark.parametrize("sentence, want", [
    ("把48项考评指标精简优化为15项。", [("考评指标", 15, "项", "decrease")]),
    ("将备案事项从90项压减到36项。", [("备案事项", 36, "项", "decrease")]),
    ("办证时间由原来的15天压缩至4天。", [("办证时间", 4, "天", "decrease")]),
    ("收费项目由210项减少到64项。", [("收费项目", 64, "项", "decrease")]),
    ("登记时限由法定的30个工作日缩短至5个工作日。", [("登记时限", 5, "工作日", "decrease")]),
    # 将 with a short owner before the first figure, an adverb before the change verb
    ("将市直部门的52项办事材料压减到20项。", [("办事材料", 20, "项", "decrease")]),
    ("把48项考评指标进一步精简为15项。", [("考评指标", 15, "项", "decrease")]),
    # an average written between the change verb and the after-value hedges the figure
    ("审批用时由原来的5天压缩至平均2天。", [("审批用时", 2, "天", "decrease")]),
    # what follows the after-value is no counted noun of its own
    ("把48项考评指标精简为15项并向社会公布。", [("考评指标", 15, "项", "decrease")]),
])
def test_before_after_pair_keeps_the_after_value(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, want", [
    ("按每季度1次的频次召开推进会6次。", [("推进会", 6, "次", "level")]),
    ("坚持每月至少1次研究信访工作。", []),
])
def test_a_frequency_is_no_result(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, indicator", [
    ("将不动产登记时间压缩至3小时内办结。", "不动产登记时间"),    # 内 after a duration counts nothing
    ("全年办理时限压缩至4天。", "办理时限"),                    # a light verb that names the measure stays
    ("在全省80个县区中排名上升9位。", "县区"),                  # a locative ends the counted noun
])
def test_indicator_keeps_its_measure(sentence, indicator):
    assert read(sentence)[0][0] == indicator


@pytest.mark.parametrize("sentence, indicator", [
    ("全年主持召开区政府常务会议12次。", "区政府常务会议"),             # steps before the last verb
    ("在各乡镇党校班次中开设宪法专题课程8次。", "开设宪法专题课程"),      # a locative frame is where
    ("从退休政法干部中选聘行政执法监督员36名。", "选聘行政执法监督员"),    # a verb inside a compound noun
    ("向社会各界公开征集立法建议120条。", "征集立法建议"),              # a prepositional phrase
    ("在全市排名从去年的第9位上升5位。", "排名"),                        # a baseline inside the phrase
    ("全年受理行政复议案件96件。", "受理行政复议案件"),                  # one verb and object is the measure
    ("整改审计发现问题17个。", "整改审计发现问题"),                      # a generic noun keeps its verbs
    ("各村社区开展法治宣讲46场。", "法治宣讲"),                          # who before a light verb
])
def test_indicator_is_the_last_verb_and_object(sentence, indicator):
    assert read(sentence)[0][0] == indicator


@pytest.mark.parametrize("sentence, want", [
    ("全镇组建了七个法律服务小组。", [("法律服务小组", 7, "个", "level")]),
    ("调解员进驻全区八个社区。", [("社区", 8, "个", "level")]),
    ("各级干部牢固树立四个意识。", []),                  # a formula counts no body
    ("打造一个中心。", []),                              # 一个 is an article
])
def test_a_chinese_numeral_counts_bodies(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, indicator", [
    ("出台21项系统性、前瞻性强的改革举措。", "改革举措"),                 # a quality is not what is counted
    ("为全区340家企业开展“法治体检”。", "开展法治体检的企业"),            # those served, by what they got
    ("今年为1500名群众提供免费法律咨询。", "提供免费法律咨询的群众"),
])
def test_the_counted_noun_is_the_thing_counted(sentence, indicator):
    assert read(sentence)[0][0] == indicator


@pytest.mark.parametrize("sentence, want", [
    ("废止部门规章6部、规范性文件40件。", [("废止部门规章", 6, "部", "decrease"), ("规范性文件", 40, "件", "decrease")]),
    ("撤并议事协调机构9个。", [("撤并议事协调机构", 9, "个", "decrease")]),
    ("审批事项压降25%。", [("审批事项", 25, "%", "decrease")]),
])
def test_repeal_and_merge_words_are_reductions(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, indicator", [
    ("建成村（居）法律服务室（站）860个。", "建成村（居）法律服务室（站）"),        # matched brackets stay
    ("公布首批30个省级示范乡镇（街道、园区）名单。", "省级示范乡镇（街道、园区）"),  # a clause cut inside brackets
    ("打造法治文(wén)化长廊(láng)9处。", "打造法治文化长廊"),                      # pinyin glosses are noise
])
def test_brackets_and_glosses(sentence, indicator):
    assert read(sentence)[0][0] == indicator


def test_a_baseline_named_with_de_needs_a_change_after_it():
    assert read("由县司法局牵头的6个专班全部到位。") == [("专班", 6, "个", "level")]


def test_a_counted_noun_keeps_its_bracketed_list():
    assert read("全省16个市（州、区）全部完成。")[0][0] == "市（州、区）"


@pytest.mark.parametrize("sentence, want", [
    ("一审、二审案件分别为310件、87件。", [("一审案件", 310, "件", "level"), ("二审案件", 87, "件", "level")]),
    ("办件时长、跑动次数分别压减40%和75%。", [("办件时长", 40, "%", "decrease"), ("跑动次数", 75, "%", "decrease")]),
])
def test_respectively_pairs_names_and_figures_in_order(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, indicator", [
    ("推动16项改革举措落地见效。", "改革举措"),
    ("确定3名干部作为联络员。", "干部"),
])
def test_a_predicate_after_the_counted_noun_is_not_counted(sentence, indicator):
    assert read(sentence)[0][0] == indicator


@pytest.mark.parametrize("sentence, want", [
    ("全县律师业务收入年均增长9%。", [("律师业务收入年均", 9, "%", "increase")]),   # 均 of an average stays
    ("为65周岁以上老人免费办理。", []),                                            # an age is no count
])
def test_averages_and_ages(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, indicator", [
    ("新登记12万户经营主体。", "经营主体"),          # 经 begins a word here, not the preposition
    ("培训320名从业人员。", "从业人员"),
    ("调整45个内设机构。", "内设机构"),
])
def test_a_counted_noun_may_begin_with_a_preposition_character(sentence, indicator):
    assert read(sentence)[0][0] == indicator


@pytest.mark.parametrize("sentence, want", [
    ("该县调解品牌斩获五大奖项。", [("奖项", 5, "项", "level")]),      # won: a result
    ("围绕立法、执法三大类任务推进工作。", []),                         # the parts of a plan
])
def test_kinds_count_only_when_won(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, want", [
    ("该区连续三届获评全国双拥模范城。", [("获评全国双拥模范城", 3, "届", "level")]),
    ("连续6次被评为省级文明单位。", [("被评为省级文明单位", 6, "次", "level")]),
    ("连续24个月保持零事故。", [("保持零事故", 24, "个月", "level")]),
])
def test_streaks_of_terms_times_and_months(sentence, want):
    assert read(sentence) == want


def test_the_size_of_a_cut_named_alone_is_a_decrease():
    assert read("证明材料应减尽减，精简比例达72%。") == [("精简比例", 72, "%", "decrease")]


@pytest.mark.parametrize("sentence, want", [
    ("举办法治讲座6场，深入企业开展3场。", [("法治讲座", 6), ("法治讲座", 3)]),
    ("排查隐患210个，整改完成205个。", [("排查隐患", 210), ("整改完成", 205)]),   # 完成 holds no event
])
def test_an_event_verb_without_object_takes_the_measure_before_it(sentence, want):
    assert [(i, v) for i, v, _, _ in read(sentence)] == want


@pytest.mark.parametrize("sentence, want", [
    ("今年以来共废止9件，新增4件。", [("废止", 9, "件", "decrease"), ("新增", 4, "件", "increase")]),
    ("全年累计取消12项。", [("取消", 12, "项", "decrease")]),
    ("第三批精简7项。", [("精简", 7, "项", "decrease")]),
])
def test_a_count_verb_after_a_scope_word_names_the_count(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, want", [
    ("成立由12名律师组成的法律服务团。", [("律师", 12, "名", "level")]),
    ("组建由8位专家构成的论证小组。", [("专家", 8, "位", "level")]),
    ("办结时限由15天压缩至5天。", [("办结时限", 5, "天", "decrease")]),     # still a baseline
])
def test_members_counted_after_by_are_no_baseline(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, want", [
    ("区政府常务会议3次专题研究行政复议工作。", "区政府常务会议专题研究行政复议工作"),
    ("局党组会议4次听取普法工作汇报。", "局党组会议听取普法工作汇报"),
    ("召开协调会2次、联席会议5次研究信访积案化解。", "联席会议研究信访积案化解"),  # a listed meeting too
])
def test_a_count_between_a_meeting_and_what_it_did_names_both(sentence, want):
    assert read(sentence)[-1][0] == want


def test_a_noun_after_a_count_that_begins_with_a_verb_is_no_action():
    assert read("对督察反馈的5方面18个整改事项全部完成整改。")[0][0] == "整改事项"


@pytest.mark.parametrize("sentence, want", [
    ("专题询问中，满意 18 票，不满意 2 票。", [("满意", 18, "票", "level"), ("不满意", 2, "票", "level")]),
    ("普法直播的观看人次超30万。", [("普法直播的观看人次", 300000, "人次", "level")]),   # 万 with the unit before it
    ("热线受理件次达到2.5万。", [("热线受理件次", 25000, "件次", "level")]),
    ("全年接待群众1.2万。", []),                                       # 万 and no unit anywhere
])
def test_votes_and_figures_in_wan_whose_unit_is_named_before(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, want", [
    ("该区连续第五年获评平安建设先进区。", [("获评平安建设先进区", 5, "年", "level")]),
    ("在全省绩效考核中连续第8年位居第一。", [("位居第一", 8, "年", "level")]),
])
def test_a_streak_written_with_its_ordinal_counts_the_years(sentence, want):
    assert read(sentence) == want


@pytest.mark.parametrize("sentence, want", [
    ("实现行政复议决定书网上公开率100%。", "行政复议决定书网上公开率"),
    ("全区实现执法案卷评查100%覆盖。", "执法案卷评查"),
])
def test_shixian_before_a_measure_is_a_light_verb(sentence, want):
    assert read(sentence)[0][0] == want


@pytest.mark.parametrize("sentence, want", [
    ("共废止8件(其中3件为部门规章)。", [("废止", 8), ("部门规章", 3)]),
    ("受理申请90件，其中12件为依申请公开。", [("受理申请", 90), ("依申请公开", 12)]),
])
def test_a_part_named_after_wei_is_what_it_counts(sentence, want):
    assert [(i, v) for i, v, _, _ in read(sentence)] == want
