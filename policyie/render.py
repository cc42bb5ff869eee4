"""Readable views of extraction results: a terminal table and a standalone HTML page.

The HTML page (``policyie render``) shows the document's text with its records
marked in the manner of displaCy's span view — a coloured bar under each
record, its label at the start, overlapping records on stacked bars — and a
table of the indicators below.  It is one file with its CSS inline: no
scripts, no server, nothing fetched.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Iterable, Optional

from policyie.records import Extraction, Indicator

KIND_LABELS = {"regions": "REGION", "industries": "INDUSTRY", "indicators": "INDICATOR"}
KIND_COLOURS = {"regions": "#7aecec", "industries": "#feca74", "indicators": "#c887fb"}
APPROX_WORDS = {"exact": "", "about": "about", "more_than": "more than", "at_least": "at least",
                "nearly": "nearly", "less_than": "less than", "at_most": "at most"}


MAGNITUDES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))


def readable_number(value: float) -> str:
    """A number as Chinese reports write large ones: 13570000000000 → 13.57万亿, 2530000 → 253万."""
    for size, word in MAGNITUDES:
        if abs(value) >= size:
            return f"{value / size:,.4f}".rstrip("0").rstrip(".") + word
    return f"{value:,.6g}"


def format_value(indicator: Indicator) -> str:
    value = readable_number(indicator.value)
    if indicator.upper is not None:
        value += f"–{readable_number(indicator.upper)}"
    return f"{value} {indicator.unit}".strip()


def text_table(result: Extraction) -> str:
    """A plain-text table of one document's records, for terminals."""
    lines = [f"== {result.id or '(document)'}: {len(result.regions)} regions, "
             f"{len(result.industries)} industries, {len(result.indicators)} indicators"]
    if result.regions:
        lines.append("regions:")
        lines += [f"  {r.start:>6}  {r.text:<12} {r.code or '-':<7} {r.level:<10} {r.name}"
                  for r in result.regions]
    if result.industries:
        lines.append("industries:")
        lines += [f"  {i.start:>6}  {i.text:<12} {i.name:<12} {i.sector}" for i in result.industries]
    if result.indicators:
        lines.append("indicators:")
        lines.append(f"  {'at':>6}  {'text':<14} {'value':<24} {'approx':<9} {'kind':<10} "
                     f"{'year':<5} {'region':<7} {'target':<6} name")
        for q in result.indicators:
            lines.append(
                f"  {q.start:>6}  {q.text:<14} {format_value(q):<24} {q.approx:<9} {q.kind:<10} "
                f"{q.year or '-':<5} {q.region or '-':<7} {'yes' if q.target else 'no':<6} {q.name or '-'}")
    return "\n".join(lines)


# -- marked-up text -------------------------------------------------------------------

@dataclass(frozen=True)
class Mark:
    """One record to mark: where, which kind, what its label and tooltip say."""

    start: int
    end: int
    kind: str
    detail: str
    slot: int = 0


def marks_of(result: Extraction) -> list[Mark]:
    """The records of ``result`` as marks, each on the lowest bar that is free over its
    whole span and whose label does not run into another label on that bar."""
    raw = [Mark(r.start, r.end, "regions", f"{r.name} {r.code or ''} {r.level}".strip()) for r in result.regions]
    raw += [Mark(i.start, i.end, "industries", f"{i.name} · {i.sector}") for i in result.industries]
    raw += [Mark(q.start, q.end, "indicators", _indicator_detail(q)) for q in result.indicators]
    raw.sort(key=lambda m: (m.start, -(m.end - m.start)))
    placed: list[Mark] = []
    for mark in raw:
        busy = {other.slot for other in placed
                if other.start < max(mark.end, _label_end(mark)) and mark.start < max(other.end, _label_end(other))}
        slot = next(s for s in range(len(busy) + 1) if s not in busy)
        placed.append(Mark(mark.start, mark.end, mark.kind, mark.detail, slot))
    return placed


def _label_end(mark: Mark) -> int:
    """Where a mark's label ends, in characters of the text (labels are small Latin capitals,
    under half a Chinese character wide each)."""
    return mark.start + math.ceil(len(KIND_LABELS[mark.kind]) * 0.45) + 1


def _indicator_detail(q: Indicator) -> str:
    parts = [q.kind, f"{APPROX_WORDS[q.approx]} {format_value(q)}".strip()]
    if q.name:
        parts.append(q.name)
    if q.year:
        parts.append(str(q.year))
    parts.append("target" if q.target else "result")
    return " · ".join(parts)


