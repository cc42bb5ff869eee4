"""Finding industry terms in policy text (SPEC sections 1 and 4).

One pass of :class:`~policyie.industries.scanning.PairIndex` finds every
lexicon string, every non-term string and the marker words the rules look
for (name suffixes, goods cues); then context rules, each looking only at the
characters around a hit (the word lists live in ``data/grammar.json``):

1. **Selection** — hits inside a non-term (战略性新兴产业, 文化工作, 中国石化)
   are dropped; of overlapping hits the longest wins (深化|工业互联网, not
   化工); one-character terms (铝, 铜) come from one regex that wants a
   coordinator or a cue verb before them and a head or coordinator after.
2. **Boundaries** — spans never include generic heads (产业, 行业, 产业链,
   领域, 赛道, 制造业, 产品, 核心产业, a bare 业): the lexicon holds heads-free
   names, and ``X制造业`` shrinks to ``X`` when ``X`` is a term (电子信息制造业 →
   电子信息; 装备制造业 keeps 装备制造).  Grade modifiers join the term after
   them (高端纺织, 原创新药), domain and type words make compounds (智慧文旅,
   商业运载火箭), and a head 经济 stays (旅游经济), as does a specific head
   (储能装备制造, 超高清视频显示) or 制造 (汽车制造; 电动汽车制造 named
   新能源汽车制造).
3. **Coordination** — members joined by 、/和/与/及 are separate records; a
   word that is no industry alone (文化, 数据, 铝) counts before a strong head
   (数据产业), before a figure (电力总装机) or one of its own heads (风光大省),
   or standing alone in a chain that has a head or an industry member
   (文化、旅游等产业, 铝及铝加工); field names written together are members
   too (深海深地空天); a shared head is distributed (新能源和智能网联汽车 →
   新能源 named 新能源汽车; 汽车及零部件 → 零部件 named 汽车零部件; 集成电路
   设计、制造 → 制造 named 集成电路制造).
4. **Exclusions** — no records inside names of companies, parks, bases, zones,
   centres, organisations and events (a name suffix such as 产业园, 试验区,
   公司 follows within a few name-like characters, or follows the closing
   quote of a quoted term) but records inside titles of plans and pilots
   (行动计划, 方案, 试点 come first) and before kinds of facilities (3个新能源
   基地, 省级化工园区); no records for goods in export, import and trade-in
   clauses, for goods made, bought or consumed (能造汽车, 汽车消费) or carrying
   a designation (大飞机C919, 长征五号运载火箭); none for activities (物流运输,
   物流成本), lists of application scenarios (物流、巡检等场景) or a company's
   short name before a firm's verb (华晶新材料签约); none in the caller's ``excluded``.
5. **Discovery** — list and cue patterns (``A、B等未来产业``, ``A、B等电子信息
   产业``, ``发展X产业``, ``开辟X新赛道``, ``发展X经济``) propose terms the
   lexicon lacks, with ``source="pattern"`` and a confidence below 1.
"""
from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple, Optional, Sequence

import re

import numpy as np
import regex

from policyie.industries.lexicon import Term, parse_term, read_grammar, read_lexicon, read_nonterms
from policyie.industries.scanning import BMP, PairIndex, code_points, leftmost_longest_starts, short

BoundaryCheck = Callable[[int], bool]
Span = tuple[int, int]
Candidate = tuple[int, int, tuple[str, ...], float]  # start, end, tiers from the cue, confidence
OTHER_SECTOR = "其他"
ECONOMY = "经济"
# Kinds of names in the scan, by their place in its result: terms (a Term payload), non-terms that
# block hits inside them, and the marker words of the rules, whose positions the rules need.
KINDS = ("term", "block", "suffix", "goods", "scenario", "verb")
TERM, BLOCK, SUFFIX, GOODS_CUE, SCENARIO, VERB_CUE = range(len(KINDS))


@dataclass(frozen=True, slots=True)
class IndustryMatch:
    """One industry mention: ``text == input[start:end]``."""

    start: int
    end: int
    text: str
    name: str
    sector: str
    category: Optional[str]
    tiers: tuple[str, ...]
    source: str  # "lexicon" | "pattern" | "rule_pack"
    confidence: float


_DIGITS = regex.compile(r"[0-9０-９]")


