"""Places inside brands, slogans, honorary titles and company names (SPEC §4: not regions).

What tells a brand or a title from a place is a head noun that is not a place:

* inside a quoted phrase, after the place: “最具幸福感的中国城市” (a title ends in 城市),
  “苏州之夜”品牌; or right after the closing quote: “潮流南宁”文化IP, “X”品牌, “X”称号;
* 中国 + a few characters + a title noun, unquoted: 中国优秀旅游城市, 中国温泉之乡, 中国长寿市;
* 中国 + a numeral + a company stem: 中国一重, 中国二十冶.

A quoted phrase that is only a place or a government body (“长三角”, “广州市人民政府”) has no
such head and stays.  Brand heads written straight after a place (苏州好礼, 洛阳名宴) are proper-name
heads in ``rules.jsonl``; this module handles what needs the quote or the country word.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .tagger import Candidate

QUOTES = {"“": "”", "「": "」", "『": "』"}
MAX_QUOTE = 30
# Nouns right after a closing quote that make the quoted phrase a brand, a slogan or a title.
# A few modifiers may come first: “X”城市文化IP, “X”区域公用品牌.
_BRAND_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(IP|ip|品牌|称号|名片|系列|商标|字号|标识|口号)")
# A quoted name counted among products or listed as one: “巴林奶皮子”等10个农畜产品,
# “X香米”入选全国名特优新农产品名录 (the quoted phrase must go on after the place: “长三角”等地区 stays).
_PRODUCT_AFTER = re.compile(r"(等|入选|列入|纳入|获评|获得)[\u4e00-\u9fff\d]{0,10}?(产品|商品|特产|地理标志|名录|美食|小吃)")
# Heads that end a quoted title or brand after the place in it.
QUOTED_TITLE_HEADS = ("城市", "之城", "之乡", "之都", "之窗", "名城", "名片", "品牌", "IP", "好礼", "礼物", "有礼",
                      "名宴", "好物", "之夜", "之旅", "味道", "印象")
# 中国 + modifiers + one of these, then a break: an honorary title or an award (中国长寿之乡,
# 中国优秀旅游城市, 中国人居环境奖).
_COUNTRY_TITLE = re.compile(r"[\u4e00-\u9fff]{0,6}?(之乡|之都|名城|名镇|名村|城市|市|县|金奖|奖)"
                            r"(?=$|[，。、；：！？,.;:!?”」』）)\s]|称号|荣誉|行列|之一|名单|榜单|等称号)")
# 中国一重, 中国二重, 中国一冶, 中国十七冶, 中国一拖: numbered state companies; 中国中车, 中国中核,
# 中国中粮: 中国 + 中 + a one-character stem (中国中部, 中国中西部, 中国中小企业 are not).
_NUMBERED_COMPANY = re.compile(r"[一二三四五六七八九十]{1,3}[重冶拖汽建局院]"
                               r"|中[车铁冶化核粮建交煤船航钢材]")
COUNTRY_TITLE_WORDS = ("中国",)
# A quoted phrase ending in one of these is a place or a body, whatever follows it.
PLACE_OR_BODY_ENDS = ("省", "市", "区", "县", "州", "盟", "旗", "政府", "地区", "片区", "新区")
DIVISION_KINDS = ("直辖市", "地级市", "县级市", "省会城市", "副省级城市", "特大城市", "超大城市", "大城市", "中小城市")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of short quoted phrases, in order."""
    spans = []
    position = 0
    while True:
        found = _next_quote(text, position)
        if found < 0:
            return spans
        close = text.find(QUOTES[text[found]], found + 1, found + MAX_QUOTE + 2)
        if close < 0:
            position = found + 1
            continue
        spans.append((found, close))
        position = close + 1


def _next_quote(text: str, position: int) -> int:
    hits = [i for i in (text.find(q, position) for q in QUOTES) if i >= 0]
    return min(hits) if hits else -1


def in_brand_quote(text: str, candidate: "Candidate", spans: list[tuple[int, int]],
                   opens: list[int]) -> bool:
    """The candidate stands in a quoted brand, slogan or title (see the module's docstring);
    ``opens`` are the spans' opening offsets, for bisection."""
    index = bisect_left(opens, candidate.start) - 1
    if index < 0:
        return False
    open_, close = spans[index]
    if candidate.end > close:
        return False
    if _BRAND_AFTER.match(text, close + 1):
        return True
    rest = text[candidate.end:close]
    if rest and _PRODUCT_AFTER.match(text, close + 1) and not rest.endswith(PLACE_OR_BODY_ENDS):
        return True
    return bool(rest) and rest.endswith(QUOTED_TITLE_HEADS)


def in_country_title(text: str, candidate: "Candidate", large_starts: set[int]) -> bool:
    """中国 starting an honorary title or a numbered company's name (not 中国上海市: a province or
    a city follows, and the country is named before it; 中国温泉之乡 has a county's name in it)."""
    if text[candidate.start:candidate.end] not in COUNTRY_TITLE_WORDS or candidate.end in large_starts:
        return False
    title = _COUNTRY_TITLE.match(text, candidate.end)
    if title and "的" not in title.group() and not title.group().endswith(DIVISION_KINDS):
        return True   # not 中国的四大直辖市
    return bool(_NUMBERED_COMPANY.match(text, candidate.end))


def drop_brands(text: str, candidates: list["Candidate"]) -> list["Candidate"]:
    spans = quoted_spans(text) if any(q in text for q in QUOTES) else []
    country = [c for c in candidates if c.surface.text in COUNTRY_TITLE_WORDS]
    if not spans and not country:
        return candidates
    dropped = set()
    if country:
        large_starts = {c.start for c in candidates if c.surface.large}
        dropped.update(c.start for c in country if in_country_title(text, c, large_starts))
    if spans:
        opens = [open_ for open_, _ in spans]
        dropped.update(c.start for c in candidates if in_brand_quote(text, c, spans, opens))
    return [c for c in candidates if c.start not in dropped] if dropped else candidates
