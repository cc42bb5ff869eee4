"""Readable views of extraction results."""
from __future__ import annotations

from policyie.records import Extraction, Indicator


def format_value(indicator: Indicator) -> str:
    value = f"{indicator.value:,.6g}" if abs(indicator.value) < 1e6 else f"{indicator.value:,.0f}"
    if indicator.upper is not None:
        value += f"–{indicator.upper:,.6g}"
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
