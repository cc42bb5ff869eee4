"""Scoring extraction results against gold annotations (SPEC section 3).

``policyie evaluate GOLD.jsonl`` runs the pipeline on the gold texts and
prints the figures below, line for line as the project's reference scorer
prints them, so the two can be compared directly:

- regions: P/R/F1 of exact ``(start, end, code)``; ``regions_span`` of ``(start, end)``;
- industries: P/R/F1 of exact spans; ``industries_overlap`` of overlapping
  spans paired one to one; name and sector accuracy over the exact matches;
- indicators: a prediction matches a gold record when the spans overlap and
  value (relative tolerance 1e-6) and unit agree; ``indicators_detect`` pairs
  on overlap alone; over the matches, the accuracy of approx, kind, year,
  region and target, and the mean character-overlap F1 of name.

Gold and predictions are paired by document id; a gold document without a
prediction predicts nothing.  The pairing of records is greedy: each gold
record, in file order, takes the first unused prediction that matches.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence, TextIO

Record = Mapping[str, Any]
Pairing = Callable[[Record, Record], bool]
VALUE_TOLERANCE = 1e-6
INDICATOR_ATTRIBUTES = ("approx", "kind", "year", "region", "target")


# -- the figures ------------------------------------------------------------------

@dataclass
class Counts:
    """True positives, predictions and gold records of one figure."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def figures(self) -> dict:
        """P, R, F1 rounded to 4 places; empty sides count as perfect, as in the reference."""
        precision = self.tp / self.pred if self.pred else (0.0 if self.gold else 1.0)
        recall = self.tp / self.gold if self.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class Mean:
    """A running mean (accuracy as the mean of 0/1 outcomes)."""

    total: float = 0.0
    n: int = 0

    def add(self, outcome: float) -> None:
        self.total += outcome
        self.n += 1

    def value(self) -> Optional[float]:
        return round(self.total / self.n, 4) if self.n else None


@dataclass
class ScoreSheet:
    documents: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {
        name: Counts() for name in ("regions", "regions_span", "industries", "industries_overlap",
                                    "indicators", "indicators_detect")})
    means: dict[str, Mean] = field(default_factory=lambda: {
        name: Mean() for name in ("industries_name_acc", "industries_sector_acc",
                                  *(f"indicators_{a}_acc" for a in INDICATOR_ATTRIBUTES),
                                  "indicators_name_f1")})

    def figures(self) -> dict:
        """The figures in the reference scorer's order (its ``--json`` object)."""
        counts, means = self.counts, self.means
        out: dict[str, Any] = {"documents": self.documents}
        for name in ("regions", "regions_span", "industries", "industries_overlap"):
            out[name] = counts[name].figures()
        out["industries_name_acc"] = means["industries_name_acc"].value()
        out["industries_sector_acc"] = means["industries_sector_acc"].value()
        out["indicators"] = counts["indicators"].figures()
        out["indicators_detect"] = counts["indicators_detect"].figures()
        for attribute in INDICATOR_ATTRIBUTES:
            out[f"indicators_{attribute}_acc"] = means[f"indicators_{attribute}_acc"].value()
        out["indicators_name_f1"] = means["indicators_name_f1"].value()
        return out


@dataclass(frozen=True)
class Mistake:
    """A gold record nobody predicted, or a prediction no gold record matches."""

    doc_id: str
    kind: str             # region, industry, indicator
    what: str             # missed, spurious
    record: Record


# -- matching helpers ---------------------------------------------------------------

def _overlap(a: Record, b: Record) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _code(value: Any) -> Optional[str]:
    """A region code as a string; a region dict stands for its code; empty means none."""
    if isinstance(value, Mapping):
        value = value.get("code")
    return None if value in (None, "") else str(value)


