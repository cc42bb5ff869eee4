"""Reading numerals: values are Decimal, exact, and garbage raises NumeralError."""
from __future__ import annotations

from decimal import Decimal

import pytest

from policyie.quantities import NumeralError, Reading, normalize, parse_amount, parse_numeral, read_numeral
from policyie.quantities.numerals import NUMERAL_RUN

try:
    from hypothesis import given, settings, strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test extra
    given = None


@pytest.mark.parametrize("text, value", [
    # Arabic: half- and full-width, separators, decimals, spaces before a multiplier
    ("2023", "2023"), ("１２３４", "1234"), ("1,234", "1234"), ("1，234", "1234"), ("1,050,000,000", "1050000000"),
    ("3.14", "3.14"), ("３．５", "3.5"), ("134.9 万亿", "134900000000000"), ("-3", "-3"), ("负3", "-3"),
    # Chinese
    ("零", "0"), ("十", "10"), ("十一", "11"), ("二十", "20"), ("一百零一", "101"), ("一千零一十", "1010"),
    ("两千三百", "2300"), ("三千五百万", "35000000"), ("一亿零一", "100000001"), ("四万万", "400000000"),
    ("一万三", "13000"), ("两千四百五", "2450"), ("百三", "130"), ("十万零一千", "101000"),
    ("一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一", "1111111111111111"),
    ("五兆六十二亿四万五千二", "5006200045200"),
    # 大写, 廿, 卅, digit sequences
    ("壹佰壹拾壹", "111"), ("玖仟陆佰陆拾伍", "9665"), ("廿二", "22"), ("卅五", "35"),
    ("一二三", "123"), ("二〇二三", "2023"), ("二○二三", "2023"),
    # mixed
    ("1.6万亿", "1600000000000"), ("16.4亿", "1640000000"), ("3万5千", "35000"), ("3万4000", "34000"),
    ("1万600", "10600"), ("2千零30万", "20300000"), ("200亿零四千230", "20000004230"),
    # 点 decimals
    ("三点五", "3.5"), ("零点零一", "0.01"), ("十点二三三", "10.233"), ("两千万点五五四四", "20000000.5544"),
    ("三点五万", "35000"), ("一千六点五", "1600.5"),
    # fractions and percent words: plain values
    ("三分之一", Decimal(1) / 3), ("1/7", Decimal(1) / 7), ("百分之五", "0.05"), ("千分之三", "0.003"),
    ("一半", "0.5"), ("三成", "0.3"), ("三又三分之一", Decimal(10) / 3), ("1 3/5", "1.6"),
    # approximation inside the numeral: the value without the marker
    ("500余万", "5000000"), ("一千多万", "10000000"), ("二十几万", "200000"), ("十 余 万", "100000"),
])
def test_parse_numeral(text, value):
    assert parse_numeral(text) == Decimal(value)


def test_decimals_are_exact():
    assert parse_numeral("16.4亿") == Decimal("1640000000")
    assert float(parse_numeral("16.4亿")) == 1640000000.0
    assert parse_numeral("13.57万亿") == Decimal("13570000000000")
    assert parse_numeral("0.1万") + parse_numeral("0.2万") == Decimal("3000")


@pytest.mark.parametrize("text, reading", [
    ("三分之一", Reading(Decimal(100) / 3, "%", "exact", True)),
    ("1/7", Reading(Decimal(100) / 7, "%", "exact", True)),
    ("百分之五", Reading(Decimal(5), "%")),
    ("千分之三", Reading(Decimal(3), "‰")),
    ("一半", Reading(Decimal(50), "%", "exact", True)),
    ("过半", Reading(Decimal(50), "%", "more_than", True)),
    ("三成", Reading(Decimal(30), "%", "exact", True)),
    ("七成多", Reading(Decimal(70), "%", "more_than", True)),
    ("三成半", Reading(Decimal(35), "%", "exact", True)),
    ("500余万", Reading(Decimal(5000000), "", "more_than")),
    ("30余", Reading(Decimal(30), "", "more_than")),
    ("253万", Reading(Decimal(2530000))),
])
def test_read_numeral(text, reading):
    got = read_numeral(text)
    assert (got.unit, got.approx, got.share) == (reading.unit, reading.approx, reading.share)
    assert abs(got.value - reading.value) < Decimal("1e-20")


