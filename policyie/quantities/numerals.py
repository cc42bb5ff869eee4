"""Reading numerals: Arabic, Chinese, 大写, mixed, decimals, fractions.

Everything is computed with :class:`decimal.Decimal` so that ``16.4亿`` is
exactly 1640000000 and never 1639999999.9999998; callers turn the result into
a float at the very end.

Two levels are offered:

* :func:`parse_numeral` gives the plain mathematical value of a numeral
  (``三分之一`` → 1/3, ``百分之五`` → 0.05, ``500余万`` → 5000000);
* :func:`read_numeral` gives the value the way an indicator states it
  (``三分之一`` → 33.33… ``%`` share, ``千分之三`` → 3 ``‰``, ``七成多`` → 70 ``%``
  more_than, ``500余万`` → 5000000 more_than).

Text is first folded with :func:`normalize`, a one-character-for-one-character
mapping (full-width forms, traditional numeral characters, dashes), so every
offset found in the folded text is an offset into the original text.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation, localcontext
from importlib import resources
from types import MappingProxyType

__all__ = [
    "NumeralError",
    "Reading",
    "normalize",
    "parse_numeral",
    "read_numeral",
    "parse_amount",
    "read_run",
    "run_reading",
    "NUMERAL_RUN",
    "RUN_START_CHARS",
    "RUN_CHARS",
    "PLAIN_RUN_SOURCE",
    "CN_DIGIT_CHARS",
    "CN_UNIT_CHARS",
]


class NumeralError(ValueError):
    """The string is not a numeral this module can read."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A numeral read as an indicator states it."""

    value: Decimal
    unit: str = ""          # "" for plain numbers, "%" or "‰" or "‱" for shares of a whole
    approx: str = "exact"   # "more_than" for 余/多/几 inside the numeral and 过半
    share: bool = False     # a fraction of a whole (三分之一, 一半, 三成)


# ---------------------------------------------------------------------------
# Folding

def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):          # full-width ASCII → ASCII
        table[code] = chr(code - 0xFEE0)
    for space in "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f":
        table[ord(space)] = " "
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63":
        table[ord(dash)] = "-"
    for circle in "\u25cb\u25ef\u3007":          # ○ ◯ used for zero in years
        table[ord(circle)] = "〇"
    for dot in "\u00b7\u30fb\u2027":             # 13·1％: a middle dot as decimal point
        table[ord(dot)] = "."
    table[ord("\u2236")] = ":"                      # ∶ (ratio sign) in 9.2∶36.7∶54.1
    # Traditional forms of numeral, unit and marker characters.  None of the
    # left-hand characters occurs in simplified text, so folding is harmless.
    pairs = (
        "萬万 億亿 兩两 倆两 貳贰 陸陆 點点 負负 幾几 個个 圓圆 "
        "噸吨 輛辆 臺台 項项 條条 戶户 畝亩 頃顷 間间 張张 隻只 場场 屆届 層层 "
        "筆笔 顆颗 種种 類类 處处 歲岁 週周 號号 裡里 裏里 鐘钟 時时 幣币 歐欧 "
        "鎊镑 韓韩 盧卢 約约 餘余 將将 過过 內内 數数 對对 雙双 門门 陣阵 強强 "
        "級级 區区 縣县 廠厂 僅仅 達达 為为 標标 準准"
    )
    for pair in pairs.split():
        table[ord(pair[0])] = pair[1]
    return table


_FOLD = _fold_table()
# str.translate looks every character up in the table (~40 ns each); the
# characters to fold are few, so a regex finds their runs and only those are
# translated (3-4x faster on report and news text alike).
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_FOLD)) + "]+")


_FOLD_ONE = {chr(code): folded for code, folded in _FOLD.items()}     # most runs are one character (，)


def _fold_run(match: re.Match) -> str:
    run = match.group()
    return _FOLD_ONE[run] if len(run) == 1 else run.translate(_FOLD)


# Full-width punctuation is most of what there is to fold in Chinese text; str.replace folds
# each of these in one C pass, which leaves the regex few runs to call back for.
_FOLD_FIRST = "，：（）；"