class _Mention(NamedTuple):
    """A mention while the rules work on it (``term`` gives sector, category and tiers)."""

    start: int
    end: int
    term: Term
    name: str
    source: str
    confidence: float
    tiers: tuple[str, ...]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that longer words win."""
    return "|".join(regex.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Rules:
    """The context rules, compiled once from grammar.json (immutable, shared by all taggers)."""

    strong_head_after: regex.Pattern     # a head that makes 数据, 文化, 医药 industries follows
    single_char_head_after: regex.Pattern
    single_char_left: str                # lookbehind alternatives for one-character terms
    continuation_after: regex.Pattern    # what may follow a short term inside one segmenter word
    free_left: regex.Pattern
    free_right: regex.Pattern
    growth_verb_before: regex.Pattern    # 做大, 做强 right before a word needing a head: an industry (做强肉羊)
    economy_head: regex.Pattern
    figure_head_after: regex.Pattern     # 装机, 增加值 …: the word names the industry of a figure
    modifiers: frozenset[str]
    modifier_lengths: tuple[int, ...]
    modifier_ends: frozenset[str]        # last characters of modifiers and domain words (a quick filter)
    domain_prefixes: frozenset[str]
    series_words: frozenset[str]         # 深海, 深地, 空天: written together as a coordination
    specific_head_after: regex.Pattern   # 装备制造, 装备, 显示 after a term: a longer industry
    specific_head_starts: frozenset[str]  # their first characters (a quick filter)
    bare_specific_heads: frozenset[str]  # 制造: also after a word needing a head (电子制造)
    product_grades: tuple[str, ...]      # 电子级, 电池级 before a term: a product of that grade
    product_measures: frozenset[str]     # 辆, 台 after a count before a term: units of a product
    product_counts: frozenset[str]       # the digits and numerals (and 首) of such a count
    activity_after: regex.Pattern        # 运输, 成本 after a term: an activity or its price (物流运输)
    scenario_after: regex.Pattern        # …、巡检等场景 after a chain: application scenarios
    scenario_heads: tuple[str, ...]
    firm_after: regex.Pattern            # 落户, 签约, 投产 after a term: a company's short name ends there
    other_use_starts: frozenset[str]     # first characters of activity words and firm verbs
    word_completions: Mapping[str, str]  # 药 + 品: the term ends inside the word 药品
    coordinators: frozenset[str]
    merging_coordinators: frozenset[str]
    shared_heads: tuple[str, ...]
    coordinator_after: regex.Pattern
    coordinator_starts: frozenset[str]   # their first characters (a quick filter)
    coordinator_ends: frozenset[str]     # their last characters (a quick filter)
    coordinators_longest_first: tuple[str, ...]
    coordinator_extensions: Mapping[str, tuple[str, ...]]  # 、 → (、以及,): longer coordinators that begin alike
    suffix_words: tuple[str, ...]        # name and title suffixes: their starts are found by the scan
    name_after: regex.Pattern            # group "name": inside a proper name; group "title": a plan title
    name_reach: int
    attached_chars: frozenset[str]       # one-character name suffixes (物流园, 旅游局)
    kind_before: regex.Pattern           # a count, grade or description before a kind of facility
    kind_suffixes: tuple[str, ...]       # suffixes of places and firms that come in kinds (园区, 基地)
    quotes: tuple[str, str, int]         # opening marks, closing marks, how far a quote may reach
    quoted_name_after: regex.Pattern     # “…”项目: a quoted name
    char_classes: np.ndarray             # code point → CLAUSE_BREAK, CLOSING_QUOTE or 0
    goods_cues: tuple[str, ...]          # found by the scan
    goods_cues_longest_first: tuple[str, ...]
    goods_context: regex.Pattern         # before a chain: 能造, 购买 …; used with search over its end
    goods_after: regex.Pattern           # after a chain: 消费, 等大宗商品消费
    goods_verb_ends: frozenset[str]      # last characters of the verbs, first ones of the words after
    goods_after_starts: frozenset[str]   # (quick filters)
    product_after: regex.Pattern         # a model code or a craft's quoted name: C919, “…号”
    product_before: regex.Pattern        # a designation: 长征五号, 天龙三号遥一, C919
    clause_breaks: str
    project_list_after: regex.Pattern    # 、Y等20个亿元以上项目 after a member: a list of projects
    project_firm_after: regex.Pattern    # 项目已投产 right after a term: one firm's project
    list_tail: regex.Pattern             # 、烟叶、蚕桑等 after a member: more members up to 等
    not_a_name_before: regex.Pattern     # a verb, scope word, count or coordinator before a term
    chain_qualifiers: frozenset[str]     # 特色 after 、 before a member: the chain goes on (、特色医药)
    nonterm_lookalikes: frozenset[str]   # 其中: a non-term after its first character (其|中石化) blocks nothing
    discovery: "_DiscoveryRules"

    @classmethod
    def from_grammar(cls, g: Mapping) -> "_Rules":
        bare = rf"{regex.escape(g['bare_head'])}(?![{regex.escape(''.join(g['bare_head_not_before']))}])"
        heads = rf"(?:{_alternation(g['generic_heads'])}|{bare})"
        strong = rf"(?:{_alternation(g['strong_heads'])}|{bare})"
        coordinators = _alternation(g["coordinators"])
        economy_guard = _alternation(g["economy_not_before"])
        return cls(
            strong_head_after=regex.compile(strong),
            single_char_head_after=regex.compile(rf"(?:{strong}|{_alternation(g['single_char_heads'])})"),
            single_char_left="|".join(regex.escape(word) for word in g["single_char_left"]),
            # 电力装|机, 新能源装|机: segmenters often glue the first character of a figure to the term
            continuation_after=regex.compile(
                rf"(?:{heads}|{coordinators}|等|{ECONOMY}|{_alternation(g['figure_heads'])})"),
            free_left=regex.compile(rf"(?:^|[^\p{{Han}}]|{_alternation(g['free_left'])})$"),
            free_right=regex.compile(rf"(?:{heads}|{coordinators}|{_alternation(g['free_right'])}|[^\p{{Han}}]|$)"),
            growth_verb_before=regex.compile(rf"(?:{_alternation(g['growth_verbs_before'])})$"),
            economy_head=regex.compile(rf"{ECONOMY}(?!{economy_guard})"),
            figure_head_after=regex.compile(_alternation(g["figure_heads"])),
            modifiers=frozenset(g["modifiers"]),
            modifier_lengths=tuple(sorted({len(word) for word in g["modifiers"]}, reverse=True)),
            modifier_ends=frozenset(word[-1] for word in list(g["modifiers"]) + list(g["domain_prefixes"])),
            domain_prefixes=frozenset(g["domain_prefixes"]),
            series_words=frozenset(g["series_words"]),
            specific_head_after=regex.compile("|".join(
                regex.escape(head) + (f"(?![{regex.escape(blocked)}])" if blocked else "")
                for head, blocked in sorted(g["specific_heads"].items(), key=lambda item: -len(item[0])))),
            specific_head_starts=frozenset(head[0] for head in g["specific_heads"]),
            bare_specific_heads=frozenset(g["bare_specific_heads"]),
            activity_after=regex.compile(_alternation(g["activity_after"])),
            product_grades=tuple(g["product_grades"]),
            product_measures=frozenset(g["product_units"]["measures"]),
            product_counts=frozenset(g["product_units"]["counts"]),
            # the chain's last member (maybe completed: 物流配送), then maybe more members the lexicon
            # does not know, then 等…场景 or 等领域 + a verb phrase + 场景 (等领域打造一批示范应用场景)
            scenario_after=regex.compile(
                rf"(?:(?![{regex.escape(g['discovery']['reject_chars'])}])\p{{Han}}){{0,3}}?"
                rf"(?:(?:{coordinators})\p{{Han}}{{1,6}}?)*?等(?:\p{{Han}}{{0,4}}?|领域\p{{Han}}{{0,10}}?)"
                rf"(?:{_alternation(g['scenario_heads'])})"),
            scenario_heads=tuple(g["scenario_heads"]),
            firm_after=regex.compile(
                rf"(?:{_alternation(g['firm_verbs_after'])})(?![{regex.escape(g['firm_verbs_not_before'])}])"
                rf"|(?:{_alternation(g['firm_verbs_before_amount'])})(?=[0-9０-９一二三四五六七八九十两])"),
            other_use_starts=frozenset(word[0] for word in list(g["activity_after"]) + list(g["firm_verbs_after"])
                                       + list(g["firm_verbs_before_amount"])),
            word_completions=MappingProxyType(dict(g["word_completions"])),
            coordinators=frozenset(g["coordinators"]),
            merging_coordinators=frozenset(c for c in g["coordinators"] if "、" not in c),
            shared_heads=tuple(g["shared_heads"]),
            coordinator_after=regex.compile(coordinators),
            coordinator_starts=frozenset(word[0] for word in g["coordinators"]),
            coordinator_ends=frozenset(word[-1] for word in g["coordinators"]),
            coordinators_longest_first=tuple(sorted(g["coordinators"], key=len, reverse=True)),
            coordinator_extensions=MappingProxyType({word: tuple(other for other in g["coordinators"]
                                                                 if other != word and other.startswith(word))
                                                     for word in g["coordinators"]}),
            suffix_words=tuple(dict.fromkeys(list(g["name_suffixes"]) + list(g["title_suffixes"]))),
            attached_chars=frozenset(g["attached_name_suffixes"]),
            name_after=regex.compile(_name_after_pattern(g)),
            name_reach=int(g["name_filler_max"]),
            kind_before=regex.compile(_kind_before_pattern(g["kind_before"])),
            kind_suffixes=tuple(g["kind_before"]["suffixes"]),
            quotes=(g["quotes"]["open"], g["quotes"]["close"], int(g["quotes"]["reach"])),
            quoted_name_after=regex.compile(_alternation(g["quoted_name_suffixes"])),
            char_classes=_char_classes(g["clause_breaks"], g["quotes"]["close"]),
            goods_cues=tuple(g["goods_cues"]),
            goods_cues_longest_first=tuple(sorted(g["goods_cues"], key=len, reverse=True)),
            goods_context=regex.compile(rf"(?:{_alternation(g['goods_verbs_before'])})$"),
            # 汽车消费, and after a list: 汽车、家电等大宗商品消费
            goods_after=regex.compile(rf"(?:等\p{{Han}}{{0,4}}?)?(?:{_alternation(g['goods_after'])})"),
            goods_verb_ends=frozenset([word[-1] for word in g["goods_verbs_before"]] + ["\n"]),  # $ before \n
            goods_after_starts=frozenset(["等"] + [word[0] for word in g["goods_after"]]),
            product_after=regex.compile(rf"\s?(?:{g['product_code']}|{g['quoted_product_name']})"),
            product_before=regex.compile(rf"(?:{g['designation_before']}|{g['product_code']})\s?$"),
            clause_breaks=g["clause_breaks"],
            nonterm_lookalikes=frozenset(g["nonterm_lookalikes"]),
            list_tail=regex.compile(rf"(?:(?:{coordinators})[\p{{Han}}A-Za-z0-9]{{1,8}}?)+?(?=等)"),
            project_list_after=regex.compile(
                rf"[^\s\p{{P}}\p{{S}}]{{0,3}}?(?:(?:{coordinators})[^\s\p{{P}}\p{{S}}]{{1,10}}?)*?"
                rf"等[^\s\p{{P}}\p{{S}}的]{{0,12}}?项目"),  # not 等新的项目 (items of a product range)
            project_firm_after=regex.compile(
                rf"项目(?:{_alternation(g['project_firm_adverbs'])})?(?:{_alternation(g['firm_verbs_after'])})"),
            not_a_name_before=regex.compile(
                rf"(?:^|[^\p{{Han}}]|[{regex.escape(g['discovery']['reject_chars'])}]"
                rf"|{_alternation(list(g['free_left']) + list(g['discovery']['strip_prefixes']) + list(g['project_verbs']))}"
                rf"|{_kind_before_pattern(g['kind_before']).removesuffix('$')})$"),
            chain_qualifiers=frozenset(word for word in g["chain_qualifiers"] if len(word) == 2),
            discovery=_DiscoveryRules.from_grammar(g["discovery"], heads, coordinators, economy_guard,
                                                   g["generic_heads"], g["bare_head"]),
        )


CLAUSE_BREAK, CLOSING_QUOTE = 1, 2
COUNT_CHARS = frozenset("一二三四五六七八九十两0123456789“「")  # first characters of a count cue (六个重点产业)
COUNT_PREFIX = regex.compile(r"[0-9一二三四五六七八九十两百千]+[个条大项家类批种]")  # a count before a noun


def _char_classes(breaks: str, closing_quotes: str) -> np.ndarray:
    """A table over the Basic Multilingual Plane: which characters end a clause or close a quote."""
    table = np.zeros(0x10000, dtype=np.uint8)
    table[[ord(char) for char in breaks]] = CLAUSE_BREAK
    table[[ord(char) for char in closing_quotes]] = CLOSING_QUOTE
    return table


def _kind_before_pattern(kind: Mapping) -> str:
    """What ends right before a kind of facility: 3个, 20余家, 一批, 更多, 省级, …的, each maybe + 特色."""
    numbers, measures = regex.escape(kind["numbers"]), regex.escape(kind["measures"])
    approximations = regex.escape(kind["approximations"])
    return (rf"(?:[{numbers}]+[{approximations}]?[{measures}]|{_alternation(kind['words'])})"
            rf"(?:{_alternation(kind['qualifiers'])})?$")


def _name_after_pattern(g: Mapping) -> str:
    """After a term: a one-character name suffix right away (物流园), or within a few name-like
    characters the nearest name suffix (…创新发展试验区) or title suffix (…三年行动计划)."""
    stop_chars = regex.escape(g["name_filler_stop_chars"])
    filler = rf"(?:(?!{_alternation(g['name_filler_stop_words'])})[^\s\p{{P}}\p{{S}}{stop_chars}])"
    attached = "|".join(regex.escape(char) + (f"(?![{regex.escape(blocked)}])" if blocked else "")
                        for char, blocked in g["attached_name_suffixes"].items())
    listed = g["list_name_suffixes"]  # 生物育种、应用超导等省实验室: a list of labs named by their fields
    return (rf"(?:(?P<name>{attached})"
            rf"|(?:、[^\s\p{{P}}\p{{S}}等]{{1,6}}?)*等(?:{_alternation(listed['levels'])})?[^\s\p{{P}}\p{{S}}的等和]{{0,4}}?"
            rf"(?P<name>{_alternation(listed['suffixes'])})"
            rf"|{filler}{{0,{int(g['name_filler_max'])}}}?"
            rf"(?:(?P<title>{_alternation(g['title_suffixes'])})|(?P<name>{_alternation(g['name_suffixes'])})))")


@dataclass(frozen=True)
class _DiscoveryRules:
    """Cue patterns and candidate filters of discovery."""

    list_cue: regex.Pattern              # 等 + a cue (group "cue") or 等 + a hypernym with a head
    count_cue: regex.Pattern             # 六个重点产业, 四大支柱产业 right after the last member (group "cue")
    list_cues: Mapping[str, tuple[tuple[str, ...], float]]
    hypernym_confidence: float
    hypernym_reject: regex.Pattern       # 等领域有根产业, 等项目建成使产业集群: no hypernym between 等 and the head
    list_cue_not_before: tuple[str, ...]  # 等重大产业项目: the list names projects
    instance_heads: tuple[str, ...]      # 等电商平台, 等汽车企业: after 等 + a term, the members are instances
    verb_head_not_before: tuple[str, ...]  # 发展现代产业体系: the head of a verb cue begins another noun
    verb_cue: regex.Pattern              # 发展X产业 …: groups "x" and "head"
    verb_cues: tuple[str, ...]           # its verbs (found by the scan)
    head_near: "re.Pattern"              # any of its heads, literally: a quick test of the window after a verb
    head_window: tuple[int, int]         # where such a head lies after the verb's start (from, to)
    next_member: regex.Pattern           # 、Y经济 after a verb-cue match
    verb_heads: Mapping[str, tuple[float, bool]]   # head → (confidence, head kept in the span)
    member_split: regex.Pattern
    run_before_head: regex.Pattern       # 、B、C right before a run head (肉鸡、肉牛、淡水鱼|全产业链)
    run_tail: regex.Pattern              # 、B、C + a run head after a member
    run_heads: tuple[str, ...]
    run_first_member: regex.Pattern      # the first member: from a break or other punctuation up to the run
    count_tail: regex.Pattern            # 、B、C before a count + tier cue (、三七、奶业|7个…产业集群)
    run_not_before: frozenset[str]       # 产业园, 产业基地: the head begins a name
    run_confidence: float
    strip_prefix: regex.Pattern
    trailing_head: regex.Pattern
    head_last_chars: frozenset[str]      # last characters of the heads (and \n, where $ also matches)
    reject_char: regex.Pattern
    reject_starts: tuple[str, ...]
    reject_endings: tuple[str, ...]
    reject_words: frozenset[str]
    max_length: int
    max_extension_prefix: int

    @classmethod
    def from_grammar(cls, d: Mapping, heads: str, coordinators: str, economy_guard: str,
                     generic_heads: Sequence[str], bare_head: str) -> "_DiscoveryRules":
        list_cues = {item["cue"]: (tuple(item["tiers"]), float(item["confidence"])) for item in d["list_cues"]}
        verb_heads = {item["head"]: (float(item["confidence"]), bool(item.get("keep", False)))
                      for item in d["verb_heads"]}
        head_choice = "|".join(regex.escape(head) + (f"(?!{economy_guard})" if head == ECONOMY else "")
                               for head in sorted(verb_heads, key=len, reverse=True))
        x = rf"(?P<x>[\p{{Han}}A-Za-z0-9]{{2,{int(d['max_length'])}}}?)"
        quantifiers = _alternation(d["list_quantifiers"])
        return cls(
            list_cue=regex.compile(
                rf"等(?:{quantifiers}|[一二三四五六七八九十两0-9]{{1,2}}[个大条])?(?:(?P<cue>{_alternation(list_cues)})"
                rf"|(?P<hypernym>[\p{{Han}}A-Za-z0-9]{{1,{int(d['hypernym_max'])}}}?)(?:产业集群|产业|行业))"),
            count_cue=regex.compile(  # 、滩羊、冷凉蔬菜“六大产业集群”: an opening quote may come first
                rf"[“「]?[一二三四五六七八九十两0-9]{{1,2}}[个大条](?:国家级|省级|自治区级|市级|县级)?"
                rf"(?P<cue>{_alternation(list_cues)})"),  # 、奶业7个国家级优势特色产业集群
            list_cues=MappingProxyType(list_cues),
            hypernym_confidence=float(d["hypernym_confidence"]),
            hypernym_reject=regex.compile(
                rf"[{regex.escape(d['reject_chars'])}]|{_alternation(d['hypernym_reject'])}"),
            list_cue_not_before=tuple(d["list_cue_not_before"]),
            instance_heads=tuple(d["instance_heads"]),
            verb_head_not_before=tuple(d["verb_head_not_before"]),
            verb_cue=regex.compile(rf"(?:{_alternation(d['verb_cues'])}){x}(?P<head>{head_choice})"),
            verb_cues=tuple(d["verb_cues"]),
            head_near=re.compile(_alternation(verb_heads)),
            head_window=(min(map(len, d["verb_cues"])) + 2,
                         max(map(len, d["verb_cues"])) + int(d["max_length"]) + max(map(len, verb_heads))),
            next_member=regex.compile(rf"(?:{coordinators}){x}(?P<head>{head_choice})"),
            verb_heads=MappingProxyType(verb_heads),
            member_split=regex.compile(f"({coordinators})"),  # the group keeps the coordinators in the split
            # members without a head of their own (not 、新兴产业壮大、未来|产业)
            run_before_head=regex.compile(rf"(?:、(?:(?!产业|行业)\p{{Han}}){{2,{int(d['run_member_max'])}}})+$"),
            run_tail=regex.compile(
                rf"(?:、(?:(?!产业|行业)\p{{Han}}){{2,{int(d['run_member_max'])}}}?)+?(?:{_alternation(d['run_heads'])})"
                rf"(?![{regex.escape(d['run_heads_not_before'])}])"),
            run_heads=tuple(sorted(d["run_heads"], key=len, reverse=True)),
            run_first_member=regex.compile(r"(?:^|[\s\p{P}])([^\s\p{P}]+)$"),
            count_tail=regex.compile(
                rf"(?:、(?:(?!产业|行业)\p{{Han}}){{2,{int(d['run_member_max'])}}}?)+?(?=[“「]?[一二三四五六七八九十两0-9])"),
            run_not_before=frozenset(d["run_heads_not_before"]),
            run_confidence=float(d["run_confidence"]),
            strip_prefix=regex.compile(rf"(?:{_alternation(d['strip_prefixes'])})+"),  # used with match(text, pos)
            trailing_head=regex.compile(rf"(?:{heads})+$"),
            head_last_chars=frozenset([word[-1] for word in generic_heads] + [bare_head[-1], "\n"]),
            reject_char=regex.compile(rf"[{regex.escape(d['reject_chars'])}\s\p{{P}}\p{{S}}]"),
            reject_starts=tuple(d["reject_starts"]),
            reject_endings=tuple(d["reject_endings"]),
            reject_words=frozenset(d["reject_words"]),
            max_length=int(d["max_length"]),
            max_extension_prefix=int(d["max_extension_prefix"]),
        )


class _Text:
    """One text and the lookups the rules make in it, cheap enough to run per mention."""

    CLAUSE_WINDOW = 200  # a clause longer than this is cut: lists and cues sit close to their words

    def __init__(self, text: str, rules: _Rules):
        self.text = text
        self.rules = rules
        # The code points (numpy) for the vectorised look-ups; None for a short text.
        self.codes: Optional[np.ndarray] = None if short(text) else code_points(text)
        self._found_marks: Optional[tuple[list[int], list[int]]] = None
        # Set by the scan: where a multi-character name or title suffix, or a goods cue, begins
        # (leftmost-longest, as a regex over the words would find them).
        self.suffix_starts: list[int] = []
        self.goods_cues: list[int] = []
        self.scenario_heads: list[int] = []  # where 场景 stands
        self.verb_cues: list[int] = []       # where a cue verb of discovery (发展, 培育 …) starts

    def _find_marks(self) -> tuple[list[int], list[int]]:
        """Where clause breaks and closing quotes are (found once, when first needed)."""
        if self.codes is None:
            breaks, closing = self.rules.clause_breaks, self.rules.quotes[1]
            return ([i for i, char in enumerate(self.text) if char in breaks],
                    [i for i, char in enumerate(self.text) if char in closing])
        classes = self.rules.char_classes.take(self.codes, mode="clip")  # beyond the BMP: the last slot, 0
        return ((classes == CLAUSE_BREAK).nonzero()[0].tolist(), (classes == CLOSING_QUOTE).nonzero()[0].tolist())

    @property
    def _marks(self) -> tuple[list[int], list[int]]:
        if self._found_marks is None:
            self._found_marks = self._find_marks()
        return self._found_marks

    @property
    def closing_quotes(self) -> list[int]:
        return self._marks[1]

    def clause_around(self, position: int) -> Span:
        """The clause (between punctuation) containing ``position``, within a window around it."""
        breaks = self._marks[0]
        low, high = max(0, position - self.CLAUSE_WINDOW), min(len(self.text), position + self.CLAUSE_WINDOW)
        index = bisect.bisect_left(breaks, position)  # the first break at or after position
        end = breaks[index] if index < len(breaks) and breaks[index] < high else high
        start = breaks[index - 1] + 1 if index > 0 and breaks[index - 1] >= low else low
        return start, end

    SCENARIO_REACH = 60  # a list of scenarios after a chain: a few short members, 等 and the head (等领域打造…场景)

    def quiet_after(self, end: int) -> bool:
        """Nothing after ``end`` can make the term before it part of a name or a list of scenarios
        (no suffix, closing quote or scenario head within reach): the common case."""
        rules = self.rules
        if self.text[end:end + 1] in rules.attached_chars:
            return False
        marks = self.suffix_starts
        index = bisect.bisect_left(marks, end)
        if index < len(marks) and marks[index] <= end + rules.name_reach:
            return False
        marks = self.closing_quotes
        index = bisect.bisect_left(marks, end)
        if index < len(marks) and marks[index] < end + rules.quotes[2]:
            return False
        marks = self.scenario_heads
        if marks:
            index = bisect.bisect_left(marks, end)
            if index < len(marks) and marks[index] < end + self.SCENARIO_REACH:
                return False
        return True

    def inside_name(self, start: int, end: int) -> bool:
        """Whether the term (or chain) at [start, end) is part of a proper name.

        A name suffix (产业园, 试验区, 物流园 …) follows before any title suffix
        (行动计划 …), unless the suffix follows at once and a count, grade or
        description before the term shows a kind (3个新能源基地, 省级化工园区);
        or the term is quoted and the quotes are followed by a name
        (“5G+工业互联网”示范园区, “智能语音”品牌).
        """
        text, rules, starts = self.text, self.rules, self.suffix_starts
        index = bisect.bisect_left(starts, end)
        # The regex runs only with a suffix within reach or a one-character suffix right after the
        # term (物流园): most terms have neither.
        if (index < len(starts) and starts[index] <= end + rules.name_reach) or (
                end < len(text) and text[end] in rules.attached_chars):
            found = rules.name_after.match(text, end)
            if found and found["name"] is not None:
                kind = found.start("name") == end and text.startswith(rules.kind_suffixes, end) and self.is_kind(start)
                return not kind
        closing = self.closing_quotes
        index = bisect.bisect_left(closing, end)
        if index == len(closing) or closing[index] >= end + self.rules.quotes[2]:
            return False  # no closing quote within reach: the common case
        return self._inside_quoted_name(start, end, closing[index])

    def is_kind(self, start: int) -> bool:
        """A count, grade or description right before ``start`` (3个, 一批, 省级, …的)."""
        return bool(self.rules.kind_before.search(self.text, max(0, start - 12), start))

    def _inside_quoted_name(self, start: int, end: int, close: int) -> bool:
        """The term lies between quotes that close at ``close``, and a name follows them."""
        text = self.text
        openers, closers, reach = self.rules.quotes
        if any(char in openers or char in self.rules.clause_breaks for char in text[end:close]):
            return False
        before = text[max(0, start - reach):start]
        opened = max(before.rfind(mark) for mark in openers)
        if opened < 0 or any(mark in before[opened:] for mark in closers):
            return False
        after = close + 1
        if self.rules.quoted_name_after.match(text, after):
            return True
        found = self.rules.name_after.match(text, after)
        return bool(found) and found["name"] is not None


PLACE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区",
                  "省", "市", "县", "区", "盟", "旗")
DIVISIONS_PATH = Path(__file__).parents[1] / "regions" / "data" / "divisions.csv"


@lru_cache(maxsize=None)
def _place_names() -> frozenset[str]:
    """Names of Chinese divisions, full and without their type word (广东省, 广东; 沈阳市, 沈阳).

    Discovery uses them to keep places out of new terms (发展厦门生物医药产业 → 生物医药).
    They are read from the regions component's division table; without it the set is empty.
    """
    names = {"中国", "全国", "我国"}
    try:
        rows = DIVISIONS_PATH.read_text(encoding="utf-8").splitlines()[1:]
    except OSError:
        return frozenset(names)
    for row in rows:
        name = row.split(",")[1]
        names.add(name)
        short = next((name[:-len(s)] for s in PLACE_SUFFIXES if name.endswith(s) and len(name) - len(s) >= 2), None)
        if short:
            names.add(short)
    return frozenset(names)


@lru_cache(maxsize=None)
def _shipped_data() -> tuple[tuple[Term, ...], tuple[str, ...], _Rules]:
    """The shipped lexicon, non-terms and rules: read once, immutable."""
    return read_lexicon(), read_nonterms(), _Rules.from_grammar(read_grammar())


class IndustryTagger:
    """Industry terms of a text: ``IndustryTagger.default().find(text)``."""

    def __init__(self, terms: Iterable[Term], nonterms: Iterable[str], rules: _Rules):
        self._rules = rules
        self._nonterms = frozenset(nonterms)
        # One scan finds the terms, the non-terms that block hits inside them and the marker words
        # of the rules, each kind apart.
        self._index: PairIndex = PairIndex(kinds=KINDS)
        self._indexed_blocks: set[str] = set()
        for kind, words in ((SUFFIX, rules.suffix_words), (GOODS_CUE, rules.goods_cues),
                            (SCENARIO, rules.scenario_heads), (VERB_CUE, rules.discovery.verb_cues)):
            for word in words:
                self._index.add(word, None, kind=KINDS[kind])
        self._longest_nonterm = max((len(word) for word in self._nonterms), default=0)
        self._by_surface: dict[str, Term] = {}
        self._terms: dict[str, Term] = {}
        self._single_chars: dict[str, Term] = {}
        for term in terms:
            self._add(term)
        self._index_blocks()
        self._single_char_rule = self._compile_single_chars()

    @classmethod
    def default(cls) -> "IndustryTagger":
        """A tagger over the shipped data (a fresh instance: ``add_terms`` changes only it)."""
        terms, nonterms, rules = _shipped_data()
        return cls(terms, nonterms, rules)

    # -- vocabulary -------------------------------------------------------------
    def add_terms(self, records: Sequence[dict], *, source: str = "<rule pack>") -> None:
        """Add user terms (the lexicon.jsonl format); they win over shipped strings and non-terms.

        An invalid record raises :class:`~policyie.industries.lexicon.LexiconError`
        (a ``ValueError`` naming ``source``, the record's number and the field);
        the records before it stay added.
        """
        try:
            for number, record in enumerate(records, 1):
                self._add(parse_term(record, source=source, line=number, origin="rule_pack"))
        finally:
            self._index_blocks()
            self._single_char_rule = self._compile_single_chars()

    def _add(self, term: Term) -> None:
        self.__dict__.pop("_plain_surfaces", None)  # derived from the terms: recomputed when next needed
        self._terms[term.name] = term
        # An alias that is ambiguous alone (量子) carries a copy of the term that needs a head.
        bare = dataclasses.replace(term, needs_head=True) if term.needs_head_aliases else term
        for surface in term.surfaces:
            payload = bare if surface in term.needs_head_aliases else term
            self._by_surface[surface] = payload
            if len(surface) == 1:
                self._single_chars[surface] = payload
            else:
                self._index.add(surface, payload, kind=KINDS[TERM])

    def _index_blocks(self) -> None:
        """Put into the scan the non-terms that can block a hit: those with a shorter term inside
        (现代化工业 holds 化工, 中国石化 holds 石化). The others (农业, 规上工业) can hold no hit,
        and scanning for them would only cost time."""
        for word in self._nonterms - self._indexed_blocks:
            if word in self._by_surface:
                continue  # a rule-pack term with the text of a non-term wins over it
            if any(word[i:j] in self._by_surface for i in range(len(word)) for j in range(i + 2, len(word) + 1)
                   if j - i < len(word)):
                self._index.add(word, None, kind=KINDS[BLOCK])
                self._indexed_blocks.add(word)

    def _compile_single_chars(self) -> Optional[tuple[regex.Pattern, np.ndarray]]:
        """One regex for one-character terms (after a coordinator or cue verb, before a head or
        coordinator), and a table of their characters over the Basic Multilingual Plane."""
        if not self._single_chars:
            return None
        rules = self._rules
        chars = "".join(regex.escape(char) for char in sorted(self._single_chars))
        pattern = regex.compile(
            rf"(?:(?<=^|[\s\p{{P}}])|(?<={rules.single_char_left}))(?P<c>[{chars}])"
            rf"(?=(?:{rules.single_char_head_after.pattern})|(?:{rules.continuation_after.pattern}))")
        table = np.zeros(BMP, dtype=bool)
        table[[min(ord(char), BMP - 1) for char in self._single_chars]] = True
        return pattern, table

    def term(self, surface: str) -> Optional[Term]:
        """The term a string names, if any."""
        return self._by_surface.get(surface)

    def terms(self) -> list[Term]:
        """Every distinct term known to this tagger."""
        return list(self._terms.values())

    def segmenter_words(self) -> list[str]:
        """Strings the word segmenter should keep whole (two characters or more)."""
        return [surface for surface in self._by_surface if len(surface) >= 2]

    # -- finding ----------------------------------------------------------------
    def find(self, text: str, *, is_boundary: Optional[BoundaryCheck] = None,
             excluded: Iterable[Span] = ()) -> list[IndustryMatch]:
        """Industry mentions of ``text``, in text order, never overlapping.

        ``is_boundary(offset)`` says whether the word segmenter put a boundary
        at ``offset`` (None in char mode: characters alone decide);
        ``excluded`` spans are proper names claimed by other components.
        """
        if not text:
            return []
        view = _Text(text, self._rules)
        mentions = self._lexicon_mentions(view, is_boundary)
        mentions = self._apply_context(view, mentions)
        mentions = self._add_discoveries(view, mentions, is_boundary)
        excluded = sorted(tuple(span) for span in excluded)
        if excluded:
            longest = max(end - start for start, end in excluded)
            mentions = [m for m in mentions if not _overlaps_any(m.start, m.end, excluded, longest)]
        return [IndustryMatch(start, end, text[start:end], name, term.sector, term.category, tiers, source, confidence)
                for start, end, term, name, source, confidence, tiers in mentions]

    @staticmethod
    def _mention(start: int, end: int, term: Term, confidence: float = 1.0) -> _Mention:
        return _Mention(start, end, term, term.name, term.origin, confidence, term.tiers)

    # 1. selection --------------------------------------------------------------
    def _lexicon_mentions(self, view: _Text, is_boundary: Optional[BoundaryCheck]) -> list[_Mention]:
        """Lexicon hits that survive the selection, in text order (and the marker words, into ``view``)."""
        text = view.text
        found = self._index.scan(text, view.codes)
        pending, blocks, hits = found[BLOCK][::-1], [], []  # pending: blocks not reached yet, last first
        next_block_start = pending[-1][0] if pending else len(text)
        longest_block, blocks_end = self._longest_nonterm, 0  # no block reaches beyond blocks_end
        lookalikes = self._rules.nonterm_lookalikes
        for occurrence in found[TERM]:
            start, end, _ = occurrence
            while start >= next_block_start:  # the blocks that start before or at this hit can cover it
                block_start, block_end, _ = pending.pop()
                if not (block_start and text[block_start - 1:block_start + 1] in lookalikes):
                    blocks.append((block_start, block_end))  # 其|中石化 blocks nothing
                blocks_end = max(blocks_end, block_end)
                next_block_start = pending[-1][0] if pending else len(text)
            # Without Latin edges, only a short term with a segmenter needs the full test (新能源 in 更新|能源).
            if ((text[start] > "\x7f" and text[end - 1] > "\x7f" and (is_boundary is None or end - start > 3))
                    or self._plausible_hit(text, start, end, is_boundary)) \
                    and not (start < blocks_end and _inside_block(start, end, blocks, longest_block)):
                hits.append(occurrence)
        view.suffix_starts = leftmost_longest_starts(found[SUFFIX])
        view.goods_cues = leftmost_longest_starts(found[GOODS_CUE])
        view.scenario_heads = [start for start, _, _ in found[SCENARIO]]
        view.verb_cues = sorted({start for start, _, _ in found[VERB_CUE]})
        make = tuple.__new__  # _Mention(...) without its Python-level __new__: one mention per hit
        chosen = [make(_Mention, (start, end, term, term.name, term.origin, 1.0, term.tiers))
                  for start, end, term in _longest_first(hits)]
        if self._single_char_rule is not None:
            pattern, table = self._single_char_rule
            # The regex is tried only where one of the characters stands (a vectorised look-up).
            positions = ([i for i, char in enumerate(text) if char in self._single_chars] if view.codes is None
                         else table.take(view.codes, mode="clip").nonzero()[0].tolist())
            found = (pattern.match(text, position) for position in positions)
            singles = [self._mention(match.start("c"), match.start("c") + 1, self._single_chars[match["c"]])
                       for match in found if match is not None]
            if singles:
                starts = [m.start for m in chosen]
                chosen.extend(m for m in singles if not _covered(m.start, chosen, starts))
                chosen.sort()
        return chosen

    def _plausible_hit(self, text: str, start: int, end: int, is_boundary: Optional[BoundaryCheck]) -> bool:
        """Latin terms must not sit inside Latin words; short terms must not cut segmenter words."""
        if start > 0 and _is_ascii_alnum(text[start]) and _is_ascii_alnum(text[start - 1]):
            return False  # AI in OpenAI
        if end < len(text) and _is_ascii_alnum(text[end - 1]) and _is_ascii_alnum(text[end]):
            return False  # 6G in 16G… (the digit before) or IC in ICT
        if is_boundary is not None and end - start <= 3:
            # Long terms are never accidental; short ones may be (新能源 in 更新|能源).
            if not is_boundary(start):
                return False
            # Two-character ones may also start a longer word (旅游鞋); three-character ones are
            # rarely cut at their end, more often the segmenter errs (新能源装|机).
            if (end - start == 2 and end < len(text) and not is_boundary(end)
                    and not self._rules.continuation_after.match(text, end)):
                return False
        return True

    # 2-4. context ----------------------------------------------------------------
    def _apply_context(self, view: _Text, mentions: list[_Mention]) -> list[_Mention]:
        if not mentions:
            return mentions
        text, startswith = view.text, view.text.startswith
        # Each rule runs only where the characters it needs stand (most mentions have none of them).
        mentions = [self._shrink_zhizao_ye(text, m) if startswith("制造业", m.end - 2) else m for m in mentions]
        mentions = self._attach_domain_prefixes(text, mentions)
        mentions = self._attach_modifiers(text, mentions)
        mentions = self._distribute_over_prefixes(text, mentions)
        mentions = [self._attach_economy_head(text, m) if startswith(ECONOMY, m.end) else m for m in mentions]
        mentions = self._attach_specific_heads(text, mentions)
        mentions = self._completed_and_used_as_industries(text, mentions)
        starts = {m.start for m in mentions}
        kept: list[_Mention] = []
        for chain in self._chains(text, mentions):
            if len(chain) > 1:
                kept.extend(self._resolve_chain(view, chain, starts))
            elif self._stands_alone(view, chain[0]):
                kept.append(chain[0])
        kept = self._add_distributed_members(view, kept)
        if "项目" in text:
            kept = self._without_project_names(text, kept)
        if any(m.term.goods for m in kept):
            kept = self._drop_goods(view, kept)
        return kept

    def _without_project_names(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """东磁新能源、金石等项目, 聚合新材料、徽浩源陶瓷膜等20个亿元以上项目: a term right after an
        unknown word, in a list that closes with 等…项目, ends the short name of a firm's project.
        A verb, scope word, count or coordinator before the term (建设光伏、风电等项目) keeps it."""
        rules = self._rules
        project_ends, position = [], text.find("项目")
        while position >= 0:
            project_ends.append(position)
            position = text.find("项目", position + 2)
        kept = []
        for m in mentions:
            index = bisect.bisect_left(project_ends, m.end)
            if (index < len(project_ends) and project_ends[index] - m.end <= 60 and m.start > 0
                    and _is_han(text[m.start - 1])
                    and (rules.project_list_after.match(text, m.end, project_ends[index] + 2)
                         or (project_ends[index] == m.end and rules.project_firm_after.match(text, m.end)
                             and not _DIGITS.search(text, max(0, m.start - 4), m.start)))
                    and not rules.not_a_name_before.search(text, max(0, m.start - 6), m.start)):
                continue  # also 双登锂电池项目已投产: one firm's project with a firm's verb
            kept.append(m)
        return kept

    def _shrink_zhizao_ye(self, text: str, m: _Mention) -> _Mention:
        """电子信息制造业 → 电子信息 (制造业 is a generic head); 装备制造业 keeps 装备制造."""
        if m.end - m.start > 3 and text.startswith("制造业", m.end - 2):
            shorter = self._by_surface.get(text[m.start:m.end - 2])
            if shorter is not None and not shorter.needs_head:
                return self._mention(m.start, m.end - 2, shorter)
        return m

    def _attach_domain_prefixes(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """A domain word right before a term makes a compound: 智慧+文旅, 体育+旅游, 海洋+旅游
        (two may stack: 生态+休闲+旅游).

        The compound is named as written and takes the sector of its head; a
        prefix that was a mention of its own (体育) becomes part of it.
        """
        prefixes, ends = self._rules.domain_prefixes, self._rules.modifier_ends
        todo = [index for index, m in enumerate(mentions) if m.start >= 2 and text[m.start - 1] in ends]
        if not todo:
            return mentions
        result = list(mentions)
        merged: set[int] = set()  # mentions of a prefix (体育) that became part of the compound after them
        for index in todo:
            for _ in range(2):  # prefixes may stack: 生态 + 休闲 + 旅游
                m = result[index]
                begin = m.start - 2  # domain prefixes are two-character words
                if begin < 0 or text[begin:m.start] not in prefixes or self._glued_pair(text, begin, m):
                    break
                before = index - 1
                while before in merged:
                    before -= 1
                previous = result[before] if before >= 0 else None
                if not (previous is None or previous.end <= begin
                        or (previous.start, previous.end) == (begin, m.start)):
                    break
                if previous is not None and previous.end > begin:
                    merged.add(before)
                span = text[begin:m.end]
                compound = self._by_surface.get(span)
                result[index] = (self._mention(begin, m.end, compound) if compound is not None
                                 else m._replace(start=begin, name=span, confidence=0.9))
        return [m for index, m in enumerate(result) if index not in merged] if merged else result

    def _distribute_over_prefixes(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """镁基、铝基、铜基和化工新材料: domain words coordinated before a compound share its head
        (SPEC: shared heads are distributed). Each is a record of its own, the span as written
        (镁基), named with the head (镁基新材料); a domain word that is a mention itself stops it."""
        prefixes, joiner_ends = self._rules.domain_prefixes, self._rules.coordinator_ends
        todo = [index for index, m in enumerate(mentions)
                if m.start >= 3 and text[m.start - 1] in joiner_ends and text[m.start - 3:m.start - 1] in prefixes]
        if not todo:
            return mentions
        added: list[_Mention] = []
        for index in todo:
            m = mentions[index]
            span = text[m.start:m.end]
            head = None
            for cut in range(1, len(span) - 1):  # the longest proper suffix that is a term (化工|新材料)
                head = self._by_surface.get(span[cut:])
                if head is not None and not head.needs_head:
                    break
                head = None
            if head is None:
                continue
            head_surface = span[cut:]
            previous_end = mentions[index - 1].end if index else 0
            pos, members = m.start, []
            while True:
                joiner = next((c for c in self._rules.coordinators_longest_first if text.endswith(c, 0, pos)), None)
                if joiner is None:
                    break
                begin = pos - len(joiner) - 2
                if (begin < previous_end or text[begin:begin + 2] not in prefixes
                        or text[begin:begin + 2] in self._nonterms):  # 工业 is a broad sector
                    break
                members.append(begin)
                pos = begin
            if not members or (pos and _is_han(text[pos - 1])
                               and not self._rules.free_left.search(text, max(0, pos - 4), pos)):
                continue
            for begin in members:
                prefix = text[begin:begin + 2]
                compound = self._by_surface.get(prefix + head_surface)
                added.append(self._mention(begin, begin + 2, compound, 0.9) if compound is not None else
                             _Mention(begin, begin + 2, head, prefix + head.name, head.origin, 0.9, head.tiers))
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: m.start)

    def _glued_pair(self, text: str, begin: int, m: _Mention) -> bool:
        """深海深地: two field names written together are a coordination, not a compound."""
        series = self._rules.series_words
        return text[begin:m.start] in series and text[m.start:m.end] in series

    def _attach_specific_heads(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """A specific head after a term makes a longer industry (SPEC: 新能源关键零部件).

        储能 + 装备制造, 氢能 + 装备, 超高清视频 + 显示, 汽车 + 制造: named by the
        lexicon when it has the compound (written or with the term's canonical
        name), else by the term's canonical name and the head (电动汽车制造 →
        新能源汽车制造); the sector is the term's (what the equipment is for), or
        the head's when the term has none of the nine sectors. A mention of the
        head itself (装备制造) becomes part of the compound. A word needing a head
        takes only the heads that complete it (电子 + 制造; 数据显示 is a verb).
        """
        rules = self._rules
        heads = rules.specific_head_starts
        todo = [index for index, m in enumerate(mentions) if text[m.end:m.end + 1] in heads]
        if not todo:
            return mentions  # the common case: no mention is followed by a head's first character
        result = list(mentions)
        absorbed: set[int] = set()  # mentions of a head that became part of the compound before them
        for index in todo:
            if index in absorbed:
                continue
            m = mentions[index]
            found = rules.specific_head_after.match(text, m.end)
            if found is None or (m.term.needs_head and found.group() not in rules.bare_specific_heads):
                continue
            end = found.end()
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if following is not None and following.start < end:
                if following.end > end or following.start != m.end:
                    continue  # the head is part of another term (储能装|备件): leave both
                absorbed.add(index + 1)  # the head's own mention (装备制造) joins the compound
            result[index] = self._with_specific_head(m, found.group(), text[m.start:end], end)
        return [m for index, m in enumerate(result) if index not in absorbed] if absorbed else result

    def _with_specific_head(self, m: _Mention, head: str, span: str, end: int) -> _Mention:
        compound = self._by_surface.get(span) or self._by_surface.get(m.name + head)
        if compound is not None:
            return self._mention(m.start, end, compound)
        term = m.term
        head_term = self._by_surface.get(head)
        if term.sector == OTHER_SECTOR and head_term is not None and head_term.sector != OTHER_SECTOR:
            term = head_term
        if term.needs_head:
            term = dataclasses.replace(term, needs_head=False)  # 电子制造 is an industry of its own
        return m._replace(end=end, term=term, name=m.name + head, tiers=term.tiers, confidence=0.9)

    def _completed_and_used_as_industries(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """Words completed (创新药 + 品), then without the terms used as something else than an
        industry: an activity or its price (物流运输, 物流成本), or the end of a company's short
        name before a firm's verb (华晶新材料签约). One pass: both look at the end of a term."""
        rules = self._rules
        completions, starts = rules.word_completions, rules.other_use_starts
        kept = []
        for m in mentions:
            if text[m.end - 1] in completions:
                m = self._complete_word(text, m)
            if text[m.end:m.end + 1] in starts and (
                    rules.activity_after.match(text, m.end) or self._ends_firm_name(text, m)):
                continue
            if m.start and text[m.start - 1] == "级" and text.endswith(rules.product_grades, 0, m.start):
                continue  # 电子级多晶硅, 电池级碳酸锂: a product of a grade, no industry
            if (m.start > 1 and text[m.start - 1] in rules.product_measures and text[m.start - 2] in rules.product_counts
                    and not self._share_count(text, m.start - 2)):
                continue  # 480辆氢能商用车, 首列氢能源列车: units of a product, no industry
            kept.append(m)
        return kept

    def _share_count(self, text: str, last: int) -> bool:
        """每4辆新能源汽车就有1辆: a count after 每 states the industry's share, not units of a product."""
        counts = self._rules.product_counts
        while last >= 0 and text[last] in counts:
            last -= 1
        return last >= 0 and text[last] == "每"

    def _ends_firm_name(self, text: str, m: _Mention) -> bool:
        """华晶新材料签约落户: a firm's verb follows and a word that is no verb, scope word or
        coordinator comes before (推动新材料投产 is policy, 多款新能源汽车上市 are products)."""
        rules = self._rules
        return bool(m.start > 0 and _is_han(text[m.start - 1]) and rules.firm_after.match(text, m.end)
                    and not rules.free_left.search(text, max(0, m.start - 4), m.start))

    def _complete_word(self, text: str, m: _Mention) -> _Mention:
        """创新药 + 品: the term ends inside the word 药品, so the span takes 品 and keeps the name."""
        following = self._rules.word_completions.get(text[m.end - 1])
        if following is not None and text.startswith(following, m.end):
            return m._replace(end=m.end + len(following))
        return m

    def _attach_modifiers(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """高端/先进/新型/高性能 right before a term belong to it and keep its name (SPEC: fixed modifiers)."""
        rules = self._rules
        ends = rules.modifier_ends
        todo = [index for index, m in enumerate(mentions) if m.start and text[m.start - 1] in ends]
        if not todo:
            return mentions
        result = list(mentions)
        for index in todo:
            m = mentions[index]
            previous_end = mentions[index - 1].end if index else 0  # this rule moves starts only
            for length in rules.modifier_lengths:
                begin = m.start - length
                if begin >= previous_end and text[begin:m.start] in rules.modifiers:
                    result[index] = m._replace(start=begin)
                    break
        return result

    def _attach_economy_head(self, text: str, m: _Mention) -> _Mention:
        """Terms with the head 经济 keep it (SPEC): 旅游 + 经济 → 旅游经济, with the sector of 旅游."""
        if not self._rules.economy_head.match(text, m.end):
            return m
        span = text[m.start:m.end + 2]
        if span in self._nonterms:
            return m
        return m._replace(end=m.end + 2, name=span, confidence=0.9)

    def _chains(self, text: str, mentions: list[_Mention]) -> list[list[_Mention]]:
        """Runs of mentions joined only by coordinators (、 和 与 及 以及), maybe with a qualifier
        that stays outside the next member (生物医药、特色医药)."""
        coordinators = self._rules.coordinators
        chains: list[list[_Mention]] = []
        for m in mentions:
            if chains:
                previous = chains[-1][-1]
                gap = m.start - previous.end
                if gap <= 3 and (text[previous.end:m.start] in coordinators
                                 or (gap == 0 and self._glued(text, previous, m))
                                 or (gap == 3 and text[previous.end] == "、"
                                     and text[previous.end + 1:m.start] in self._rules.chain_qualifiers)):
                    chains[-1].append(m)
                    continue
            chains.append([m])
        return chains

    def _glued(self, text: str, previous: _Mention, m: _Mention) -> bool:
        """深海深地空天: field names written together, each a member of a coordination."""
        series = self._rules.series_words
        return (m.start == previous.end and text[previous.start:previous.end] in series
                and text[m.start:m.end] in series)

    def _glued_members(self, text: str, chain: list[_Mention]) -> set[int]:
        """Indexes of the members written together with a neighbour (深海深地): they need no head."""
        if len(chain) < 2:
            return set()
        pairs = {i for i in range(1, len(chain)) if self._glued(text, chain[i - 1], chain[i])}
        return pairs | {i - 1 for i in pairs}

    def _resolve_chain(self, view: _Text, chain: list[_Mention], starts: set[int]) -> list[_Mention]:
        text = view.text
        last_end = chain[-1].end
        if not view.quiet_after(last_end):
            if view.inside_name(chain[0].start, last_end):
                return []  # 新能源和智能网联汽车产业园: the whole chain names a park
            if view.scenario_heads and self._closes_scenarios(view, last_end):
                return []  # 物流、巡检等场景: the members are where something is applied
        if chain[0].term.goods or (len(chain) > 1 and any(m.term.goods for m in chain)):
            chain = self._without_products(text, chain)
            if not chain:
                return []
        if len(chain) == 1 and not chain[0].term.needs_head:
            return chain
        glued = self._glued_members(text, chain)
        anchored: Optional[bool] = None  # whether the chain has an industry member or a head (found once)
        resolved = []
        for index, m in enumerate(chain):
            if m.term.needs_head and index not in glued and not self._headed(text, m):
                if len(chain) < 2:
                    continue
                if anchored is None:
                    anchored = self._anchored(text, chain, starts)
                if not (anchored and self._free_standing(text, m)):
                    continue
            if index + 1 < len(chain):
                m = self._distribute_shared_head(text, m, chain[index + 1])
            resolved.append(m)
        return resolved

    def _stands_alone(self, view: _Text, m: _Mention) -> bool:
        """What :meth:`_resolve_chain` concludes for a chain of one member, in fewer steps (most
        chains have one): no name or scenario list after it, no product, a head if it needs one."""
        term = m.term
        if not view.quiet_after(m.end) and (view.inside_name(m.start, m.end) or (
                view.scenario_heads and self._closes_scenarios(view, m.end))):
            return False
        if term.goods and not self._without_products(view.text, [m]):
            return False
        return not term.needs_head or self._headed(view.text, m) or (
            self._list_closes_with_cue(view.text, m.end) and self._free_standing(view.text, m))

    def _list_closes_with_cue(self, text: str, end: int) -> bool:
        """甘蔗、烟叶、蚕桑等产业: members the lexicon does not know lead from ``end`` to 等 + a cue."""
        rules = self._rules
        if text.startswith("等", end):
            return bool(rules.discovery.list_cue.match(text, end))  # …、水产品、畜产品等主导产业
        if text[end:end + 1] not in rules.coordinator_starts:
            return False
        tail = rules.list_tail.match(text, end, min(len(text), end + 60))
        if tail and rules.discovery.list_cue.match(text, tail.end()):
            return True
        if not text.startswith("、", end):
            return False
        # 肉鸡、肉牛、淡水鱼全产业链: the run of members ends with a run head
        if rules.discovery.run_tail.match(text, end, min(len(text), end + 60)):
            return True
        # 咖啡、天然橡胶、三七、奶业7个国家级优势特色产业集群: … or with a count + tier cue
        tail = rules.discovery.count_tail.match(text, end, min(len(text), end + 60))
        return bool(tail) and bool(rules.discovery.count_cue.match(text, tail.end()))

    def _anchored(self, text: str, chain: list[_Mention], starts: set[int]) -> bool:
        """A chain has an industry member, or a head after it: 文化、旅游等产业 and 铝、铜等有色金属
        have one; 宣传、文化、体育等部门 has none."""
        if any(not m.term.needs_head for m in chain):
            return True
        rules, last_end = self._rules, chain[-1].end
        if self._list_closes_with_cue(text, last_end):
            return True  # 文化、旅游等产业 (the cue right after), 文化、旅游、康养等产业 (unknown members before 等)
        if self._count_cue_at(text, last_end):
            return True  # 文化、旅游两大产业
        return bool(rules.strong_head_after.match(text, last_end)) or bool(
            rules.figure_head_after.match(text, last_end)) or (  # 牛奶、羊绒产量
            text.startswith("等", last_end) and last_end + 1 in starts)

    def _closes_scenarios(self, view: _Text, end: int) -> bool:
        """The chain ending at ``end`` is a list of application scenarios: …、巡检等(应用)场景."""
        heads = view.scenario_heads
        index = bisect.bisect_left(heads, end)
        if index == len(heads) or heads[index] >= end + view.SCENARIO_REACH:
            return False  # the common case: no scenario head nearby
        return bool(self._rules.scenario_after.match(view.text, end, end + view.SCENARIO_REACH))

    def _headed(self, text: str, m: _Mention) -> bool:
        """A word that needs a head has one: 数据产业, 金融业, 铝加工 (领域, 产品 are too weak for it),
        a figure (电力总装机), or one of the term's own heads (风光 + 大省, 资源, 装机)."""
        rules = self._rules
        pattern = rules.single_char_head_after if m.end - m.start == 1 else rules.strong_head_after
        if pattern.match(text, m.end) or rules.figure_head_after.match(text, m.end):
            return True
        if self._count_cue_at(text, m.end):
            return True  # 滩羊和蔬菜六个重点产业
        if rules.growth_verb_before.search(text, max(0, m.start - 2), m.start) and rules.free_right.match(text, m.end):
            return True  # 做大生猪、做强肉羊: only an industry is made bigger or stronger (not 做优文化服务)
        return any(text.startswith(head, m.end) for head in m.term.heads)

    def _without_products(self, text: str, chain: list[_Mention]) -> list[_Mention]:
        """Goods terms that name products, not industries (SPEC section 4: products named as goods).

        The whole chain is made, bought or consumed (能造汽车; 汽车消费), or one
        member carries a model code or a craft's name (大飞机C919, 长征五号运载火箭,
        大型邮轮“…号”).
        """
        rules = self._rules
        first, last_end = chain[0].start, chain[-1].end
        as_goods = bool((text[first - 1:first] in rules.goods_verb_ends
                         and rules.goods_context.search(text, max(0, first - 4), first))
                        or (text[last_end:last_end + 1] in rules.goods_after_starts
                            and rules.goods_after.match(text, last_end)))
        return [m for m in chain if not m.term.goods or not (
            as_goods or rules.product_after.match(text, m.end)
            or rules.product_before.search(text, max(0, m.start - 8), m.start))]

    def _free_standing(self, text: str, m: _Mention) -> bool:
        """A word that needs a head counts in a chain only as a word of its own.

        推动|文化和旅游|融合 and 宣传、文化、体育 are words of their own; 柔性|电子 and
        健康|服务 are parts of longer words.
        """
        rules = self._rules
        return bool(rules.free_left.search(text, max(0, m.start - 4), m.start)
                    and rules.free_right.match(text, m.end))

    def _distribute_shared_head(self, text: str, m: _Mention, following: _Mention) -> _Mention:
        """新能源和智能网联汽车: 新能源 shares 汽车 and is named 新能源汽车."""
        if text[m.end:following.start] not in self._rules.merging_coordinators:
            return m
        following_text = text[following.start:following.end]
        for head in self._rules.shared_heads:
            if following_text.endswith(head) and len(following_text) > len(head):
                compound = self._by_surface.get(text[m.start:m.end] + head) or self._by_surface.get(m.name + head)
                if compound is not None:
                    return m._replace(term=compound, name=compound.name, tiers=compound.tiers, confidence=0.9)
        return m

    def _add_distributed_members(self, view: _Text, mentions: list[_Mention]) -> list[_Mention]:
        """Members that share the beginning of the term before them (SPEC: shared heads distributed).

        汽车及零部件 → 零部件 named 汽车零部件; 集成电路设计、制造、封测 → 制造 and 封测
        named 集成电路制造 and 集成电路封测. A member counts only if the lexicon has the compound.
        """
        rules = self._rules
        text, coordinator_after, coordinator_starts = view.text, rules.coordinator_after, rules.coordinator_starts
        starts = {m.start for m in mentions}
        added = []
        for index, m in enumerate(mentions):
            if text[m.end:m.end + 1] not in coordinator_starts:
                continue
            if index + 1 < len(mentions):  # in a list, the coordinator usually leads to the next mention
                gap = text[m.end:mentions[index + 1].start]
                if gap in rules.coordinators and not any(
                        text.startswith(longer, m.end) for longer in rules.coordinator_extensions[gap]):
                    continue  # what the regex would find: the next member is a mention of its own
            separator = coordinator_after.match(text, m.end)
            if separator is None or separator.end() in starts:
                continue  # most mentions: no member without a term of its own follows
            written = text[m.start:m.end]
            prefixes = [written[:k] for k in range(len(written), 1, -1)] + ([m.name] if m.name != written else [])
            position = m.end
            while (separator := coordinator_after.match(text, position)) and separator.end() not in starts:
                member = self._distributed_member(view, separator.end(), prefixes, starts)
                if member is None:
                    break
                added.append(member)
                position = member.end
        return sorted(mentions + added) if added else mentions

    def _distributed_member(self, view: _Text, begin: int, prefixes: list[str], starts: set[int]) -> Optional[_Mention]:
        text, by_surface = view.text, self._by_surface
        for end in range(min(begin + 5, len(text)), begin + 1, -1):  # members of two to five characters
            word = text[begin:end]
            # the look-up first: a compound the lexicon knows is rare, the other tests cost more
            term = next((found for found in (by_surface.get(prefix + word) for prefix in prefixes)
                         if found is not None), None)
            if term is None or any(position in starts for position in range(begin + 1, end)):
                continue
            if self._rules.free_right.match(text, end) and not view.inside_name(begin, end):
                return self._mention(begin, end, term, 0.9)
        return None

    def _drop_goods(self, view: _Text, mentions: list[_Mention]) -> list[_Mention]:
        """Goods in a clause about exports, imports or trade-ins are products, not industries, unless
        the run of members they end is followed by an industry head (消费品、汽车及装备制造业产值)."""
        text = view.text
        # The cues that speak of goods, once per text (消费品工业 heads a list of industries instead)
        cues = [cue for cue in view.goods_cues if not self._cue_heads_list(text, cue)]
        if not cues:
            return mentions
        kept = []
        coordinators, strong_head = self._rules.coordinators, self._rules.strong_head_after
        for index, m in enumerate(mentions):
            if m.term.goods:
                clause_start, clause_end = view.clause_around(m.start)
                first_cue = bisect.bisect_left(cues, clause_start)
                if first_cue < len(cues) and cues[first_cue] < clause_end:
                    # 消费品、汽车及装备制造业产值: the run of members ends with an industry head
                    last = index
                    while last + 1 < len(mentions) and text[mentions[last].end:mentions[last + 1].start] in coordinators:
                        last += 1
                    if not strong_head.match(text, mentions[last].end):
                        continue
            kept.append(m)
        return kept

    def _cue_heads_list(self, text: str, cue: int) -> bool:
        """The goods cue at ``cue`` is itself a member of a list of industries: 中高端消费品五大主导产业,
        消费品工业 (an industry head or a count + tier cue follows it)."""
        rules = self._rules
        word = next((w for w in rules.goods_cues_longest_first if text.startswith(w, cue)), "")
        after = cue + len(word)
        return bool(rules.strong_head_after.match(text, after)) or self._count_cue_at(text, after)

    def _count_cue_at(self, text: str, position: int) -> bool:
        """A count + a tier cue at ``position`` (六个重点产业, 四大支柱产业, “三大特色产业”)."""
        return text[position:position + 1] in COUNT_CHARS and bool(self._rules.discovery.count_cue.match(text, position))

    # 5. discovery -----------------------------------------------------------------
    def _add_discoveries(self, view: _Text, mentions: list[_Mention],
                         is_boundary: Optional[BoundaryCheck]) -> list[_Mention]:
        candidates = (set(self._list_candidates(view, mentions)) | set(self._verb_candidates(view))
                      | set(self._economy_candidates(view, mentions)))
        if not candidates:
            return mentions
        # Mentions never overlap, so both their starts and their ends are sorted.
        starts = [m.start for m in mentions]
        ends = [m.end for m in mentions]
        replaced: dict[int, _Mention] = {}
        added: list[_Mention] = []
        last_end = -1
        for start, end, tiers, confidence in sorted(candidates):
            if start < last_end or (is_boundary is not None and not is_boundary(start)):
                continue
            overlapping = range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end))
            found = self._discovered(view, start, end, [mentions[i] for i in overlapping], tiers, confidence)
            if found is None:
                continue
            last_end = end
            if overlapping:
                replaced[overlapping[0]] = found
            else:
                added.append(found)
        if not replaced and not added:
            return mentions
        return sorted([replaced.get(i, m) for i, m in enumerate(mentions)] + added)

    def _list_cues(self, text: str, mentions: list[_Mention]) -> Iterator[tuple[int, tuple[str, ...], float]]:
        """Positions of 等 that close a list of industries, with the cue's tiers and confidence.

        ``等未来产业`` (a tier cue), ``等电子信息产业`` (a hypernym with a head) and
        ``等新能源`` (a lexicon term) all say that the members before 等 are industries.
        """
        rules = self._rules.discovery
        for found in rules.list_cue.finditer(text):
            if text.startswith(rules.list_cue_not_before, found.end()):
                continue  # 等重大产业项目, 等产业项目: the members are projects
            if found["cue"] is not None:
                yield (found.start(), *rules.list_cues[found["cue"]])
            elif not rules.hypernym_reject.search(found["hypernym"].removeprefix("其他").removeprefix("其它")):
                yield found.start(), (), rules.hypernym_confidence
        for found in rules.count_cue.finditer(text):  # 葡萄酒、枸杞和蔬菜六个重点产业
            if found.start() and _is_han(text[found.start() - 1]):  # right after a member written in Han
                yield (found.start(), *rules.list_cues[found["cue"]])
        yield from self._headed_runs(text)
        ends = None
        position = text.find("等")
        while position >= 0:  # 等 before a mention (a few per document: visit them, not the mentions)
            if ends is None:
                ends = {m.start: m.end for m in mentions}
            end = ends.get(position + 1)
            # …、邮乐购等电商平台: the members are instances (platforms, firms, projects), not industries
            if end is not None and not text.startswith(rules.instance_heads, end):
                yield position, (), rules.hypernym_confidence
            position = text.find("等", position + 1)

    def _headed_runs(self, text: str) -> Iterator[tuple[int, tuple[str, ...], float]]:
        """``肉鸡、肉牛、淡水鱼全产业链``: members of two to six characters joined by 、 whose last one
        is followed by a run head (产业, 全产业链, 产业集群, 产业链; not 产业园, 产业基地) close a list
        like 等 + a cue. Found from the heads' 产业 (a few per document)."""
        rules = self._rules.discovery
        blocked = rules.run_not_before
        position = text.find("产业")
        while position >= 0:
            head_start = position - 1 if position and text[position - 1] == "全" else position
            head = next((h for h in rules.run_heads if text.startswith(h, head_start)), None)
            if head is not None and text[head_start + len(head):head_start + len(head) + 1] not in blocked:
                run = rules.run_before_head.search(text, max(0, head_start - 40), head_start)
                if run is not None and run.start() and _is_han(text[run.start() - 1]):
                    # the first member is the rest of its clause: no 、 and no head of its own there
                    first = rules.run_first_member.search(text, max(0, run.start() - 16), run.start())
                    if first is not None and "产业" not in first.group() and "行业" not in first.group():
                        yield head_start, (), rules.run_confidence
            position = text.find("产业", position + 2)

    def _list_candidates(self, view: _Text, mentions: list[_Mention]) -> Iterator[Candidate]:
        """``A、B、C等未来产业``: the members the lexicon does not know."""
        text, split = view.text, self._rules.discovery.member_split
        for members_end, tiers, confidence in self._list_cues(text, mentions):
            clause_start, _ = view.clause_around(members_end)
            position = clause_start
            parts = split.split(text[clause_start:members_end])  # members, each followed by its coordinator
            for index in range(0, len(parts), 2):
                piece = parts[index]
                candidate = self._clean_candidate(text, position, position + len(piece))
                if position == clause_start and candidate is not None and candidate[0] == clause_start:
                    candidate = None  # an unknown first member with no cue verb before it is likely a subject
                position += len(piece) + (len(parts[index + 1]) if index + 1 < len(parts) else 0)
                if candidate is not None:
                    yield candidate[0], candidate[1], tiers, confidence

    def _verb_candidates(self, view: _Text) -> Iterator[Candidate]:
        """``发展X产业``, ``壮大X产业集群``, ``开辟X新赛道``, ``发展X经济``, and ``、Y经济`` after them."""
        rules, text = self._rules.discovery, view.text
        low, high = rules.head_window
        # the verbs with one of the heads close enough after them (a literal search, cheaper than the cue's)
        starts = [start for start in view.verb_cues if rules.head_near.search(text, start + low, start + high)]
        for found in _matches_at(rules.verb_cue, text, starts):
            head = found["head"]
            confidence, keep_head = rules.verb_heads[head]
            member = found
            while member is not None:
                if text.startswith(rules.verb_head_not_before, member.end("head")):
                    break  # 发展现代产业体系: the head begins another noun
                end = member.end("head") if keep_head else member.end("x")
                candidate = self._clean_candidate(text, member.start("x"), end)
                if candidate is not None:
                    yield candidate[0], candidate[1], (), confidence
                member = rules.next_member.match(text, member.end("head"))  # 首发经济、赛事经济
                if member is not None and member["head"] != head:
                    member = None

    def _economy_candidates(self, view: _Text, mentions: list[_Mention]) -> Iterator[Candidate]:
        """``夜间经济、网红经济``: an unknown X经济 coordinated after a known economy term."""
        rules, text = self._rules.discovery, view.text
        for m in mentions:
            if not text.startswith(ECONOMY, m.end - len(ECONOMY)) or m.end >= len(text):
                continue
            member = rules.next_member.match(text, m.end)
            while member is not None and member["head"] == ECONOMY:
                candidate = self._clean_candidate(text, member.start("x"), member.end("head"))
                if candidate is not None:
                    yield candidate[0], candidate[1], (), rules.verb_heads[ECONOMY][0]
                member = rules.next_member.match(text, member.end("head"))

    def _clean_candidate(self, text: str, start: int, end: int) -> Optional[Span]:
        """The span of a plausible new term in ``text[start:end]`` (cue words stripped), or None."""
        rules = self._rules.discovery
        if text[end - 1:end] in rules.head_last_chars:  # only then can a head end the candidate
            trailing = rules.trailing_head.search(text, start, end)  # 人形机器人产业 as a list member
            if trailing and trailing.start() > start:
                cut = trailing.start()
                # 业 that ends a word of its own (数字农业, 休闲渔业 end with 农业, 渔业) stays: the
                # candidate is then judged with that word (a broad sector word rejects it).
                if text[cut - 1:cut + 1] in self._nonterms:
                    cut = end
                end = cut
        if text[start:end] in self._plain_surfaces:
            return None  # a known term that no stripping changes: the most common list member
        # Cue verbs, policy and scope words and places, in any order (北京出台X, 着力推进全省X):
        # a term never starts with a verb or a policy word.
        while True:
            stripped = rules.strip_prefix.match(text, start, end)
            if stripped:
                start = stripped.end()
            place = _place_prefix_length(text[start:end])  # 厦门生物医药 → 生物医药
            if not place:
                break
            start += place
        candidate = text[start:end]
        if candidate in self._by_surface or not 2 <= len(candidate) <= rules.max_length:
            return None  # most list members are known terms
        if rules.reject_char.search(candidate) or not _has_letters(candidate) or COUNT_PREFIX.match(candidate):
            return None  # 12条 (of 发展12条制造业产业链) is a count, no term
        if candidate.startswith(rules.reject_starts) or candidate.endswith(rules.reject_endings):
            return None
        if candidate in rules.reject_words or candidate in self._rules.modifiers or self._is_nonterm(candidate):
            return None  # 现代 (of 现代产业体系) is a grade word, no term
        if candidate in _place_names():
            return None  # 加快合肥、芜湖低空经济产业: a place alone is no term
        return start, end

    @cached_property
    def _plain_surfaces(self) -> frozenset[str]:
        """Term strings that start with no cue word and no place: cleaning leaves them as they are,
        and a known term is no candidate (reset when terms are added)."""
        strip = self._rules.discovery.strip_prefix
        return frozenset(surface for surface in self._by_surface
                         if not strip.match(surface) and not _place_prefix_length(surface))

    def _is_nonterm(self, candidate: str) -> bool:
        if candidate in self._nonterms:
            return True
        for head in ("产业", ECONOMY, "行业", "领域"):  # 新兴 + 产业, 数字 + 产业
            if candidate + head in self._nonterms or candidate + head in self._by_surface:
                return True
        # 村级集体经济 ends with the non-term 集体经济: test each suffix (candidates are short).
        return any(candidate[k:] in self._nonterms for k in range(1, len(candidate) - 1))

    def _discovered(self, view: _Text, start: int, end: int, overlapping: list[_Mention],
                    tiers: tuple[str, ...], confidence: float) -> Optional[_Mention]:
        """A discovered mention unless the lexicon covers the span.

        A lexicon mention ending the candidate is its head (人形 + 机器人) and
        gives way to it; any other overlap means the lexicon knows better.
        """
        if overlapping:
            head = overlapping[0]
            if len(overlapping) > 1 or head.end != end or head.start <= start:
                return None
            if head.start - start > self._rules.discovery.max_extension_prefix:
                return None  # 人形 + 机器人, 银发 + 旅游; a longer prefix is rarely part of the term
            if any(view.text[head.start - n:head.start] in self._rules.modifiers
                   for n in self._rules.modifier_lengths):
                return None
        if view.inside_name(start, end):
            return None
        name = view.text[start:end]
        head_term = self._head_term(name)
        merged_tiers = tuple(dict.fromkeys(tiers + (head_term.tiers if head_term else ())))
        term = Term(name=name, aliases=(), sector=head_term.sector if head_term else OTHER_SECTOR,
                    category=head_term.category if head_term else None, tiers=merged_tiers,
                    source="discovery", origin="pattern")
        return _Mention(start, end, term, name, "pattern", confidence, merged_tiers)

    def _head_term(self, name: str) -> Optional[Term]:
        """The longest lexicon term that ends ``name`` (光子芯片 → 芯片): it gives the sector."""
        for k in range(1, len(name) - 1):
            term = self._by_surface.get(name[k:])
            if term is not None:
                return term
        return None


