"""HTML reader: decode (BOM, UTF-8, declared charset), drop page chrome, keep the article's visible text.

Chrome is what a portal wraps around every article: navigation, header, footer, scripts, sidebars,
breadcrumbs, share bars, link lists. The page is parsed into a small tree (stdlib `html.parser`),
chrome subtrees are dropped by tag, class/id words and link density, block boundaries become line
breaks, and the page <title> and date meta tags are kept in `meta` for the extractors.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from loaders.read.encoding import blank_controls, decode_bytes
from loaders.read.tree import Node, parse

__all__ = ["read_html", "html_to_text"]

_NEVER = {"script", "style", "noscript", "template", "svg", "iframe", "select", "button", "head",
          "object", "canvas", "map", "input", "textarea", "option"}
_CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "menu"}
_CHROME_WORDS = {"nav", "navbar", "menu", "header", "head", "top", "topbar", "footer", "foot", "bottom",
                 "sidebar", "side", "aside", "breadcrumb", "crumb", "crumbs", "position", "location",
                 "share", "bshare", "jiathis", "social", "copyright", "banner", "toolbar", "login",
                 "search", "links", "link", "friend", "friendlink", "related", "relate", "comment",
                 "comments", "ad", "ads", "advert", "pager", "pagination", "print", "qrcode", "ewm",
                 "skip", "wza", "hidden", "hide", "invisible", "fontsize", "font", "tools", "dh", "daohang", "mianbao", "wzdh"}
_CONTENT_WORDS = {"article", "content", "main", "detail", "text", "body", "zw", "trs", "editor",
                  "con", "title", "info", "date", "time", "source", "pages", "bt", "wz", "xl"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "table", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "main", "figure", "figcaption",
          "center", "address", "hr", "caption", "tbody", "thead", "tfoot", "body", "html", "header",
          "footer"}
_CELL = {"td", "th"}
_DATE_LINE = re.compile(r"(发布|发稿|成文|印发|更新)?(日期|时间)\s*[:：]|来源\s*[:：]|(20\d\d|19\d\d)\s*[-年/.]\s*\d{1,2}")
_DATE_META = ("pubdate", "publishdate", "article:published_time", "publish_date", "firstpublishedtime",
              "dc.date", "dc.date.issued", "date", "createdate", "og:release_date", "publishtime")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB = {"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "gb_2312-80", "euc-cn", "x-euc-cn", "ms936"}
# A page <title> that is only the site's name (闽西日报数字报, 某某新闻网): not the article's title.
_SITE = re.compile(r"^.{0,10}(?:日报|晚报|早报|数字报|电子报|新闻网|门户网站|政府网|网)$")
_FURNITURE = re.compile(r"版权所有|技术支持[:：]|ICP备|网站标识码|^(?:\s*(?:上一篇|下一篇|返回顶部|【?打印(?:本页)?】?|【?关闭(?:窗口)?】?))+\s*$")
_WORD_SPLIT = re.compile(r"[\s_\-.:/]+|(?<=[a-z])(?=[A-Z])")


def html_to_text(html: str) -> tuple[str, dict]:
    """Visible article text of an HTML page, and its metadata (title, published date, meta tags).

    >>> text, meta = html_to_text("<html><head><title>T</title></head><body><nav>首页</nav>"
    ...                           "<p>本县推行“企业安静期”。</p><footer>版权</footer></body></html>")
    >>> text, meta["title"]
    ('T\\n本县推行“企业安静期”。', 'T')
    """
    root = parse(html)
    meta = _page_meta(root)
    parts: list[str] = []
    _emit(root, parts, inside_article=False)
    text = _tidy("".join(parts))
    title = meta.get("title")
    if title and title not in text and not _SITE.search(title):
        text = f"{title}\n{text}" if text else ""
    return text, meta


def read_html(path: Path, data: bytes):
    """Decode an HTML file (BOM, then UTF-8, then its declared charset, then detection) and strip chrome.

    >>> raw = read_html(Path("p.html"), '<meta charset="gbk"><p>杭州市西湖区</p>'.encode("gbk"))
    >>> raw.text, raw.encoding
    ('杭州市西湖区', 'gb18030')
    """
    from loaders.read import RawText
    text, encoding, warnings = _decode_html(data, str(path))
    body, meta = html_to_text(text)
    body = blank_controls(body)  # entities such as &#27; decode to controls too
    if warnings:
        meta["warnings"] = list(warnings)
    return RawText(body, encoding, meta)


def _decode_html(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return decode_bytes(data, path)  # NUL bytes: UTF-16 without a BOM, or binary
    try:
        return blank_controls(data.decode("utf-8")), "utf-8", ()   # valid UTF-8 is UTF-8, whatever the page claims
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        name = "gb18030" if name in _GB else name
        try:
            name = codecs.lookup(name).name
            return blank_controls(data.decode(name)), name, ()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, path)


def _page_meta(root: Node) -> dict:
    meta: dict = {"title": None}
    for node in root.iter():
        if node.tag == "title" and meta["title"] is None:
            meta["title"] = _clean_title(node.text()) or None
        elif node.tag == "meta":
            key = (node.attrs.get("name") or node.attrs.get("property") or
                   node.attrs.get("itemprop") or "").strip().lower()
            value = (node.attrs.get("content") or "").strip()
            if key and value:
                meta.setdefault(f"meta:{key}", value)
    for key in _DATE_META:
        date = _iso_date(meta.get(f"meta:{key}", ""))
        if date:
            meta["published"] = date
            break
    return meta


def _clean_title(title: str) -> str:
    """Drop the site name portals add to a page title ("报告_XX区人民政府", "XX网 - 报告", "标题-XX新闻网").

    >>> _clean_title("临川区推行一网通办-抚州新闻网"), _clean_title("某区报告_某区人民政府")
    ('临川区推行一网通办', '某区报告')
    """
    title = re.sub(r"\s+", " ", title).strip()
    parts = [p for p in re.split(r"\s*(?:_|\||｜|--|—|\s-\s)\s*", title) if p]
    if len(parts) < 2 and "-" in title:
        head, _, site = title.rpartition("-")
        parts = [head, site] if _SITE.search(site) else parts
    if len(parts) < 2:
        return title
    return next((p for p in parts if "报告" in p), parts[0])


def _iso_date(value: str) -> str | None:
    m = re.search(r"(20\d\d|19\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", value)
    if not m or not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31):
        return None
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _words(node: Node) -> set[str]:
    marker = " ".join(node.attrs.get(k) or "" for k in ("class", "id", "role"))
    return {w.lower() for w in _WORD_SPLIT.split(marker) if w}


def _boilerplate(node: Node) -> bool:
    """A short block of site furniture by its words: copyright and host lines, 上一篇/下一篇 bars."""
    if node.tag not in _BLOCK and node.tag not in _CELL or node.tag in ("html", "body", "main", "article"):
        return False
    text = re.sub(r"\s+", " ", node.text()).strip()
    return 0 < len(text) <= 120 and "。" not in text and bool(_FURNITURE.search(text))


def _is_chrome(node: Node, inside_article: bool) -> bool:
    if _boilerplate(node):
        return True
    style = (node.attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style or "hidden" in node.attrs:
        return True
    if _tool_link(node):
        return True
    if node.tag in _CHROME_TAGS:
        return not (inside_article and node.tag in ("header", "footer"))
    words = _words(node)
    if words & _CHROME_WORDS and not words & _CONTENT_WORDS:
        return True
    return _link_list(node)


def _tool_link(node: Node) -> bool:
    """A link that runs page script or jumps within the page (打印, 关闭, 字号): a tool, not content."""
    href = (node.attrs.get("href") or "").strip().lower()
    return node.tag == "a" and href.startswith(("#", "javascript")) and len(node.text().strip()) <= 8


def _link_list(node: Node) -> bool:
    """A block that is mostly links (menus, 'related articles', friend links), not prose."""
    if node.tag not in ("ul", "ol", "div", "table", "dl", "section", "p", "td"):
        return False
    links, total, linked = node.stats()  # counted once per page, bottom-up (linear in its size)
    return links >= 3 and total > 0 and linked / total > 0.6


def _emit(node: Node, parts: list[str], inside_article: bool) -> None:
    if isinstance(node, str):
        parts.append(node)
        return
    if node.tag in _NEVER:
        return
    if node.tag != "#root" and _is_chrome(node, inside_article):
        _keep_date_lines(node, parts)
        return
    inside_article = inside_article or node.tag in ("article", "main")
    block = node.tag in _BLOCK
    if block:
        parts.append("\n")
    for child in node.children:
        _emit(child, parts, inside_article)
    if node.tag in _CELL:
        parts.append(" ")
    elif block:
        parts.append("\n")


def _keep_date_lines(node: Node, parts: list[str]) -> None:
    """Chrome boxes often hold the 发布日期/来源 line; keep those lines, drop the rest of the box."""
    box: list[str] = []
    for child in node.children:
        _box_text(child, box)
    for line in _tidy("".join(box)).split("\n"):
        if _DATE_LINE.search(line) and len(line) < 120 and not _link_line(line):
            parts.append(f"\n{line}\n")


def _box_text(node: Node | str, out: list[str]) -> None:
    """Text of a chrome box without its tools (script, print/share links, font-size switches)."""
    if isinstance(node, str):
        out.append(node)
        return
    if node.tag in _NEVER or _tool_link(node):
        return
    if node.tag not in _CHROME_TAGS and _words(node) & _CHROME_WORDS and not _words(node) & _CONTENT_WORDS:
        return
    block = node.tag in _BLOCK
    out.append("\n" if block else "")
    for child in node.children:
        _box_text(child, out)
    out.append("\n" if block else " ")


def _link_line(line: str) -> bool:
    return "http" in line or "www." in line


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"[ \u00a0\u3000]*\n[ \u00a0\u3000\n]*", "\n", text)
    return text.strip(" \n\u00a0\u3000")
