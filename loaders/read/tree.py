"""HTML source → a small element tree (stdlib `html.parser`), forgiving of unclosed and stray tags."""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from typing import Iterator

__all__ = ["Node", "parse"]

_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr",
         "param", "track", "keygen"}
# Tags a new block start closes implicitly when still open (HTML's "optional end tags").
_IMPLIED = {"p": {"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                  "article", "blockquote", "pre", "dl", "header", "footer", "nav", "aside", "form"},
            "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th", "tr"},
            "th": {"td", "th", "tr"}, "option": {"option"}}
_RAW = {"script", "style"}
# A line break inside the HTML source between two Chinese characters is not a space on the page.
_CJK_WRAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\r\f]*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])")
_SPACE = re.compile(r"[ \t\r\n\f]+")
# Elements deeper than this become siblings of the deepest one, as in Chromium's tree builder (512):
# a page nested thousands deep then still reads in linear time, and recursive walks stay bounded.
MAX_DEPTH = 512


class Node:
    """One element: tag, attributes, and children (nodes or text strings)."""

    __slots__ = ("tag", "attrs", "children", "parent", "depth", "_stats")

    def __init__(self, tag: str, attrs: dict, parent: "Node | None" = None) -> None:
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent
        self.depth = parent.depth + 1 if parent is not None else 0
        self._stats = None

    def iter(self) -> Iterator["Node"]:
        """This node and every element below it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Node)]))

    def text(self, block_breaks: frozenset | set = frozenset()) -> str:
        """All text below this node; a line break around each tag in `block_breaks` (iterative walk).

        >>> parse("<div><p>一</p>二<script>x</script></div>").text({"p"})
        '\\n一\\n二'
        """
        out: list[str] = []
        stack: list = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                out.append(item)
            elif item.tag not in _RAW:
                brk = "\n" if item.tag in block_breaks else ""
                stack.append(brk)
                stack.extend(reversed(item.children))
                stack.append(brk)
        return "".join(out)

    def stats(self) -> tuple[int, int, int]:
        """(links, text characters, characters inside links) of this subtree, white space not counted;
        computed once for the whole subtree, bottom-up, so asking every node is linear.

        >>> parse("<ul><li><a>甲乙</a></li><li>丙</li></ul>").children[0].stats()
        (1, 3, 2)
        """
        if self._stats is None:
            order, stack = [], [self]
            while stack:
                node = stack.pop()
                order.append(node)
                stack.extend(c for c in node.children if isinstance(c, Node) and c._stats is None)
            for node in reversed(order):  # children before parents
                node._stats = node._own_stats()
        return self._stats

    def _own_stats(self) -> tuple[int, int, int]:
        if self.tag in _RAW:
            return 0, 0, 0
        links = linked = chars = 0
        for child in self.children:
            if isinstance(child, str):
                chars += sum(1 for ch in child if not ch.isspace())
            else:
                n, c, k = child.stats()
                links, chars, linked = links + n, chars + c, linked + k
        if self.tag == "a":
            return links + 1, chars, linked + chars
        return links, chars, linked


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root
        self.pre = 0
        self.open: Counter = Counter()  # tags of the open elements: a stray end tag costs no walk

    def handle_starttag(self, tag, attrs):
        self._close_implied(tag)
        node = Node(tag, {k.lower(): (v or "") for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID and node.depth <= MAX_DEPTH:
            self.current = node
            self.open[tag] += 1
            self.pre += tag == "pre"

    def _close(self, node: Node) -> None:
        """Close `node` and every element opened inside it."""
        while True:
            current = self.current
            self.open[current.tag] -= 1
            self.pre -= current.tag == "pre"
            self.current = current.parent or self.root
            if current is node or self.current is self.root:
                return

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.open[tag] <= 0:
            return                      # a stray end tag closes nothing
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is None or node is self.root:
            return
        self._close(node)

    def handle_data(self, data):
        if self.current.tag not in _RAW and not self.pre:
            data = _SPACE.sub(" ", _CJK_WRAP.sub("", data))
        if data:
            self.current.children.append(data)

    def _close_implied(self, tag: str) -> None:
        node = self.current
        while node is not self.root and node is not None:
            closers = _IMPLIED.get(node.tag)
            if closers and tag in closers:
                self._close(node)
                node = self.current
                continue
            if node.tag in ("table", "ul", "ol", "dl", "div", "body", "td", "th", "li"):
                return
            node = node.parent


def parse(html: str) -> Node:
    """Parse HTML into a tree rooted at a "#root" node.

    >>> root = parse("<ul><li>一<li>二</ul><p>三<p>四")
    >>> [n.tag for n in root.iter()]
    ['#root', 'ul', 'li', 'li', 'p', 'p']
    >>> root.text()
    '一二三四'
    """
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