# -- helpers --------------------------------------------------------------------------

def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _has_letters(candidate: str) -> bool:
    """Han characters, or a Latin letter (6G): a bare number is never a term."""
    return any(not char.isascii() or char.isalpha() for char in candidate)


def _place_prefix_length(candidate: str) -> int:
    """The length of a place name (of eight characters or fewer) that starts ``candidate`` and
    leaves two characters or more."""
    limit = min(len(candidate) - 2, 8)
    places = _place_names()
    for length in _place_lengths().get(candidate[:1], ()):
        if length <= limit and candidate[:length] in places:
            return length
    return 0


@lru_cache(maxsize=None)
def _place_lengths() -> Mapping[str, tuple[int, ...]]:
    """First character of the place names → their lengths, longest first (the look-ups worth making)."""
    lengths: dict[str, set[int]] = {}
    for name in _place_names():
        if len(name) >= 2:
            lengths.setdefault(name[0], set()).add(len(name))
    return MappingProxyType({char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()})


def _matches_at(pattern: regex.Pattern, text: str, starts: list[int]) -> Iterator[regex.Match]:
    """What ``pattern.finditer(text)`` finds when a match can begin only at one of ``starts`` (sorted):
    a match is tried at each of them, skipping those inside the previous match."""
    resume = 0
    for start in starts:
        if start >= resume:
            found = pattern.match(text, start)
            if found is not None:
                resume = found.end()
                yield found