def marked_text(text: str, marks: list[Mark]) -> str:
    """The text as HTML: stretches between mark boundaries, each with the bars over it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        over = [m for m in marks if m.start <= start and end <= m.end]
        pieces.append(_stretch(text[start:end], start, over))
    return "".join(pieces)


def _stretch(piece: str, start: int, over: list[Mark]) -> str:
    escaped = html.escape(piece).replace("\n", "<br>\n")
    if not over:
        return escaped
    height = 2.7 + max(m.slot for m in over)
    bars = []
    for mark in sorted(over, key=lambda m: m.slot):
        first = mark.start == start
        label = (f'<span class="label" title="{html.escape(mark.detail)}">{KIND_LABELS[mark.kind]}</span>'
                 if first else "")
        bars.append(f'<span class="bar {mark.kind}{" first" if first else ""}" '
                    f'style="top: calc(2.05em + {mark.slot} * 1em)">{label}</span>')
    titles = html.escape(" | ".join(m.detail for m in over))
    return (f'<span class="marked" style="height: {height:.1f}em" title="{titles}">'
            f'{escaped}{"".join(bars)}</span>')


# -- the page ---------------------------------------------------------------------------

PAGE_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 2em auto; max-width: 60em; color: #222; padding: 0 1em; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 2em; }
.legend span { display: inline-block; padding: 0.1em 0.5em; margin-right: 0.5em; border-radius: 3px;
               font-size: 0.8em; font-weight: bold; }
.text { line-height: 2.6; font-size: 16px; white-space: normal; word-break: break-all; }
.marked { display: inline-block; position: relative; font-weight: bold; vertical-align: top; }
.bar { position: absolute; left: -1px; width: calc(100% + 2px); height: 4px; }
.bar.first { border-top-left-radius: 3px; border-bottom-left-radius: 3px; }
.label { position: absolute; top: -0.45em; left: 0; z-index: 10; padding: 2px 3px; border-radius: 3px;
         font-size: 0.55em; font-weight: bold; line-height: 1; color: #000; white-space: nowrap; }
table { border-collapse: collapse; font-size: 0.9em; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.target { color: #8a4b00; } .result { color: #245c24; } .none { color: #999; }
"""


def _kind_css() -> str:
    return "\n".join(f".{kind}, .{kind} .label, .legend .{kind} {{ background: {colour}; }}"
                     for kind, colour in KIND_COLOURS.items())


def indicator_rows(result: Extraction, region_names: dict[str, str]) -> list[str]:
    rows = []
    for q in result.indicators:
        region = region_names.get(q.region or "", q.region) if q.region else None
        status = '<span class="target">target</span>' if q.target else '<span class="result">result</span>'
        cells = [html.escape(q.text), f'<td class="num">{html.escape(format_value(q))}</td>',
                 html.escape(APPROX_WORDS[q.approx] or "exact"), q.kind,
                 html.escape(q.name) if q.name else '<span class="none">—</span>',
                 str(q.year) if q.year else '<span class="none">—</span>',
                 html.escape(region) if region else '<span class="none">—</span>', status]
        rows.append("<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>")
    return rows


def region_names_of(result: Extraction) -> dict[str, str]:
    """Code → name for the codes this page shows (records first, then the division table)."""
    names = {r.code: r.name for r in result.regions if r.code}
    missing = {q.region for q in result.indicators if q.region and q.region not in names}
    if missing:
        from policyie.regions.table import DivisionTable

        table = DivisionTable.default()
        for code in missing:
            division = table.get(code)
            if division is not None:
                names[code] = division.name
    return names


def html_page(text: str, result: Extraction, title: Optional[str] = None) -> str:
    """A standalone HTML page for one document: marked text and a table of its indicators."""
    title = title or result.id or "document"
    counts = ", ".join(f"{len(getattr(result, kind))} {kind}" for kind in KIND_LABELS)
    legend = "".join(f'<span class="{kind}">{label}</span>' for kind, label in KIND_LABELS.items())
    rows = indicator_rows(result, region_names_of(result))
    table = ("<table class=\"indicator-table\"><thead><tr><th>text</th><th>value</th><th>approx</th><th>kind</th>"
             "<th>name</th><th>year</th><th>region</th><th>target or result</th></tr></thead><tbody>"
             + "\n".join(rows) + "</tbody></table>") if rows else "<p class=\"none\">No indicators.</p>"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{html.escape(title)} · policyie</title>
<style>{PAGE_CSS}{_kind_css()}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p class="counts">{counts}</p>
<p class="legend">{legend}</p>
<div class="text">{marked_text(text, marks_of(result))}</div>
<h2>Indicators</h2>
{table}
</body>
</html>
"""


def safe_file_stem(doc_id: str, taken: set[str]) -> str:
    """A file name for a document id: unsafe characters replaced, repeats numbered."""
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in doc_id).strip(".") or "document"
    stem = stem[:100]
    candidate, number = stem, 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}", number + 1
    taken.add(candidate)
    return candidate


def index_page(entries: Iterable[tuple[str, str, Extraction]]) -> str:
    """A page linking every rendered document: (file name, title, result) triples."""
    rows = "\n".join(
        f'<tr><td><a href="{html.escape(name)}">{html.escape(title)}</a></td>'
        f'<td class="num">{len(r.regions)}</td><td class="num">{len(r.industries)}</td>'
        f'<td class="num">{len(r.indicators)}</td></tr>' for name, title, r in entries)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>policyie · documents</title>
<style>{PAGE_CSS}</style></head>
<body><h1>Documents</h1>
<table><thead><tr><th>document</th><th>regions</th><th>industries</th><th>indicators</th></tr></thead>
<tbody>{rows}</tbody></table></body></html>
"""
