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
