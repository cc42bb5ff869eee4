"""The grammar's shortcuts find exactly what the full reading finds.

``QuantityGrammar.find`` reads the commonest quantities (a plain Arabic number,
a unit, at most a marker on either side: ``_read_plain``) in one pass, drops
plain numbers that nothing around can make a quantity (``_plain_without_unit``)
and sends everything else through the full reading.  The shortcuts are an
optimisation only: with them switched off every text must give the same quantities.  These tests compare
both on every example text of the repository and on token soups built to hit
the edges of the shortcut (markers, ranges, labels, thresholds, codes, signs).
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from policyie.quantities import QuantityGrammar

ROOT = Path(__file__).resolve().parents[2]

# Pieces that stand next to numbers in policy text, and pieces that make the
# full reading take another turn (each should send the shortcut away).
TOKENS = [
    "5", "12", "2023", "0.5", "13.57", "253万", "1.2万亿", "100亿", "3", "10", "99", "1,234", "７",
    "%", "个", "家", "元", "亿元", "万元", "美元", "吨", "万吨", "辆", "人", "人次", "项", "条", "成", "折", "倍",
    "年", "个月", "天", "月", "日", "千伏", "公里", "标准箱", "个百分点", "岁", "座",
    "约", "超过", "超", "近", "逾", "不到", "以上", "左右", "以下", "以内", "有余", "上", "过", "余", "多",
    "突破", "迈上", "台阶", "大关", "新", "级", "连续", "过去", "未来", "来", "第", "前", "每", "出口", "就有",
    "中有", "翻", "番", "强", "半", "分之", "-", "—", "至", "到", "/", ":", ".", "~", "负", "$", "￥", "+",
    "项目", "企业", "方面", "全会", "工程", "机组", "稳增长", "时速", "居", "全省", "大事", "“", "”",
    "C", "G", "PM", "www.", "增长", "达到", "为", "达", "投资", "营收", "，", "。", "、", " ", "\n", "一", "两", "三",
]


def _full_reading() -> QuantityGrammar:
    grammar = QuantityGrammar.default()
    grammar._read_plain = lambda *args: None        # every number the full way
    grammar._plain_without_unit = lambda *args: None
    return grammar


@pytest.fixture(scope="module")
def grammars() -> tuple[QuantityGrammar, QuantityGrammar]:
    return QuantityGrammar.default(), _full_reading()


def _example_texts() -> list[str]:
    texts = []
    for path in [ROOT / "examples" / "reports.jsonl", *sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def test_the_shortcut_is_taken(grammars):
    """Guard against a shortcut that silently never applies."""
    grammar, _ = grammars
    calls = []
    original = grammar._read_plain

    def counting(*args):
        result = original(*args)
        calls.append(result is not None)
        return result

    grammar._read_plain = counting
    try:
        grammar.find("全市增长5.2%，新增企业120家，投资约13.57万亿元，超过50%以上的项目")
    finally:
        del grammar._read_plain
    assert sum(calls) >= 3


def test_every_example_text_reads_the_same(grammars):
    shortcut, full = grammars
    for text in _example_texts():
        assert shortcut.find(text) == full.find(text), text


@pytest.mark.parametrize("seed", range(4))
def test_token_soup_reads_the_same(grammars, seed):
    shortcut, full = grammars
    rng = random.Random(seed)
    text = "".join(rng.choice(TOKENS) for _ in range(30_000))
    assert shortcut.find(text) == full.find(text)


try:
    from hypothesis import given, settings, strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(TOKENS), max_size=12))
    def test_short_soups_read_the_same(tokens):
        text = "".join(tokens)
        assert QuantityGrammar.default().find(text) == _full_reading().find(text), text


def test_plain_runs_are_whole_runs():
    """Where the scanner's plain group matches, NUMERAL_RUN matches the very same characters."""
    import re

    from policyie.quantities.numerals import NUMERAL_RUN, PLAIN_RUN_SOURCE

    plain = re.compile(PLAIN_RUN_SOURCE)
    rng = random.Random(7)
    alphabet = list("0123456789.,eE 万亿千百兆点余多几十二三瓦米克分点字节%元个") + ["百分点", "千瓦", "兆瓦", "万亿"]
    checked = 0
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))
        for position in range(len(text)):
            match = plain.match(text, position)
            if match:
                checked += 1
                assert NUMERAL_RUN.match(text, position).group() == match.group(), (text, position)
    assert checked > 10_000


def test_skipped_runs_are_those_the_full_reading_turns_away(grammars):
    """The scanner's ``skip`` group (一是, 三农) stands for runs _read_run drops at once."""
    from policyie.quantities.grammar import _SKIP
    from policyie.quantities.numerals import normalize

    grammar, _ = grammars
    rules = grammar._rules
    rng = random.Random(11)
    texts = _example_texts() + ["".join(rng.choice(TOKENS + ["是", "者", "农", "第", "翻"]) for _ in range(5_000))
                                for _ in range(4)]
    skipped = 0
    for text in texts:
        norm = normalize(text)
        for match in rules.scanner.finditer(norm):
            if match.lastindex == _SKIP:
                skipped += 1
                start, end = match.span()
                assert grammar._read_run(norm, start, end, 0, rules) == ([], end), norm[start - 3:end + 3]
    assert skipped > 200