def _values_agree(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= VALUE_TOLERANCE * max(1.0, abs(x), abs(y))


def _same_quantity(gold: Record, pred: Record) -> bool:
    return (_overlap(gold, pred) and _values_agree(gold.get("value"), pred.get("value"))
            and (gold.get("unit") or "") == (pred.get("unit") or ""))


def pair_greedily(golds: Sequence[Record], preds: Sequence[Record], agree: Pairing) -> list[tuple[Record, Record]]:
    """Each gold record, in order, takes the first prediction not yet taken that agrees with it."""
    free = list(range(len(preds)))
    pairs = []
    for gold in golds:
        for position, index in enumerate(free):
            if agree(gold, preds[index]):
                pairs.append((gold, preds[index]))
                del free[position]
                break
    return pairs


def char_overlap_f1(gold: str, pred: str) -> float:
    """F1 of the characters two names share (as multisets); two empty names agree."""
    if not gold or not pred:
        return float(not gold and not pred)
    shared = sum((Counter(gold) & Counter(pred)).values())
    if not shared:
        return 0.0
    precision, recall = shared / len(pred), shared / len(gold)
    return 2 * precision * recall / (precision + recall)


# -- scoring ------------------------------------------------------------------------

def score_documents(gold: Mapping[str, Record], predicted: Mapping[str, Record]) -> tuple[dict, list[Mistake]]:
    """Figures and mistakes of predictions against gold documents (both keyed by id)."""
    sheet = ScoreSheet(documents=len(gold))
    mistakes: list[Mistake] = []
    for doc_id, gold_doc in gold.items():
        pred_doc = predicted.get(doc_id, {})
        _score_regions(doc_id, gold_doc.get("regions", []), pred_doc.get("regions", []), sheet, mistakes)
        _score_industries(doc_id, gold_doc.get("industries", []), pred_doc.get("industries", []), sheet, mistakes)
        _score_indicators(doc_id, gold_doc.get("indicators", []), pred_doc.get("indicators", []), sheet, mistakes)
    return sheet.figures(), mistakes


def _region_key(record: Record) -> tuple:
    return record["start"], record["end"], _code(record.get("code"))


def _score_regions(doc_id, golds, preds, sheet: ScoreSheet, mistakes: list[Mistake]) -> None:
    gold_keys, pred_keys = {_region_key(r) for r in golds}, {_region_key(r) for r in preds}
    sheet.counts["regions"].add(len(gold_keys & pred_keys), len(pred_keys), len(gold_keys))
    gold_spans, pred_spans = {k[:2] for k in gold_keys}, {k[:2] for k in pred_keys}
    sheet.counts["regions_span"].add(len(gold_spans & pred_spans), len(pred_spans), len(gold_spans))
    mistakes += [Mistake(doc_id, "region", "missed", r) for r in golds if _region_key(r) not in pred_keys]
    mistakes += [Mistake(doc_id, "region", "spurious", r) for r in preds if _region_key(r) not in gold_keys]


def _score_industries(doc_id, golds, preds, sheet: ScoreSheet, mistakes: list[Mistake]) -> None:
    # one record per span (the last one written wins, as in a dict built in order)
    gold_by_span = {(r["start"], r["end"]): r for r in golds}
    pred_by_span = {(r["start"], r["end"]): r for r in preds}
    exact = gold_by_span.keys() & pred_by_span.keys()
    sheet.counts["industries"].add(len(exact), len(pred_by_span), len(gold_by_span))
    for span in exact:
        gold, pred = gold_by_span[span], pred_by_span[span]
        sheet.means["industries_name_acc"].add(gold.get("name") == pred.get("name"))
        sheet.means["industries_sector_acc"].add(gold.get("sector") == pred.get("sector"))
    overlapping = pair_greedily(golds, preds, _overlap)
    sheet.counts["industries_overlap"].add(len(overlapping), len(pred_by_span), len(gold_by_span))
    mistakes += [Mistake(doc_id, "industry", "missed", r) for span, r in gold_by_span.items() if span not in exact]
    mistakes += [Mistake(doc_id, "industry", "spurious", r) for span, r in pred_by_span.items() if span not in exact]


def _score_indicators(doc_id, golds, preds, sheet: ScoreSheet, mistakes: list[Mistake]) -> None:
    matches = pair_greedily(golds, preds, _same_quantity)
    sheet.counts["indicators"].add(len(matches), len(preds), len(golds))
    sheet.counts["indicators_detect"].add(len(pair_greedily(golds, preds, _overlap)), len(preds), len(golds))
    for gold, pred in matches:
        for attribute in ("approx", "kind", "target", "year"):
            sheet.means[f"indicators_{attribute}_acc"].add(gold.get(attribute) == pred.get(attribute))
        sheet.means["indicators_region_acc"].add(_code(gold.get("region")) == _code(pred.get("region")))
        sheet.means["indicators_name_f1"].add(char_overlap_f1(gold.get("name") or "", pred.get("name") or ""))
    matched_gold = {id(gold) for gold, _ in matches}
    matched_pred = {id(pred) for _, pred in matches}
    mistakes += [Mistake(doc_id, "indicator", "missed", r) for r in golds if id(r) not in matched_gold]
    mistakes += [Mistake(doc_id, "indicator", "spurious", r) for r in preds if id(r) not in matched_pred]


# -- reading and printing -------------------------------------------------------------

def documents_by_id(lines: Iterable[tuple[int, dict]]) -> dict[str, dict]:
    """Documents keyed by ``str(id)``; a repeated id keeps its last document."""
    return {str(document.get("id")): document for _, document in lines}


def format_figures(figures: Mapping[str, Any]) -> list[str]:
    """One line per figure: ``name  P=… R=… F1=…  (tp=… pred=… gold=…)`` or ``name  value``."""
    lines = []
    for name, value in figures.items():
        if isinstance(value, Mapping):
            lines.append(f"{name:24s} P={value['p']:.3f} R={value['r']:.3f} F1={value['f1']:.3f}  "
                         f"(tp={value['tp']} pred={value['pred']} gold={value['gold']})")
        else:
            lines.append(f"{name:24s} {value}")
    return lines


_SHOWN_FIELDS = {
    "region": ("code", "name", "level"),
    "industry": ("name", "sector"),
    "indicator": ("value", "unit", "approx", "kind", "name", "year", "region", "target"),
}


def format_mistake(mistake: Mistake, text: Optional[str] = None, context: int = 12) -> str:
    """``doc  kind  missed|spurious  'text' [start:end] field=value …  …context…``."""
    record = mistake.record
    fields = " ".join(f"{name}={record.get(name)}" for name in _SHOWN_FIELDS[mistake.kind] if name in record)
    line = (f"{mistake.doc_id}  {mistake.kind:<9} {mistake.what:<8} {record.get('text')!r} "
            f"[{record.get('start')}:{record.get('end')}] {fields}")
    if text is not None and isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
        before = text[max(0, record["start"] - context):record["start"]]
        after = text[record["end"]:record["end"] + context]
        snippet = f"{before}【{text[record['start']:record['end']]}】{after}".replace("\n", " ")
        line += f"  …{snippet}…"
    return line


def print_report(figures: Mapping[str, Any], out: TextIO, as_json: bool = False) -> None:
    if as_json:
        out.write(json.dumps(figures, ensure_ascii=False) + "\n")
    else:
        out.write("\n".join(format_figures(figures)) + "\n")
