"""The corpus view: what an analyst looks at first (``policyie summarize``).

From the results of ``policyie extract`` over many documents:

- a **region × industry matrix**: how often the documents of each region name
  each industry, shaded as a heatmap, regions in official (GB/T 2260 code) order;
- per region, a **table of its indicators**: name, value with unit, year,
  target or result, and the document it comes from.

A document's region is the one it is about: its ``region`` field when the
results line has one (a code), else the region most of its indicators describe
(the country's figures quoted in a provincial report do not outvote the
province's own), else its most often named coded region.  An indicator is
listed under the region it describes (its ``region``), or under its
document's region when it has none.
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from policyie.records import Extraction, Indicator
from policyie.render import APPROX_WORDS, format_value

COUNTRY_CODE = "100000"
UNKNOWN = ""            # the row of documents whose region cannot be told


@dataclass(frozen=True)
class IndicatorRow:
    doc_id: str
    indicator: Indicator


@dataclass
class CorpusSummary:
    documents: int = 0
    documents_by_region: Counter = field(default_factory=Counter)
    # region code → industry name → mentions, and → documents naming it
    mentions: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    naming_documents: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    indicators: dict[str, list[IndicatorRow]] = field(default_factory=lambda: defaultdict(list))
    region_names: dict[str, str] = field(default_factory=dict)

    def regions(self) -> list[str]:
        """Every region with a document or an indicator, in official order (unknown last)."""
        codes = set(self.documents_by_region) | set(self.indicators)
        return sorted(codes, key=official_order)

    def industries(self, limit: Optional[int] = None) -> list[str]:
        """Industry names by mentions over the corpus, most named first (ties by name)."""
        totals: Counter = Counter()
        for counts in self.mentions.values():
            totals.update(counts)
        ordered = sorted(totals, key=lambda name: (-totals[name], name))
        return ordered[:limit] if limit else ordered

    def name_of(self, code: str) -> str:
        if code == UNKNOWN:
            return "(region unknown)"
        return self.region_names.get(code, code)


def official_order(code: str) -> tuple:
    """The country, then GB/T 2260 codes ascending (province before its cities), unknown last."""
    if code == UNKNOWN:
        return (2, "")
    return (0 if code == COUNTRY_CODE else 1, code)


def document_region(result: Extraction, declared: Optional[str] = None) -> str:
    """The code of the region a document is about (see the module docstring)."""
    if declared:
        return str(declared)
    described = Counter(q.region for q in result.indicators if q.region)
    if described:
        own = Counter({code: n for code, n in described.items() if code != COUNTRY_CODE})
        return (own or described).most_common(1)[0][0]
    named = Counter(r.code for r in result.regions if r.code)
    if named:
        own = Counter({code: n for code, n in named.items() if code != COUNTRY_CODE})
        return (own or named).most_common(1)[0][0]
    return UNKNOWN


def summarize(results: Iterable[tuple[Extraction, Optional[str]]]) -> CorpusSummary:
    """A summary of (result, declared region code or None) pairs."""
    summary = CorpusSummary()
    for result, declared in results:
        summary.documents += 1
        region = document_region(result, declared)
        summary.documents_by_region[region] += 1
        named = Counter(industry.name for industry in result.industries)
        summary.mentions[region].update(named)
        summary.naming_documents[region].update(named.keys())
        for indicator in result.indicators:
            summary.indicators[indicator.region or region].append(IndicatorRow(result.id or "", indicator))
        summary.region_names.update({r.code: r.name for r in result.regions if r.code})
    _name_regions(summary)
    return summary


def _name_regions(summary: CorpusSummary) -> None:
    """Official names for every code shown (the division table knows them all)."""
    from policyie.regions.table import DivisionTable

    table = DivisionTable.default()
    for code in summary.regions():
        division = table.get(code)
        if division is not None:
            summary.region_names[code] = division.name
    if COUNTRY_CODE in summary.region_names or COUNTRY_CODE in summary.regions():
        summary.region_names[COUNTRY_CODE] = "全国"


# -- HTML -----------------------------------------------------------------------------------

SUMMARY_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 2em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; } h3 { font-size: 1em; margin-top: 1.5em; }
table { border-collapse: collapse; font-size: 0.85em; }
th, td { border: 1px solid #e2e2e2; padding: 0.25em 0.5em; }
table.matrix th.industry { writing-mode: vertical-rl; text-orientation: upright; vertical-align: bottom;
                           white-space: nowrap; font-weight: normal; padding: 0.5em 0.3em; line-height: 1.2; }
table.matrix td { text-align: center; min-width: 2.2em; font-variant-numeric: tabular-nums; }
table.matrix th.region { text-align: left; white-space: nowrap; }
table.matrix td.zero { color: #ccc; }
table.indicators td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.target { color: #8a4b00; } .result { color: #245c24; } .none { color: #999; }
.note { color: #666; font-size: 0.85em; }
nav a { margin-right: 0.8em; white-space: nowrap; }
"""


