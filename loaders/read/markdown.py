"""Markdown reader: decode, then drop the markup (heading marks, emphasis, quotes, bullets, links) so
only the report's words remain; line structure is kept."""
from __future__ import annotations

import re
from pathlib import Path

from loaders.read.encoding import decode_bytes

__all__ = ["read_markdown", "markdown_to_text"]

_RULES = (
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.M), ""),                       # code fences
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),                 # horizontal rules
    (re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$", re.M), ""),  # table separator rows
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M), r"\1"),         # ATX headings
    (re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M), ""),                         # block quotes
    (re.compile(r"^([ \t]*)[-*+][ \t]+", re.M), r"\1"),                          # bullets
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),                            # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                         # links
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),                              # strong
    (re.compile(r"(?<![\w*])\*(?![ \t])([^*\n]+?)\*(?![\w*])"), r"\1"),        # emphasis
    (re.compile(r"`([^`\n]+)`"), r"\1"),                                   # inline code
    (re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.M), lambda m: "  ".join(c.strip() for c in m.group(1).split("|"))),
)


def markdown_to_text(md: str) -> str:
    """The words of a Markdown document, one line per source line.

    >>> markdown_to_text("# 顺德区2023年报告\\n\\n> 发布日期：2024-02-06\\n- **北滘镇**率先试点")
    '顺德区2023年报告\\n\\n发布日期：2024-02-06\\n北滘镇率先试点'
    """
    for pattern, repl in _RULES:
        md = pattern.sub(repl, md)
    return md


def read_markdown(path: Path, data: bytes):
    """Decode a .md file into a `RawText` without its markup.

    >>> read_markdown(Path("a.md"), "## 标题\\n正文".encode()).text
    '标题\\n正文'
    """
    from loaders.read import RawText
    text, encoding, warnings = decode_bytes(data, str(path))
    return RawText(markdown_to_text(text), encoding, {"warnings": list(warnings)} if warnings else {})