def normalize(text: str) -> str:
    """Fold ``text`` for reading; the result has exactly the same length."""
    for char in _FOLD_FIRST:
        if char in text:
            text = text.replace(char, _FOLD_ONE[char])
    return _FOLDABLE.sub(_fold_run, text)


# ---------------------------------------------------------------------------
# Character classes

_DIGIT_VALUES = MappingProxyType({
    "零": 0, "〇": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "两": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
})
# 廿 and 卅 are a digit and 十 in one character.
_TENS_VALUES = MappingProxyType({"廿": 2, "卅": 3})
_SMALL_UNITS = MappingProxyType({"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000})


def _load_multipliers() -> MappingProxyType:
    path = resources.files("policyie.quantities") / "data" / "multipliers.jsonl"
    found = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            record = json.loads(line)
            if record.get("type") == "multiplier":
                found[record["text"]] = int(Decimal(record["factor"]))
    return MappingProxyType(found)


_BIG_UNITS = _load_multipliers()          # 万 亿 兆

CN_DIGIT_CHARS = "".join(_DIGIT_VALUES) + "".join(_TENS_VALUES)
CN_UNIT_CHARS = "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)
_FRACTION_DIGITS = "零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖0-9"   # after 点: no 两 (一点两小时)

# ---------------------------------------------------------------------------
# The scanner: one run of numeral characters.
#
# A run is a sequence of Arabic numbers and Chinese numeral elements.  Spaces
# may separate Chinese elements (三千 八百) and come before a multiplier
# (134.9 万亿), never between two Arabic numbers (1, 234 are two numbers).
# Lookaheads keep unit prefixes out of the run: 千 of 千瓦/千米/千克, 百 of
# 百分点, 兆 unless another numeral follows (兆瓦 is megawatt).

_ARABIC = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
    r"(?:[eE][-+]?[0-9]{1,2}(?![0-9A-Za-z]))?"
    r"|(?<![0-9.])\.[0-9]+"
)
_CN_START = (
    r"[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖幺廿卅十拾佰仟万亿]"
    r"|百(?!分点)|千(?![瓦米克伏卡帕焦])"
    r"|兆(?= *[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟0-9])"
)
# Every character a run can start with (for a quick skip of the others).
RUN_START_CHARS = "0123456789.零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖幺廿卅十拾佰仟万亿百千兆"
_CN_INNER = (
    _CN_START
    + rf"|点(?= *[{_FRACTION_DIGITS}])"
    + r"|[余多](?= *[万亿])"
    + r"|(?<=[十拾百佰千仟万亿零]) *几"
)
_CN_RUN_CHARS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖幺廿卅十拾百佰千仟万亿兆点余多几"
# Every character a run may hold (a superset, for lookaheads that keep out what could go on a run).
RUN_CHARS = "0123456789.,eE+- " + _CN_RUN_CHARS
_RUN_SOURCE = (
    rf"(?:{_ARABIC}|{_CN_START})"
    rf"(?:{_ARABIC}|{_CN_INNER}"
    rf"|(?<=[{_CN_RUN_CHARS}]) +(?:{_CN_INNER})"      # 三千 八百, 十 余 万
    rf"|(?<=[十拾百佰千仟万亿]) +(?:{_ARABIC})"        # 7万 5千
    rf"| +(?:[万亿十拾百佰千仟]))*"                    # 134.9 万亿
)
NUMERAL_RUN = re.compile(_RUN_SOURCE)
# The commonest run, a plain Arabic number with 万/亿 after it (5.2, 253万, 13.57万亿), as the
# whole run: the lookahead refuses anything NUMERAL_RUN could go on with (and a little more:
# a dot, a space, 点, 几), so where this matches NUMERAL_RUN matches exactly the same
# characters.  What it lets through NUMERAL_RUN keeps out too: 千瓦, 百分点, 兆瓦, 30余家, 10EFlops.
PLAIN_RUN_SOURCE = (
    rf"[0-9]+(?:\.[0-9]+)?[万亿]*"
    rf"(?![0-9., {_CN_RUN_CHARS.replace('百', '').replace('千', '').replace('兆', '').replace('余', '').replace('多', '')}]"
    r"|[eE][-+]?[0-9]{1,2}(?![0-9A-Za-z])"
    r"|[余多](?= *[万亿])"
    r"|百(?!分点)|千(?![瓦米克伏卡帕焦])"
    r"|兆(?= *[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟0-9]))"
)

# ---------------------------------------------------------------------------
# Plain numbers

_ARABIC_LITERAL = re.compile(r"(?:[0-9]+(?:,[0-9]{3})*)?(?:\.[0-9]+)?(?:[eE][-+]?[0-9]{1,2}(?![0-9]))?")


@dataclass(slots=True)
class _Token:
    kind: str            # "num", "small", "big", "zero", "point", "vague"
    value: Decimal = Decimal(0)
    single_digit: bool = False


def _arabic_token(text: str, position: int) -> tuple[_Token, int]:
    """The Arabic number (or lone decimal point) at ``position`` and where it ends."""
    literal = _ARABIC_LITERAL.match(text, position).group()
    if not literal or literal == ".":
        if text[position] == ".":
            return _Token("point"), position + 1
        raise NumeralError(f"cannot read {text!r}")
    try:
        value = Decimal(literal.replace(",", ""))
    except InvalidOperation as error:
        raise NumeralError(f"cannot read {literal!r}") from error
    return _Token("num", value, len(literal) == 1), position + len(literal)


def _chinese_tokens(char: str, text: str) -> tuple[_Token, ...]:
    """The token(s) of one Chinese numeral character (廿 is two: 2 and 十)."""
    if char in _DIGIT_VALUES:
        digit = _DIGIT_VALUES[char]
        return (_Token("zero"),) if digit == 0 else (_Token("num", Decimal(digit), True),)
    if char in _TENS_VALUES:
        return _Token("num", Decimal(_TENS_VALUES[char]), True), _Token("small", Decimal(10))
    if char in _SMALL_UNITS:
        return (_Token("small", Decimal(_SMALL_UNITS[char])),)
    if char in _BIG_UNITS:
        return (_Token("big", Decimal(_BIG_UNITS[char])),)
    if char == "点":
        return (_Token("point"),)
    if char == "几":
        return (_Token("vague"),)
    raise NumeralError(f"unexpected character {char!r} in {text!r}")


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        if text[position] in "0123456789.":
            token, position = _arabic_token(text, position)
            tokens.append(token)
        else:
            tokens.extend(_chinese_tokens(text[position], text))
            position += 1
    return tokens


def _digit_sequence(tokens: list[_Token], text: str) -> Decimal:
    """一二三 → 123, 二〇〇二 → 2002, 一七二零点一 → 1720.1 (digits read one by one)."""
    digits = []
    seen_point = False
    for token in tokens:
        if token.kind == "zero":
            digits.append("0")
        elif token.kind == "num" and token.single_digit:
            digits.append(str(token.value))
        elif token.kind == "point" and not seen_point:
            seen_point = True
            digits.append(".")
        else:
            raise NumeralError(f"cannot read {text!r} as a digit sequence")
    literal = "".join(digits)
    if not literal or literal.startswith(".") or literal.endswith("."):
        raise NumeralError(f"cannot read {text!r}")
    return Decimal(literal)


def _positional(tokens: list[_Token], text: str) -> Decimal:
    """Read numerals with units: 一千零一, 四千万零六千, 3万4000, 16.4亿, 一万三."""
    terms: list[tuple[Decimal, Decimal]] = []   # (value, scale) of finished 万/亿 groups
    section = Decimal(0)                        # value below the current 万/亿 group
    number: Decimal | None = None               # digit waiting for its unit
    number_single = False
    last_small: Decimal | None = None           # 十/百/千 must fall within a group
    previous_unit: Decimal | None = None        # unit right before a trailing digit
    after_zero = False
    closed = False                              # 10.1万 says all its digits: nothing may follow
    for token in tokens:
        kind = token.kind
        if closed and kind != "big":
            raise NumeralError(f"{text!r} continues after a decimal with a multiplier")
        if kind == "num":
            if number is not None:
                raise NumeralError(f"two numbers in a row in {text!r}")
            number, number_single = token.value, token.single_digit
            continue
        if kind == "zero":
            if number is not None:
                raise NumeralError(f"零 after a digit in {text!r}")
            after_zero = True
            previous_unit = None
            continue
        if kind == "vague":                      # 二十几: the 几 adds an unknown digit
            if number is not None:
                raise NumeralError(f"几 after a digit in {text!r}")
            number, number_single = Decimal(0), False
            continue
        if kind == "small":
            if last_small is not None and token.value >= last_small:
                raise NumeralError(f"units out of order in {text!r}")
            section += (number if number is not None else 1) * token.value
            last_small = token.value
        elif kind == "big":
            if number is None and section == 0 and not after_zero:
                if terms:                        # 万万, 万亿: the unit scales the last group
                    value, scale = terms.pop()
                    terms.append((value * token.value, scale * token.value))
                else:                            # a bare 万 or 亿 means one of it
                    terms.append((token.value, token.value))
            else:
                group = section + (number if number is not None else 0)
                while terms and terms[-1][1] < token.value:
                    group += terms.pop()[0]
                if terms and terms[-1][1] == token.value:
                    raise NumeralError(f"{text!r} repeats a unit")
                terms.append((group * token.value, token.value))
                closed = group != group.to_integral_value()
            section = Decimal(0)
            last_small = None
        else:
            raise NumeralError(f"cannot read {text!r}")
        number = None
        after_zero = False
        previous_unit = token.value
    total = sum((value for value, _ in terms), Decimal(0)) + section
    if number is not None:
        if number_single and previous_unit is not None and previous_unit >= 100:
            # 一万三 = 13000, 两千四百五 = 2450: a lone digit right after a unit
            # counts in the next lower place.
            number *= previous_unit / 10
        total += number
    return total


def _has_units(tokens: list[_Token]) -> bool:
    return any(token.kind in ("small", "big") for token in tokens)


def _plain(text: str) -> Decimal:
    """An unsigned numeral without fractions or approximation markers."""
    if not text:
        raise NumeralError("empty numeral")
    tokens = _tokenize(text)
    if not tokens:
        raise NumeralError(f"cannot read {text!r}")
    points = [index for index, token in enumerate(tokens) if token.kind == "point"]
    if not _has_units(tokens):
        if not points and len(tokens) == 1 and tokens[0].kind == "num":
            return tokens[0].value
        if any(token.kind == "vague" for token in tokens):
            raise NumeralError(f"cannot read {text!r}")
        return _digit_sequence(tokens, text)
    if len(points) > 1:
        raise NumeralError(f"two decimal points in {text!r}")
    if not points:
        return _positional(tokens, text)
    # 三点五万 = 3.5 × 10⁴; 两千万点五五 = 20000000.55: the digits after 点 are
    # the fraction, multipliers after them scale the whole number.
    index = points[0]
    head, tail = tokens[:index], tokens[index + 1:]
    if not head:
        raise NumeralError(f"{text!r} starts with a decimal point")
    fraction_digits = []
    position = 0
    while position < len(tail) and tail[position].kind in ("num", "zero"):
        token = tail[position]
        if token.kind == "num" and not token.single_digit and token.value != token.value.to_integral():
            raise NumeralError(f"cannot read {text!r}")
        fraction_digits.append("0" if token.kind == "zero" else str(token.value))
        position += 1
    if not fraction_digits:
        raise NumeralError(f"nothing after the decimal point in {text!r}")
    scale = Decimal(1)
    for token in tail[position:]:
        if token.kind != "big":
            raise NumeralError(f"cannot read {text!r}")
        scale *= token.value
    if scale != 1 and any(token.kind == "big" for token in head):
        raise NumeralError(f"{text!r} has multipliers on both sides of the point")
    whole = _positional(head, text) if _has_units(head) else _digit_sequence(head, text)
    return (whole + Decimal("0." + "".join(fraction_digits))) * scale


_SIGNS = ("负", "-", "+")


def _signed(text: str) -> Decimal:
    sign = 1
    if text.startswith(_SIGNS):
        sign = -1 if text[0] != "+" else 1
        text = text[1:]
    return sign * _plain(text)


# ---------------------------------------------------------------------------
# Fractions, approximation markers and words

_PERCENT_WORDS = MappingProxyType({
    "百": ("%", 100), "佰": ("%", 100), "千": ("‰", 1000), "仟": ("‰", 1000), "万": ("‱", 10000),
})
_APPROX_INSIDE = re.compile(r"[余多几]")
_MIXED_ARABIC = re.compile(r"^([-+]?[0-9]+) +([0-9]+)/([0-9]+)$")
_SIMPLE_ARABIC_FRACTION = re.compile(r"^([-+]?[0-9]+(?:\.[0-9]+)?)/([0-9]+(?:\.[0-9]+)?)$")


def _compact(text: str) -> str:
    folded = normalize(text).strip()
    if not folded:
        raise NumeralError("empty numeral")
    return folded


def _strip_approx(text: str) -> tuple[str, str]:
    """Remove 余/多 (500余万, 一千多, 30余) and report them as more_than."""
    if not _APPROX_INSIDE.search(text):
        return text, "exact"
    stripped = text.replace("余", "").replace("多", "")
    if not stripped:
        raise NumeralError(f"cannot read {text!r}")
    if stripped.startswith("几"):
        raise NumeralError(f"{text!r} is too vague to read")
    return stripped, "more_than"


def _divide(numerator: Decimal, denominator: Decimal, text: str) -> Decimal:
    if denominator == 0:
        raise NumeralError(f"division by zero in {text!r}")
    with localcontext() as context:
        context.prec = 28
        return numerator / denominator


def _fraction(text: str) -> tuple[Decimal, str, bool] | None:
    """A/B, A B/C, A分之B, X又A分之B → (value, percent unit or "", is a share) or None.

    A bare fraction is a share of a whole; a mixed number (X又A分之B) is not.
    """
    mixed = _MIXED_ARABIC.match(text)
    if mixed:
        whole, numerator, denominator = (Decimal(group) for group in mixed.groups())
        part = _divide(numerator, denominator, text)
        return (whole - part if whole < 0 else whole + part), "", False
    compact = text.replace(" ", "")
    simple = _SIMPLE_ARABIC_FRACTION.match(compact)
    if simple:
        return _divide(Decimal(simple.group(1)), Decimal(simple.group(2)), text), "", True
    if "分之" not in compact:
        return None
    if "又" in compact:
        whole_text, rest = compact.split("又", 1)
        whole = _signed(whole_text)
        fraction = _fraction(rest)
        if fraction is None or fraction[1]:
            raise NumeralError(f"cannot read {text!r}")
        part = fraction[0]
        return (whole - part if whole < 0 else whole + part), "", False
    denominator_text, numerator_text = compact.split("分之", 1)
    if not numerator_text:
        raise NumeralError(f"{text!r} has no numerator")
    if denominator_text in _PERCENT_WORDS:
        unit, _ = _PERCENT_WORDS[denominator_text]
        return _signed(numerator_text), unit, False
    return _divide(_signed(numerator_text), _signed(denominator_text), text), "", True


def parse_numeral(text: str) -> Decimal:
    """The plain value of a numeral.

    >>> parse_numeral("16.4亿")
    Decimal('1640000000.0')
    >>> parse_numeral("三千五百万"), parse_numeral("3万5千"), parse_numeral("三点五")
    (Decimal('35000000'), Decimal('35000'), Decimal('3.5'))
    >>> parse_numeral("百分之五")
    Decimal('0.05')
    """
    reading = _read(text)
    value = reading.value
    if reading.unit in _UNIT_SCALE:
        value = _divide(value, _UNIT_SCALE[reading.unit], text)
    return value


_UNIT_SCALE = MappingProxyType({"%": Decimal(100), "‰": Decimal(1000), "‱": Decimal(10000)})

# Words that are shares of a whole.
_SHARE_WORDS = MappingProxyType({
    "一半": ("50", "exact"), "半数": ("50", "exact"), "过半": ("50", "more_than"),
    "过半数": ("50", "more_than"), "大半": ("50", "more_than"), "多半": ("50", "more_than"),
})


@lru_cache(maxsize=4096)
def read_numeral(text: str) -> Reading:
    """A numeral read as an indicator states it (cached: the result is immutable).

    >>> read_numeral("三分之一").value.quantize(Decimal("0.001")), read_numeral("三分之一").unit
    (Decimal('33.333'), '%')
    >>> read_numeral("七成多")
    Reading(value=Decimal('70'), unit='%', approx='more_than', share=True)
    """
    reading = _read(text)
    if reading.unit == "" and reading.share:
        return Reading(reading.value * 100, "%", reading.approx, True)
    return reading


def _read(text: str) -> Reading:
    """Like read_numeral, but plain fractions keep their plain value (unit "")."""
    compact = _compact(text)
    if compact in _SHARE_WORDS:
        value, approx = _SHARE_WORDS[compact]
        return Reading(Decimal(value), "%", approx, True)
    if compact.rstrip("多余半").endswith("成"):
        return _read_tenths(compact)
    compact, approx = _strip_approx(compact)
    fraction = _fraction(compact)
    if fraction is not None:
        value, unit, share = fraction
        return Reading(value, unit, approx, share)
    return Reading(_signed(compact.replace(" ", "")), "", approx)


def _read_tenths(text: str) -> Reading:
    """三成 → 30 %, 七成多 → 70 % more_than, 三成半 → 35 %."""
    head, _, tail = text.partition("成")
    if not head or tail not in ("", "多", "余", "半"):
        raise NumeralError(f"cannot read {text!r}")
    value = _plain(head.replace(" ", "")) * 10
    if tail == "半":
        value += 5
    approx = "more_than" if tail in ("多", "余") else "exact"
    return Reading(value, "%", approx, True)


# ---------------------------------------------------------------------------
# Money amounts written in full (支票 style)

_AMOUNT = re.compile(
    r"^(?P<yuan>[^元圆角毛分]+)[元圆](?:(?P<jiao>[^元圆角毛分]+)[角毛])?(?:(?P<fen>[^元圆角毛分]+)分)?(?:[整正])?$"
)


def parse_amount(text: str) -> Decimal:
    """A money amount with 元/圆, 角 and 分: 壹佰捌拾壹圆柒角 → 181.7, 五元三毛 → 5.3."""
    compact = _compact(text).replace(" ", "")
    match = _AMOUNT.match(compact)
    if not match:
        raise NumeralError(f"cannot read {text!r} as an amount of money")
    value = _signed(match.group("yuan"))
    if match.group("jiao"):
        value += _plain(match.group("jiao")) / 10
    if match.group("fen"):
        value += _plain(match.group("fen")) / 100
    return value


# ---------------------------------------------------------------------------
# Runs found by NUMERAL_RUN

def read_run(run: str) -> tuple[Decimal, str]:
    """Value and approximation of a run matched by :data:`NUMERAL_RUN` in folded text."""
    reading = run_reading(run)
    if reading is None:
        raise NumeralError(f"cannot read {run!r}")
    return reading


@lru_cache(maxsize=4096)
def run_reading(run: str) -> tuple[Decimal, str] | None:
    """Like :func:`read_run`, but None for a run that does not read (百千万, 二三十).

    Runs repeat a lot in real text (2023, 5, 10, and 百千万 in every mention of a
    programme), hence the cache, which keeps the failures too; the results are
    immutable.
    """
    if _PLAIN_ARABIC.fullmatch(run):                 # the common case: 2023, 5.2, 1,234
        return Decimal(run.replace(",", "")), "exact"
    try:
        compact, approx = _strip_approx(run.replace(" ", ""))
        return _plain(compact), approx
    except NumeralError:
        return None


_PLAIN_ARABIC = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")