@pytest.mark.parametrize("text", [
    "", "负", "点一", "零点", "零点点", "零点零大", "十一十二", "十七十八", "五十千", "10..1万", "10.1万零100",
    "四亿三亿", "元整", "abc", "几十", "三分之", "分之一", "1/0",
])
def test_garbage_raises(text):
    with pytest.raises(NumeralError):
        parse_numeral(text)


def test_numeral_error_is_a_value_error():
    assert issubclass(NumeralError, ValueError)


@pytest.mark.parametrize("text, value", [
    ("壹拾壹元整", "11"), ("壹佰捌拾壹圆柒角", "181.7"), ("玖仟陆佰陆拾伍圆壹角捌分", "9665.18"),
    ("五元三毛", "5.3"), ("50元6角三分", "50.63"),
])
def test_parse_amount(text, value):
    assert parse_amount(text) == Decimal(value)


def test_parse_amount_needs_a_number():
    with pytest.raises(NumeralError):
        parse_amount("元整")


def test_normalize_keeps_length_and_folds():
    text = "１２．５％，萬億，兩千—三千，二○二三"
    folded = normalize(text)
    assert len(folded) == len(text)
    assert folded == "12.5%,万亿,两千-三千,二〇二三"


@pytest.mark.parametrize("text, runs", [
    ("增长5.2%，达到13.57万亿元", ["5.2", "13.57万亿"]),
    ("新增120万千瓦", ["120万"]),          # 千 of 千瓦 is the unit's
    ("3千米", ["3"]),
    ("0.5百分点", ["0.5"]),                # 百 of 百分点 is the unit's
    ("300兆瓦", ["300"]),                  # 兆 of 兆瓦 is the unit's
    ("五兆六十二亿", ["五兆六十二亿"]),    # 兆 between numerals is a number
    ("三千 八百", ["三千 八百"]),
    ("1, 234", ["1", "234"]),              # comma and space: two numbers
    ("一点两小时", ["一", "两"]),          # no 两 after 点
    ("500余万", ["500余万"]), ("30余项", ["30"]),
])
def test_numeral_runs(text, runs):
    assert [match.group() for match in NUMERAL_RUN.finditer(normalize(text))] == runs


# ---------------------------------------------------------------------------
# Round trip: integers written out in Chinese read back to themselves.

_DIGITS = "零一二三四五六七八九"


def _four(n: int, leading: bool) -> str:
    """Write 0 < n < 10000 the way a report does (一千零五, 三百二十, 十五)."""
    out, pending_zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        written = _DIGITS[digit] + unit
        if leading and not out and value == 10 and digit == 1:
            written = "十"                       # 十五, not 一十五, at the start of a number
        out.append(written)
    return "".join(out)


def to_chinese(n: int) -> str:
    if n == 0:
        return "零"
    groups, parts = [], []
    while n:
        groups.append(n % 10000)
        n //= 10000
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            if parts and parts[-1] != "零":
                parts.append("零")
            continue
        if parts and group < 1000 and parts[-1] != "零":
            parts.append("零")
        parts.append(_four(group, leading=not parts) + ["", "万", "亿", "万亿"][index])
    return "".join(parts).rstrip("零")


@pytest.mark.parametrize("n, text", [(10, "十"), (15, "十五"), (105, "一百零五"), (1010, "一千零一十"),
                                     (10001, "一万零一"), (100000000, "一亿"), (120000, "十二万")])
def test_to_chinese_helper(n, text):
    assert to_chinese(n) == text


if given is not None:
    @settings(max_examples=300, deadline=None)
    @given(st.integers(min_value=0, max_value=10**16 - 1))
    def test_chinese_round_trip(n):
        assert parse_numeral(to_chinese(n)) == n

    @settings(max_examples=200, deadline=None)
    @given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
    def test_arabic_with_multiplier_round_trip(whole, cents):
        text = f"{whole}.{cents:02d}亿"
        assert parse_numeral(text) == Decimal(f"{whole}.{cents:02d}") * 100000000


if given is not None:
    _ALPHABET = list("0123456789.,，/ 一二两三四五六七八九十百千万亿兆零〇点几余多分之又负-成半壹拾佰廿元角分整")

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=_ALPHABET, max_size=24))
    def test_garbage_only_ever_raises_numeral_error(text):
        for reader in (parse_numeral, read_numeral, parse_amount):
            try:
                reader(text)
            except NumeralError:
                pass
