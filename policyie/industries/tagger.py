"""Finding industry terms in policy text (SPEC sections 1 and 4).

One pass of :class:`~policyie.matching.LexiconMatcher` over the text finds
every lexicon string and every non-term string; then a few context rules,
each looking only at the characters around a hit:

1. **Selection** — hits inside a non-term (战略性新兴产业, 文化工作, 中国石化)
   are dropped; of overlapping hits the longest wins (深化|工业互联网, not
   深|化工|业); single-character terms (铝, 铜) come from one regex that wants
   a coordination or a head next to them.
2. **Boundaries** — spans never include generic heads (产业, 行业, 产业链,
   领域, 赛道, 制造业, 产品, 核心产业, a bare 业): the lexicon holds heads-free
   names, and ``X制造业`` shrinks to ``X`` when ``X`` is a term (电子信息制造业 →
   电子信息, while 装备制造业 → 装备制造).  A grade modifier right before a
   term joins it (高端纺织).
3. **Coordination** — members joined by 、/和/与/及 are separate records; a
   word that is no industry alone (文化, 数据, 铝) counts in a chain with a head
   (文化、旅游等产业), with an industry member (铝及铝加工) or before its own
   head (数据产业); a shared head is distributed (新能源和智能网联汽车 → 新能源
   named 新能源汽车; 汽车及零部件 → 零部件 named 汽车零部件).
4. **Exclusions** — no records inside names of companies, parks, bases,
   zones, centres, events (a name suffix such as 产业园, 试验区, 公司 follows
   within a few name-like characters), but records inside titles of plans and
   pilots (行动计划, 方案, 试点 come first); no records for goods in export,
   import and trade-in clauses; none inside the caller's ``excluded`` spans.
5. **Discovery** — list and cue patterns (``A、B等未来产业``, ``发展X产业``,
   ``开辟X新赛道``, ``发展X经济``) propose terms the lexicon lacks, with
   ``source="pattern"`` and a confidence below 1.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple, Optional, Sequence

import regex

from policyie.industries.lexicon import (
    Term, parse_term, read_grammar, read_lexicon, read_nonterms,
)
from policyie.matching import LexiconMatcher

BoundaryCheck = Callable[[int], bool]
Span = tuple[int, int]
OTHER_SECTOR = "其他"


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
    """The context rules compiled once from grammar.json (immutable, shared by taggers)."""

    head_after: regex.Pattern
    strong_head_after: regex.Pattern
    single_char_suffix_after: regex.Pattern
    continuation_after: regex.Pattern
    name_after: regex.Pattern
    goods_cue: regex.Pattern
    clause_break: regex.Pattern
    coordinators: frozenset[str]
    merging_coordinators: frozenset[str]
    modifiers: tuple[str, ...]
    domain_prefixes: tuple[str, ...]
    shared_heads: tuple[str, ...]
    dependent_after: regex.Pattern
    single_char_left: str
    free_left: regex.Pattern
    free_right: regex.Pattern
    economy_head: regex.Pattern
    list_cue: regex.Pattern
    list_cue_settings: dict
    hypernym_confidence: float
    verb_cue: regex.Pattern
    verb_head_settings: dict
    next_member: regex.Pattern
    member_split: regex.Pattern
    strip_prefix: regex.Pattern
    reject_char: regex.Pattern
    reject_starts: tuple[str, ...]
    reject_endings: tuple[str, ...]
    trailing_heads: tuple[str, ...]
    reject_words: frozenset[str]
    max_candidate: int

    @classmethod
    def from_grammar(cls, g: dict) -> "_Rules":
        heads = _alternation(g["generic_heads"])
        bare = regex.escape(g["bare_head"])
        not_after_bare = "".join(g["bare_head_not_before"])
        bare_head = rf"{bare}(?![{regex.escape(not_after_bare)}])"
        head_pattern = rf"(?:{heads}|{bare_head})"
        strong_pattern = rf"(?:{_alternation(g['strong_heads'])}|{bare_head})"
        coordinators = _alternation(g["coordinators"])
        stop_chars = regex.escape(g["name_filler_stop_chars"])
        filler = (rf"(?:(?!{_alternation(g['name_filler_stop_words'])})"
                  rf"[^\s\p{{P}}\p{{S}}{stop_chars}])")
        attached = "|".join(
            regex.escape(char) + (f"(?![{regex.escape(blocked)}])" if blocked else "")
            for char, blocked in g["attached_name_suffixes"].items())
        name_after = (rf"(?:(?P<name>{attached})"
                      rf"|{filler}{{0,{int(g['name_filler_max'])}}}?"
                      rf"(?:(?P<title>{_alternation(g['title_suffixes'])})"
                      rf"|(?P<name>{_alternation(g['name_suffixes'])})))")
        d = g["discovery"]
        list_cues = {item["cue"]: (tuple(item["tiers"]), float(item["confidence"])) for item in d["list_cues"]}
        verb_heads = {item["head"]: (float(item["confidence"]), bool(item.get("keep", False)))
                      for item in d["verb_heads"]}
        economy_guard = _alternation(d["economy_not_before"])
        head_alternatives = "|".join(
            regex.escape(head) + (f"(?!{economy_guard})" if keep else "")
            for head, (_, keep) in sorted(verb_heads.items(), key=lambda kv: -len(kv[0])))
        single_left = "|".join(regex.escape(word) for word in g["single_char_left"])
        return cls(
            head_after=regex.compile(head_pattern),
            strong_head_after=regex.compile(strong_pattern),
            single_char_suffix_after=regex.compile(
                rf"(?:{strong_pattern}|{_alternation(g['head_free_suffix_for_single_chars'])})"),
            continuation_after=regex.compile(rf"(?:{head_pattern}|{coordinators}|等|经济)"),
            name_after=regex.compile(name_after),
            goods_cue=regex.compile(_alternation(g["goods_cues"])),
            clause_break=regex.compile(f"[{regex.escape(g['clause_breaks'])}]"),
            coordinators=frozenset(g["coordinators"]),
            merging_coordinators=frozenset(c for c in g["coordinators"] if c not in ("、",)),
            modifiers=tuple(g["modifiers"]),
            domain_prefixes=tuple(sorted(g["domain_prefixes"], key=len, reverse=True)),
            shared_heads=tuple(g["shared_heads"]),
            dependent_after=regex.compile(
                rf"(?:{coordinators})(?P<head>{_alternation(g['dependent_heads'])})"),
            single_char_left=single_left,
            free_left=regex.compile(rf"(?:^|[^\p{{Han}}]|{_alternation(g['free_left'])})$"),
            free_right=regex.compile(
                rf"(?:{head_pattern}|{coordinators}|{_alternation(g['free_right'])}|[^\p{{Han}}]|$)"),
            economy_head=regex.compile(rf"经济(?!{economy_guard})"),
            list_cue=regex.compile(
                rf"等(?:{_alternation(d['list_quantifiers'])})?(?:(?P<cue>{_alternation(list_cues)})"
                rf"|[\p{{Han}}A-Za-z0-9]{{1,{int(d['hypernym_max'])}}}?(?:产业集群|产业|行业))"),
            hypernym_confidence=float(d["hypernym_confidence"]),
            list_cue_settings=list_cues,
            verb_cue=regex.compile(
                rf"(?:{_alternation(d['verb_cues'])})"
                rf"(?P<x>[\p{{Han}}A-Za-z0-9]{{2,{int(d['max_length'])}}}?)"
                rf"(?P<head>{head_alternatives})"),
            verb_head_settings=verb_heads,
            next_member=regex.compile(
                rf"(?:{coordinators})(?P<x>[\p{{Han}}A-Za-z0-9]{{2,{int(d['max_length'])}}}?)"
                rf"(?P<head>{head_alternatives})"),
            member_split=regex.compile(coordinators),
            strip_prefix=regex.compile(rf"^(?:{_alternation(d['strip_prefixes'])})+"),
            reject_char=regex.compile(rf"[{regex.escape(d['reject_chars'])}\s\p{{P}}\p{{S}}]"),
            reject_starts=tuple(d["reject_starts"]),
            reject_endings=tuple(d["reject_endings"]),
            trailing_heads=tuple(sorted(g["generic_heads"], key=len, reverse=True)),
            reject_words=frozenset(d["reject_words"]),
            max_candidate=int(d["max_length"]),
        )


@lru_cache(maxsize=None)
def _shipped_data() -> tuple[tuple[Term, ...], tuple[str, ...], _Rules]:
    """The shipped lexicon, non-terms and rules: read once, immutable."""
    return read_lexicon(), read_nonterms(), _Rules.from_grammar(read_grammar())


class IndustryTagger:
    """Industry terms of a text: ``IndustryTagger.default().find(text)``."""

    def __init__(self, terms: Iterable[Term], nonterms: Iterable[str], rules: _Rules):
        self._rules = rules
        self._matcher: LexiconMatcher[Optional[Term]] = LexiconMatcher()
        self._nonterms = frozenset(nonterms)
        for word in self._nonterms:
            self._matcher.add(word, None)  # a None payload marks a blocking non-term
        self._max_nonterm = max((len(w) for w in self._nonterms), default=0)
        self._by_surface: dict[str, Term] = {}
        self._single_chars: dict[str, Term] = {}
        for term in terms:
            self._add(term)
        self._single_char_pattern = self._compile_single_chars()

    @classmethod
    def default(cls) -> "IndustryTagger":
        """A tagger over the shipped data (a fresh instance: ``add_terms`` changes only it)."""
        terms, nonterms, rules = _shipped_data()
        return cls(terms, nonterms, rules)

    # -- vocabulary ----------------------------------------------------------
    def add_terms(self, records: Sequence[dict], *, source: str = "<rule pack>") -> None:
        """Add user terms (lexicon.jsonl format); they win over shipped strings and non-terms."""
        for index, record in enumerate(records):
            self._add(parse_term(record, source=source, line=None if len(records) == 1 else index + 1,
                                 origin="rule_pack"))
        self._single_char_pattern = self._compile_single_chars()

    def _add(self, term: Term) -> None:
        for surface in term.surfaces:
            self._by_surface[surface] = term
            if len(surface) == 1:
                self._single_chars[surface] = term
            else:
                self._matcher.add(surface, term)

    def _compile_single_chars(self) -> Optional[regex.Pattern]:
        """One regex for one-character terms: after a coordinator or cue verb, before a head or coordinator."""
        if not self._single_chars:
            return None
        chars = "".join(regex.escape(c) for c in sorted(self._single_chars))
        rules = self._rules
        return regex.compile(
            rf"(?:(?<=^|[\s\p{{P}}])|(?<={rules.single_char_left}))(?P<c>[{chars}])"
            rf"(?=(?:{rules.single_char_suffix_after.pattern})|(?:{rules.continuation_after.pattern}))")

    def term(self, surface: str) -> Optional[Term]:
        """The term a string names, if any."""
        return self._by_surface.get(surface)

    def terms(self) -> list[Term]:
        """Every distinct term known to this tagger."""
        return list({id(t): t for t in self._by_surface.values()}.values())

    def segmenter_words(self) -> list[str]:
        """Strings the word segmenter should keep whole (two characters or more)."""
        return [surface for surface in self._by_surface if len(surface) >= 2]

    # -- finding ---------------------------------------------------------------
    def find(self, text: str, *, is_boundary: Optional[BoundaryCheck] = None,
             excluded: Iterable[Span] = ()) -> list[IndustryMatch]:
        """Industry mentions of ``text``, in text order.

        ``is_boundary(offset)`` says whether the word segmenter put a boundary
        at ``offset`` (None in char mode: characters alone decide);
        ``excluded`` spans are proper names claimed by other components.
        """
        if not text:
            return []
        mentions = self._lexicon_mentions(text, is_boundary)
        mentions = self._apply_context(text, mentions)
        mentions = self._add_discoveries(text, mentions, is_boundary)
        excluded = sorted(tuple(span) for span in excluded)
        if excluded:
            longest = max(e - s for s, e in excluded)
            mentions = [m for m in mentions if not _overlaps_any(m.start, m.end, excluded, longest)]
        return [self._to_match(text, m) for m in mentions]

    @staticmethod
    def _to_match(text: str, m: _Mention) -> IndustryMatch:
        return IndustryMatch(start=m.start, end=m.end, text=text[m.start:m.end], name=m.name,
                             sector=m.term.sector, category=m.term.category, tiers=m.tiers,
                             source=m.source, confidence=m.confidence)

    @staticmethod
    def _mention(start: int, end: int, term: Term, confidence: float = 1.0) -> _Mention:
        return _Mention(start, end, term, term.name, term.origin, confidence, term.tiers)

    # 1. selection ---------------------------------------------------------------
    def _lexicon_mentions(self, text: str, is_boundary: Optional[BoundaryCheck]) -> list[_Mention]:
        hits, blocks = [], []
        for start, end, term in self._matcher.find_all(text):
            if term is None:
                blocks.append((start, end))
            elif self._plausible_hit(text, start, end, is_boundary):
                hits.append((start, end, term))
        if blocks:
            hits = [hit for hit in hits if not self._inside_block(hit, blocks)]
        # Longest first, then leftmost: 深化工业互联网 keeps 工业互联网, not 化工.
        hits.sort(key=lambda hit: (hit[0] - hit[1], hit[0]))
        taken = bytearray(len(text))
        chosen = []
        for start, end, term in hits:
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append(self._mention(start, end, term))
        if self._single_char_pattern is not None:
            for found in self._single_char_pattern.finditer(text):
                start = found.start("c")
                if not taken[start]:
                    chosen.append(self._mention(start, start + 1, self._single_chars[found["c"]]))
        chosen.sort()
        return chosen

    def _plausible_hit(self, text: str, start: int, end: int, is_boundary: Optional[BoundaryCheck]) -> bool:
        """Latin terms must not sit inside Latin words; short terms must not cut segmenter words."""
        first, last = text[start], text[end - 1]
        if first.isascii() and start > 0 and _is_ascii_alnum(first) and _is_ascii_alnum(text[start - 1]):
            return False
        if last.isascii() and end < len(text) and _is_ascii_alnum(last) and _is_ascii_alnum(text[end]):
            return False
        if is_boundary is not None and end - start <= 3:
            # Long terms are never accidental; short ones (化工 in 文化|工作) may be.
            if not is_boundary(start):
                return False
            if end < len(text) and not is_boundary(end) and not self._rules.continuation_after.match(text, end):
                return False
        return True

    def _inside_block(self, hit: tuple[int, int, Term], blocks: list[Span]) -> bool:
        """Whether a longer non-term covers the hit (blocks are sorted by start)."""
        start, end = hit[0], hit[1]
        index = bisect.bisect_left(blocks, (start - self._max_nonterm, 0))
        while index < len(blocks) and blocks[index][0] <= start:
            block_start, block_end = blocks[index]
            if block_end >= end and block_end - block_start > end - start:
                return True
            index += 1
        return False

    # 2-4. context ------------------------------------------------------------
    def _apply_context(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        mentions = [self._shrink_zhizao_ye(text, m) for m in mentions]
        mentions = self._attach_domain_prefixes(text, mentions)
        mentions = self._attach_modifiers(text, mentions)
        mentions = [self._attach_economy_head(text, m) for m in mentions]
        kept: list[_Mention] = []
        starts = {m.start for m in mentions}
        for chain in self._chains(text, mentions):
            kept.extend(self._resolve_chain(text, chain, starts))
        kept = self._add_dependent_heads(text, kept)
        if any(m.term.goods for m in kept):
            kept = self._drop_goods(text, kept)
        return kept

    def _shrink_zhizao_ye(self, text: str, m: _Mention) -> _Mention:
        """电子信息制造业 → 电子信息 (制造业 is a generic head); 装备制造业 keeps 装备制造."""
        if m.end - m.start > 3 and text.startswith("制造业", m.end - 2):
            shorter = self._by_surface.get(text[m.start:m.end - 2])
            if shorter is not None and not shorter.needs_head:
                return self._mention(m.start, m.end - 2, shorter)
        return m

    def _attach_economy_head(self, text: str, m: _Mention) -> _Mention:
        """Terms with the head 经济 keep it (SPEC): 演艺 + 经济 → 演艺经济, with the sector of 演艺."""
        if not self._rules.economy_head.match(text, m.end):
            return m
        span = text[m.start:m.end + 2]
        if span in self._nonterms:
            return m
        return m._replace(end=m.end + 2, name=span, confidence=0.9)

    def _attach_domain_prefixes(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """A domain word right before a term makes a compound term: 智慧+文旅, 体育+旅游, 海洋+旅游.

        The compound is named as written (its sector is the head's); a prefix that was a
        mention of its own (体育) becomes part of the compound.
        """
        result: list[_Mention] = []
        for m in mentions:
            for prefix in self._rules.domain_prefixes:
                begin = m.start - len(prefix)
                if begin < 0 or not text.startswith(prefix, begin):
                    continue
                if result and result[-1].end > begin:
                    if (result[-1].start, result[-1].end) != (begin, m.start):
                        continue
                    result.pop()  # 体育 + 旅游: the prefix mention joins the compound
                span = text[begin:m.end]
                compound = self._by_surface.get(span)
                m = (self._mention(begin, m.end, compound) if compound is not None
                     else m._replace(start=begin, name=span, confidence=0.9))
                break
            result.append(m)
        return result

    def _attach_modifiers(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """高端/先进/新型 right before a term belong to it (SPEC: fixed modifiers are kept)."""
        result, previous_end = [], 0
        for m in mentions:
            for modifier in self._rules.modifiers:
                begin = m.start - len(modifier)
                if begin >= previous_end and text.startswith(modifier, begin):
                    m = m._replace(start=begin)
                    break
            result.append(m)
            previous_end = m.end
        return result

    def _chains(self, text: str, mentions: list[_Mention]) -> list[list[_Mention]]:
        """Runs of mentions joined only by coordinators (、 和 与 及 以及)."""
        chains: list[list[_Mention]] = []
        for m in mentions:
            if chains and text[chains[-1][-1].end:m.start] in self._rules.coordinators:
                chains[-1].append(m)
            else:
                chains.append([m])
        return chains

    def _resolve_chain(self, text: str, chain: list[_Mention], starts: set[int]) -> list[_Mention]:
        rules = self._rules
        last_end = chain[-1].end
        if self._inside_name(text, last_end):
            return []  # 新能源和智能网联汽车产业园: the whole chain names a park
        # 文化、旅游等产业 and 铝、铜等有色金属 have a head; 宣传、文化、体育等部门 has none.
        tail_headed = bool(rules.strong_head_after.match(text, last_end)) or (
            text.startswith("等", last_end)
            and (bool(rules.list_cue.match(text, last_end)) or last_end + 1 in starts))
        has_industry = any(not m.term.needs_head for m in chain)
        resolved = []
        for index, m in enumerate(chain):
            if m.term.needs_head and not self._headed(text, m):
                if not (len(chain) >= 2 and (has_industry or tail_headed) and self._free_standing(text, m)):
                    continue
            if index + 1 < len(chain):
                m = self._distribute_shared_head(text, m, chain[index + 1])
            resolved.append(m)
        return resolved

    def _free_standing(self, text: str, m: _Mention) -> bool:
        """A word that needs a head counts in a chain only as a word of its own.

        柔性|电子 or 健康|服务 are parts of longer words, 文化、旅游 or 推动|文化和旅游 are not.
        """
        rules = self._rules
        return bool(rules.free_left.search(text, max(0, m.start - 4), m.start)
                    and rules.free_right.match(text, m.end))

    def _headed(self, text: str, m: _Mention) -> bool:
        """A word that needs a head has one: 数据产业, 金融业, 铝加工 (领域, 产品 are too weak for it)."""
        pattern = self._rules.single_char_suffix_after if m.end - m.start == 1 else self._rules.strong_head_after
        return bool(pattern.match(text, m.end))

    def _inside_name(self, text: str, end: int) -> bool:
        """A name suffix (产业园, 试验区, 公司 …) follows before any title suffix (行动计划, 试点 …)."""
        found = self._rules.name_after.match(text, end)
        return bool(found) and found["name"] is not None

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

    def _add_dependent_heads(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """汽车及零部件: 零部件 is a record named 汽车零部件."""
        added = []
        starts = {m.start for m in mentions}
        for m in mentions:
            found = self._rules.dependent_after.match(text, m.end)
            if not found or found.start("head") in starts:
                continue
            head = found["head"]
            compound = self._by_surface.get(text[m.start:m.end] + head) or self._by_surface.get(m.name + head)
            if compound is not None and not self._inside_name(text, found.end("head")):
                added.append(_Mention(found.start("head"), found.end("head"), compound, compound.name,
                                      compound.origin, 0.9, compound.tiers))
        return sorted(mentions + added) if added else mentions

    def _drop_goods(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """Goods in a clause about exports, imports or trade-ins are products, not industries."""
        cues = [found.start() for found in self._rules.goods_cue.finditer(text)]
        if not cues:
            return mentions
        breaks = [found.start() for found in self._rules.clause_break.finditer(text)]
        kept = []
        for m in mentions:
            if m.term.goods:
                clause_start, clause_end = _clause_around(breaks, m.start, len(text))
                first_cue = bisect.bisect_left(cues, clause_start)
                if first_cue < len(cues) and cues[first_cue] < clause_end:
                    continue
            kept.append(m)
        return kept

    # 5. discovery -------------------------------------------------------------
    def _add_discoveries(self, text: str, mentions: list[_Mention],
                         is_boundary: Optional[BoundaryCheck]) -> list[_Mention]:
        candidates = set(self._list_candidates(text, mentions)) | set(self._verb_candidates(text))
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
            found = self._discovered(text, start, end, [mentions[i] for i in overlapping], tiers, confidence)
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

    def _list_cues(self, text: str, mentions: list[_Mention]):
        """Positions of 等 that close a list of industries, with the cue's tiers and confidence.

        ``等未来产业`` (a tier cue), ``等电子信息产业`` (a hypernym and a head) and
        ``等新能源`` (a lexicon hypernym) all say that the members before 等 are industries.
        """
        rules = self._rules
        for found in rules.list_cue.finditer(text):
            if found["cue"] is not None:
                yield (found.start(), *rules.list_cue_settings[found["cue"]])
            else:
                yield found.start(), (), rules.hypernym_confidence
        for m in mentions:
            if m.start > 0 and text[m.start - 1] == "等":
                yield m.start - 1, (), rules.hypernym_confidence

    def _list_candidates(self, text: str, mentions: list[_Mention]):
        """``A、B、C等未来产业``: members the lexicon does not know."""
        rules = self._rules
        breaks = None
        for members_end, tiers, confidence in self._list_cues(text, mentions):
            if breaks is None:
                breaks = [b.start() for b in rules.clause_break.finditer(text)]
            clause_start, _ = _clause_around(breaks, members_end, len(text))
            position = clause_start
            for piece in rules.member_split.split(text[clause_start:members_end]):
                candidate = self._clean_candidate(text, position, position + len(piece))
                if position == clause_start and candidate is not None and candidate[0] == clause_start:
                    candidate = None  # an unknown first member with no cue verb before it is likely a subject
                position += len(piece)
                separator = rules.member_split.match(text, position)
                if separator:
                    position = separator.end()
                if candidate is not None:
                    yield candidate[0], candidate[1], tiers, confidence

    def _verb_candidates(self, text: str):
        """``发展X产业``, ``壮大X产业集群``, ``开辟X新赛道``, ``发展X经济``, and ``、Y经济`` members after them."""
        rules = self._rules
        for found in rules.verb_cue.finditer(text):
            head = found["head"]
            confidence, keep_head = rules.verb_head_settings[head]
            member = found
            while member is not None:
                end = member.end("head") if keep_head else member.end("x")
                candidate = self._clean_candidate(text, member.start("x"), end)
                if candidate is not None:
                    yield candidate[0], candidate[1], (), confidence
                # 发展首发经济、赛事经济: a coordinated member with the same head
                member = rules.next_member.match(text, member.end("head"))
                if member is not None and member["head"] != head:
                    member = None

    def _clean_candidate(self, text: str, start: int, end: int) -> Optional[Span]:
        """The span of a plausible new term in ``text[start:end]`` (cue words stripped), or None."""
        rules = self._rules
        raw = text[start:end]
        stripped = rules.strip_prefix.match(raw)
        if stripped:
            start += stripped.end()
        while True:  # 人形机器人产业 as a list member: the generic head is not part of the term
            trailing = next((h for h in rules.trailing_heads if text.endswith(h, start, end)), None)
            if trailing is None:
                break
            end -= len(trailing)
        candidate = text[start:end]
        if not 2 <= len(candidate) <= rules.max_candidate:
            return None
        if rules.reject_char.search(candidate) or not _has_letters(candidate):
            return None
        if candidate.startswith(rules.reject_starts) or candidate.endswith(rules.reject_endings):
            return None
        if candidate in rules.reject_words or self._is_nonterm(candidate) or candidate in self._by_surface:
            return None
        return start, end

    def _is_nonterm(self, candidate: str) -> bool:
        if candidate in self._nonterms:
            return True
        for suffix in ("产业", "经济", "行业", "领域"):
            if candidate + suffix in self._nonterms or candidate + suffix in self._by_surface:
                return True
        # 村级集体经济 ends with the non-term 集体经济: test each suffix (candidates are short).
        return any(candidate[k:] in self._nonterms for k in range(1, len(candidate) - 1))

    def _discovered(self, text: str, start: int, end: int, overlapping: list[_Mention],
                    tiers: tuple[str, ...], confidence: float) -> Optional[_Mention]:
        """A discovered mention unless the lexicon covers the span.

        A lexicon mention at the end of the candidate is its head (人形 + 机器人)
        and gives way to it; any other overlap means the lexicon knows better.
        """
        if overlapping:
            head = overlapping[0]
            if len(overlapping) > 1 or head.end != end or head.start <= start:
                return None
            if text[start:head.start].endswith(self._rules.modifiers):
                return None
        if self._inside_name(text, end):
            return None
        name = text[start:end]
        head_term = self._head_term(name)
        merged_tiers = tuple(dict.fromkeys(tiers + (head_term.tiers if head_term else ())))
        term = Term(name=name, aliases=(), sector=head_term.sector if head_term else OTHER_SECTOR,
                    category=head_term.category if head_term else None, tiers=merged_tiers,
                    source="discovery", origin="pattern")
        return _Mention(start, end, term, name, "pattern", confidence, merged_tiers)

    def _head_term(self, name: str) -> Optional[Term]:
        """The longest lexicon term that ends ``name`` (光子芯片 → 芯片), which gives its sector."""
        for k in range(1, len(name) - 1):
            term = self._by_surface.get(name[k:])
            if term is not None:
                return term
        return None


# -- helpers ------------------------------------------------------------------------

def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _has_letters(candidate: str) -> bool:
    """Han characters, or a Latin letter (6G): a bare number is never a term."""
    return any(not c.isascii() or c.isalpha() for c in candidate)


def _clause_around(breaks: list[int], position: int, length: int) -> Span:
    """The clause (between punctuation) containing ``position``."""
    index = bisect.bisect_right(breaks, position)
    start = breaks[index - 1] + 1 if index > 0 else 0
    end = breaks[index] if index < len(breaks) else length
    return start, end


def _overlaps_any(start: int, end: int, spans: list[Span], longest: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted; none longer than ``longest``)."""
    first = bisect.bisect_left(spans, (start - longest, 0))
    last = bisect.bisect_left(spans, (end, 0))
    return any(start < e for _, e in spans[first:last])


def discover_terms(texts: Iterable[str], tagger: Optional[IndustryTagger] = None) -> Counter:
    """How often each term the lexicon lacks is found by the discovery patterns over ``texts``."""
    tagger = tagger or IndustryTagger.default()
    counts: Counter = Counter()
    for text in texts:
        counts.update(match.name for match in tagger.find(text) if match.source == "pattern")
    return counts