def _inside_block(start: int, end: int, blocks: list[Span], longest: int) -> bool:
    """Whether a longer non-term covers [start, end); ``blocks`` so far, by start, none longer than ``longest``.

    Blocks come from the scan before any hit at a later start, and before the
    hits at their own start that they are longer than.
    """
    for index in range(len(blocks) - 1, -1, -1):
        block_start, block_end = blocks[index]
        if block_start < start - longest:
            return False
        if block_start <= start and block_end >= end and block_end - block_start > end - start:
            return True
    return False


def _longest_first(hits: list[tuple[int, int, Term]]) -> list[tuple[int, int, Term]]:
    """Non-overlapping hits, longest first, then leftmost (深化工业互联网 keeps 工业互联网, not 化工).

    ``hits`` come by start; hits that overlap none other (most) are kept as
    they are, and the choice runs only within each run of overlapping ones,
    since choices in one run never touch another.
    """
    chosen: list[tuple[int, int, Term]] = []
    first: Optional[tuple[int, int, Term]] = None   # the run's first hit
    run: Optional[list[tuple[int, int, Term]]] = None  # the whole run, once a second hit overlaps
    run_end = -1
    for hit in hits:
        if hit[0] >= run_end:
            if run is not None:
                _choose(run, chosen)
                run = None
            elif first is not None:
                chosen.append(first)
            first, run_end = hit, hit[1]
        else:
            if run is None:
                run = [first, hit]
            else:
                run.append(hit)
            if hit[1] > run_end:
                run_end = hit[1]
    if run is not None:
        _choose(run, chosen)
    elif first is not None:
        chosen.append(first)
    return chosen


