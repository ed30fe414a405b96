"""HTML source → a small element tree (stdlib `html.parser`), forgiving of unclosed and stray tags."""
from __future__ import annotations

import re
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


class Node:
    """One element: tag, attributes, and children (nodes or text strings)."""

    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict, parent: "Node | None" = None) -> None:
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent

    def iter(self) -> Iterator["Node"]:
        """This node and every element below it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Node)]))

    def text(self, block_breaks: frozenset | set = frozenset()) -> str:
        """All text below this node; a line break around each tag in `block_breaks`."""
        out: list[str] = []
        self._collect(out, block_breaks)
        return "".join(out)

    def _collect(self, out: list[str], breaks) -> None:
        if self.tag in _RAW:
            return
        if self.tag in breaks:
            out.append("\n")
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            else:
                child._collect(out, breaks)
        if self.tag in breaks:
            out.append("\n")


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root
        self.pre = 0

    def handle_starttag(self, tag, attrs):
        self._close_implied(tag)
        node = Node(tag, {k.lower(): (v or "") for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node
            self.pre += tag == "pre"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is None or node is self.root:
            return                      # a stray end tag closes nothing
        self.pre -= tag == "pre"
        self.current = node.parent or self.root

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
                self.current = node = node.parent or self.root
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
