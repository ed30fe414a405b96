"""Write a deterministic synthetic corpus: `python -m bench.generate --reports N --seed S --out DIR`.

Each report is composed by `bench.compose` and then roughened the way real downloads are: unbalanced
quotes, % lost on a rate, full-width digits, CRLF line ends, GB18030 bytes, HTML pages with chrome.
"""
from __future__ import annotations

import argparse
import html
import random
import re
import sys
from pathlib import Path

from bench.compose import Draft, compose

__all__ = ["generate", "write_report", "roughen", "main"]

_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_CHROME_TOP = ('<div class="topbar">无障碍 | 长者模式 | 登录</div>'
               '<nav class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> '
               '<a href="/bsfw">办事服务</a> <a href="/hdjl">互动交流</a></nav>'
               '<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>')
_CHROME_END = ('<div class="related"><h3>相关链接</h3><ul><li><a href="#">政策解读</a></li>'
               '<li><a href="#">信息公开年报</a></li></ul></div>'
               '<div class="share">分享到：微信 微博</div>'
               '<footer><p>主办单位：{site}人民政府办公室 版权所有</p><p>网站标识码 0000000000</p></footer>'
               '<script>var _hmt = _hmt || []; window.onload = function () {{}};</script>')


def roughen(text: str, rng: random.Random) -> str:
    """Add the typos of real reports: a lost closing quote, a lost % sign, full-width digits.

    >>> roughen("推行“首违不罚”，下降12.5%。", random.Random(3)) != "" 
    True
    """
    if rng.random() < 0.3:
        quotes = [m.end() - 1 for m in re.finditer("“[^”“\n]{1,20}”", text)]
        if quotes:
            cut = rng.choice(quotes)
            text = text[:cut] + text[cut + 1:]
    if rng.random() < 0.3:
        rates = [m.end() - 1 for m in re.finditer(r"\d%", text)]
        if rates:
            cut = rng.choice(rates)
            text = text[:cut] + text[cut + 1:]
    if rng.random() < 0.15:
        text = text.translate(_FULL)
    return text


def _html_page(draft: Draft, rng: random.Random, charset: str) -> str:
    title, _, body = draft.text.partition("\n")
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n"))
    date = f"{draft.year + 1}-0{rng.randint(1, 3)}-{rng.randint(10, 28)}"
    site = html.escape(draft.place.label)
    return (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{html.escape(title)}_{site}'
            f'人民政府</title><meta name="PubDate" content="{date}"><link rel="stylesheet" href="/s.css">'
            f"</head><body>{_CHROME_TOP}<div class=\"article\"><h1>{html.escape(title)}</h1>"
            f'<div class="info">发布时间：{date} 来源：{site}司法局</div>\n{paras}</div>'
            f"{_CHROME_END.format(site=site)}</body></html>\n")


def write_report(out: Path, seed: int, index: int) -> Path:
    """Compose, roughen and write report `index`; returns the file written.

    >>> import tempfile
    >>> p = write_report(Path(tempfile.mkdtemp()), 1, 3)
    >>> p.suffix in (".txt", ".html") and p.stat().st_size > 3000
    True
    """
    draft = compose(seed, index)
    rng = random.Random(f"govkg-bench-file:{seed}:{index}")
    text = roughen(draft.text, rng)
    encoding = "gb18030" if rng.random() < 0.15 else "utf-8"
    if rng.random() < 0.15:
        path = out / f"r{index:06d}.html"
        page = _html_page(Draft(text, draft.place, draft.year, draft.kind), rng,
                          "gb2312" if encoding == "gb18030" else "utf-8")
        path.write_bytes(page.encode(encoding))
        return path
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    path = out / f"r{index:06d}.txt"
    path.write_bytes(text.encode(encoding))
    return path


def generate(out: str | Path, reports: int, seed: int = 0) -> list[Path]:
    """Write `reports` reports into `out` (created if needed); returns their paths.

    >>> import tempfile
    >>> len(generate(tempfile.mkdtemp(), 2, seed=5))
    2
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    return [write_report(out, seed, i) for i in range(reports)]


def main(argv: list[str] | None = None) -> int:
    """Command line: parse --reports/--seed/--out and write the corpus."""
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=0, metavar="S")
    parser.add_argument("--out", required=True, metavar="DIR")
    args = parser.parse_args(argv)
    if args.reports < 0:
        parser.error("--reports must be ≥ 0")
    paths = generate(args.out, args.reports, args.seed)
    chars = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} reports ({chars:,} bytes) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
