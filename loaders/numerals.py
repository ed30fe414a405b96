"""Number words → floats: Arabic (with thousands separators), Chinese (两千, 一万二千, 九十五点五) and
mixed (1.2万, 3万) numerals, and the 百分之/千分之 fraction forms."""
from __future__ import annotations

import re

__all__ = ["DIGITS", "MAGNITUDES", "CHINESE_NUMERAL", "ARABIC", "parse_arabic", "parse_chinese",
           "parse_number", "MULTIPLIERS"]

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
MAGNITUDES = {**_SMALL, **_BIG}
# Multipliers written after an Arabic number: 1.2万, 3千, 5亿.
MULTIPLIERS = {"千": 1000, **_BIG}

CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
# 1,234,567 only where every group after the first has exactly three digits.
ARABIC = r"\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?"
_ARABIC_FULL = re.compile(rf"(?:{ARABIC})")


def parse_arabic(token: str) -> float | None:
    """An Arabic number with optional thousands separators.

    >>> parse_arabic("1,234.5"), parse_arabic("38.6"), parse_arabic("12,34")
    (1234.5, 38.6, None)
    """
    if not _ARABIC_FULL.fullmatch(token):
        return None
    return float(token.replace(",", ""))


def _below_wan(chars: str) -> int | None:
    """Value of a numeral with no 万/亿 in it (一千二百零五 → 1205)."""
    total, digit = 0, None
    for ch in chars:
        if ch in DIGITS:
            if digit:            # two digits in a row (十四五) is a name, not a number
                return None
            digit = DIGITS[ch]
        elif ch in _SMALL:
            total += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def _integer(chars: str) -> int | None:
    if all(ch in DIGITS for ch in chars) and len(chars) > 1 and ("〇" in chars or "零" in chars):
        # 二〇二四 style: digit by digit (三四 without a zero is "three or four", not 34).
        return int("".join(str(DIGITS[ch]) for ch in chars))
    total = 0
    for big in ("亿", "万"):
        if big in chars:
            head, _, chars = chars.partition(big)
            value = _below_wan(head) if head else 1
            if value is None:
                return None
            total += value * _BIG[big]
    rest = _below_wan(chars) if chars else 0
    return None if rest is None else total + rest


def parse_chinese(token: str) -> float | None:
    """A Chinese numeral, with an optional 点 decimal part.

    >>> parse_chinese("两千"), parse_chinese("一万二千"), parse_chinese("九十五点五"), parse_chinese("十二")
    (2000.0, 12000.0, 95.5, 12.0)
    >>> parse_chinese("一百零五"), parse_chinese("三十万"), parse_chinese("大"), parse_chinese("十四五")
    (105.0, 300000.0, None, None)
    """
    whole, _, frac = token.partition("点")
    if not whole or any(ch not in DIGITS and ch not in MAGNITUDES for ch in whole):
        return None
    if frac and any(ch not in DIGITS for ch in frac):
        return None
    value = _integer(whole)
    if value is None:
        return None
    if frac:
        return float(f"{value}.{''.join(str(DIGITS[ch]) for ch in frac)}")
    return float(value)


def parse_number(token: str) -> float | None:
    """Any number word: Arabic, Chinese or mixed (Arabic followed by 千/万/亿).

    >>> parse_number("1.2万"), parse_number("3万"), parse_number("两千"), parse_number("2,289")
    (12000.0, 30000.0, 2000.0, 2289.0)
    >>> parse_number("abc") is None
    True
    """
    token = token.strip()
    if not token:
        return None
    if token[-1] in MULTIPLIERS and token[:-1] and token[0].isdigit():
        head = parse_arabic(token[:-1])
        return None if head is None else round(head * MULTIPLIERS[token[-1]], 6)
    if token[0].isdigit():
        return parse_arabic(token)
    return parse_chinese(token)
