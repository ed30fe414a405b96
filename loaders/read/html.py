"""HTML reader: decode (meta charset first), drop page chrome, keep the article's visible text.

Chrome is what a portal wraps around every article: navigation, header, footer, scripts, sidebars,
link lists. We drop chrome elements by tag and by class/id words, keep block boundaries as line
breaks, and record the page's <title> and date metadata for the extractors.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from loaders.read.encoding import decode

__all__ = ["read_html", "html_to_text"]

_DROP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "select", "button", "svg", "template", "head"}
_CHROME_WORDS = re.compile(r"nav|menu|header|footer|sidebar|breadcrumb|crumb|share|copyright|banner|"
                           r"toolbar|topbar|login|search|links?$|friend|related|comment|ad[s_-]|pager",
                           re.I)
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "td"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[bool] = []        # True where this element (or an ancestor) is chrome
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = (attrs.get("name") or attrs.get("property") or "").lower()
            if key and attrs.get("content"):
                self.meta[key] = attrs["content"]
            return
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag == "br":
                self.parts.append("\n")
            return
        hidden = bool(self.stack and self.stack[-1])
        marker = " ".join(filter(None, (attrs.get("class"), attrs.get("id"), attrs.get("role"))))
        chrome = hidden or tag in _DROP_TAGS or bool(marker and _CHROME_WORDS.search(marker))
        self.stack.append(chrome)
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _VOID:
            return
        if self.stack:
            self.stack.pop()
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not (self.stack and self.stack[-1]):
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, dict]:
    """Visible article text of an HTML page, and its metadata (title, meta tags).

    >>> text, meta = html_to_text("<html><head><title>T</title></head><body><nav>首页</nav>"
    ...                           "<p>本县推行“企业安静期”。</p><footer>版权</footer></body></html>")
    >>> text, meta["title"]
    ('本县推行“企业安静期”。', 'T')
    """
    parser = _Visible()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0\u3000]*\n[ \t\u00a0\u3000\n]*", "\n", text).strip()
    meta = {"title": "".join(parser.title).strip() or None}
    meta.update({f"meta:{k}": v for k, v in parser.meta.items()})
    return text, meta


def read_html(path: Path, data: bytes):
    """Decode an HTML file (declared charset first) and strip its chrome."""
    from loaders.read import RawText
    declared = _META_CHARSET.search(data[:4096])
    text, encoding = None, None
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "gb18030") else name
        try:
            text, encoding = data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = decode(data, str(path))
    body, meta = html_to_text(text)
    return RawText(body, encoding, meta)
