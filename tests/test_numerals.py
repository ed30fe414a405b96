"""Chinese, Arabic and mixed numerals parse to the value a reader means; names are not numbers."""
import pytest

from loaders.numerals import parse_arabic, parse_chinese, parse_number


@pytest.mark.parametrize("token, value", [
    ("38.6", 38.6),
    ("1,234,567", 1234567),
    ("2,289", 2289),
    ("1.2万", 12000),
    ("3万", 30000),
    ("2.6亿", 260_000_000),
    ("5千", 5000),
    ("两千", 2000),
    ("十二", 12),
    ("二十", 20),
    ("一百零五", 105),
    ("一万二千", 12000),
    ("三十万", 300000),
    ("九十五点五", 95.5),
    ("二〇二四", 2024),
])
def test_number_words(token, value):
    assert parse_number(token) == pytest.approx(value)


@pytest.mark.parametrize("token", ["十四五", "大", "", "12,34", "abc", "三四"])
def test_not_numbers(token):
    assert parse_number(token) is None


def test_thousands_groups_must_have_three_digits():
    assert parse_arabic("1,2345") is None
    assert parse_arabic("12,345") == 12345


def test_chinese_decimal_part_is_digit_by_digit():
    assert parse_chinese("三点一四") == pytest.approx(3.14)
