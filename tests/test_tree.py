"""The HTML tree builder: bounded depth (as browsers), iterative walks, link statistics counted once."""
from __future__ import annotations

import random
import re

import pytest

from loaders.read.html import html_to_text
from loaders.read.tree import MAX_DEPTH, Node, parse


def _depth(root: Node) -> int:
    return max(node.depth for node in root.iter())


@pytest.mark.parametrize("depth", [10, MAX_DEPTH, 1000, 20_000])
def test_deep_nesting_is_flattened_below_the_limit_and_keeps_all_text(depth):
    page = "<div>" * depth + "<p>本县推行改革。</p>" + "</div>" * depth
    root = parse(page)
    assert _depth(root) <= MAX_DEPTH + 1
    assert root.text() == "本县推行改革。"
    assert html_to_text(f"<html><body>{page}</body></html>")[0] == "本县推行改革。"


def test_stray_end_tags_close_nothing():
    root = parse("<div><p>一" + "</i></b>" * 10_000 + "二</p>三</div>")
    assert [n.tag for n in root.iter()] == ["#root", "div", "p"] and root.text() == "一二三"


def _naive_stats(node: Node) -> tuple[int, int, int]:
    links = [a for a in node.iter() if a.tag == "a"]
    count = lambda text: len(re.sub(r"\s+", "", text))  # noqa: E731
    return len(links), count(node.text()), sum(count(a.text()) for a in links)


def _random_page(rng: random.Random, size: int) -> str:
    tags, out = ["div", "p", "a", "span", "ul", "li", "script", "b"], []
    for _ in range(size):
        r = rng.random()
        if r < 0.4:
            out.append(f"<{rng.choice(tags)}>")
        elif r < 0.7:
            out.append(f"</{rng.choice(tags)}>")
        else:
            out.append(rng.choice(["链接", "正文 内容", " ", "改革。"]))
    return "".join(out)


@pytest.mark.parametrize("seed", range(20))
def test_link_statistics_match_counting_each_subtree(seed):
    root = parse(_random_page(random.Random(seed), 300))
    for node in root.iter():
        assert node.stats() == _naive_stats(node), node.tag