def _choose(run: list[tuple[int, int, Term]], chosen: list[tuple[int, int, Term]]) -> None:
    """Longest first, then leftmost, within one run of overlapping hits."""
    if len(run) == 2:  # the common run: two hits that overlap (新能源汽车 and 汽车)
        first, second = run
        chosen.append(first if first[1] - first[0] >= second[1] - second[0] else second)
        return
    taken: list[tuple[int, int, Term]] = []
    # (length, start) never repeats, so the sort never compares terms.
    for hit in sorted(run, key=lambda h: (h[0] - h[1], h[0])):
        if all(hit[1] <= other[0] or other[1] <= hit[0] for other in taken):
            taken.append(hit)
    chosen.extend(sorted(taken, key=lambda h: h[0]))


def _covered(position: int, mentions: list[_Mention], starts: list[int]) -> bool:
    """Whether one of ``mentions`` (by start, not overlapping; ``starts`` theirs) covers ``position``."""
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and mentions[index].end > position


def _overlaps_any(start: int, end: int, spans: list[Span], longest: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted; none longer than ``longest``)."""
    first = bisect.bisect_left(spans, (start - longest, 0))
    last = bisect.bisect_left(spans, (end, 0))
    return any(start < span_end for _, span_end in spans[first:last])


def discover_terms(texts: Iterable[str], tagger: Optional[IndustryTagger] = None) -> Counter:
    """How often the discovery patterns find each term the lexicon lacks, over ``texts``.

    For the CLI: run it over a corpus to see which new terms policy language
    has started to use, then add the good ones to a rule pack.
    """
    tagger = tagger or IndustryTagger.default()
    counts: Counter = Counter()
    for text in texts:
        counts.update(match.name for match in tagger.find(text) if match.source == "pattern")
    return counts