def heat_style(count: int, highest: int) -> str:
    """A background from white to deep blue by the square root of the share of the highest cell
    (square root: a corpus has a few very common industries and a long tail)."""
    if not count or not highest:
        return ""
    strength = (count / highest) ** 0.5
    text = "#fff" if strength > 0.6 else "#000"
    return f' style="background: rgba(31, 94, 170, {0.08 + 0.85 * strength:.2f}); color: {text}"'


def matrix_html(summary: CorpusSummary, max_industries: int) -> str:
    industries = summary.industries(max_industries)
    if not industries:
        return '<p class="none">No industries were found.</p>'
    rows = [r for r in summary.regions() if summary.documents_by_region.get(r)]
    highest = max((summary.mentions[r][name] for r in rows for name in industries), default=0)
    head = "".join(f'<th class="industry" scope="col">{html.escape(name)}</th>' for name in industries)
    body = []
    for region in rows:
        cells = []
        for name in industries:
            count = summary.mentions[region][name]
            docs = summary.naming_documents[region][name]
            title = f"{summary.name_of(region)} · {name}: {count} mentions in {docs} document(s)"
            css = "" if count else ' class="zero"'
            cells.append(f'<td{css}{heat_style(count, highest)} title="{html.escape(title)}">{count}</td>')
        label = (f'<th class="region" scope="row">{html.escape(summary.name_of(region))} '
                 f'<span class="note">{region} · {summary.documents_by_region[region]} doc</span></th>')
        body.append(f"<tr>{label}{''.join(cells)}</tr>")
    return (f'<table class="matrix"><thead><tr><th>region</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def _sort_key(position_and_row: tuple[int, IndicatorRow]) -> tuple:
    position, row = position_and_row
    year = row.indicator.year
    return (year is None, -(year or 0), position)


def indicator_table_html(rows: list[IndicatorRow], limit: int) -> str:
    ordered = [row for _, row in sorted(enumerate(rows), key=_sort_key)]
    shown = ordered[:limit] if limit else ordered
    lines = []
    for row in shown:
        q = row.indicator
        value = f"{APPROX_WORDS[q.approx]} {format_value(q)}".strip()
        status = '<span class="target">target</span>' if q.target else '<span class="result">result</span>'
        name = html.escape(q.name) if q.name else '<span class="none">—</span>'
        year = str(q.year) if q.year else '<span class="none">—</span>'
        lines.append(f"<tr><td>{name}</td><td class=\"num\">{html.escape(value)}</td><td>{q.kind}</td>"
                     f"<td>{year}</td><td>{status}</td><td>{html.escape(row.doc_id)}</td></tr>")
    more = (f'<p class="note">… and {len(ordered) - len(shown)} more (raise --max-indicators to see them).</p>'
            if len(shown) < len(ordered) else "")
    return ('<table class="indicators"><thead><tr><th>name</th><th>value</th><th>kind</th><th>year</th>'
            '<th>target or result</th><th>document</th></tr></thead><tbody>'
            + "".join(lines) + "</tbody></table>" + more)


def summary_html(summary: CorpusSummary, *, title: str = "policyie corpus summary",
                 max_industries: int = 40, max_indicators: int = 200) -> str:
    """The standalone page: the matrix, then each region's indicators."""
    regions = [r for r in summary.regions() if summary.indicators.get(r)]
    anchors = {region: f"region-{region or 'unknown'}" for region in regions}
    nav = " ".join(f'<a href="#{anchors[r]}">{html.escape(summary.name_of(r))}</a>' for r in regions)
    sections = "\n".join(
        f'<h3 id="{anchors[r]}">{html.escape(summary.name_of(r))} <span class="note">{r} · '
        f'{len(summary.indicators[r])} indicators</span></h3>\n'
        + indicator_table_html(summary.indicators[r], max_indicators) for r in regions)
    shown = len(summary.industries(max_industries))
    total = len(summary.industries())
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{SUMMARY_CSS}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p class="note">{summary.documents} documents · {len(summary.documents_by_region)} regions ·
{total} industries (the {shown} most named shown) · {sum(len(v) for v in summary.indicators.values())} indicators</p>
<h2>Industries named, by region</h2>
<p class="note">Mentions of each industry in the documents about each region; darker is more.</p>
{matrix_html(summary, max_industries)}
<h2>Indicators by region</h2>
<nav>{nav}</nav>
{sections or '<p class="none">No indicators were found.</p>'}
</body>
</html>
"""
