"""spaCy component ``policyie_metrics``: metric names from rule packs name indicators.

Users know the metrics their reports track (研发经费投入强度, 规上工业增加值,
专精特新“小巨人”企业 …).  A metric rule names one::

    {"dimension": "metrics", "text": "研发经费投入强度", "units": ["%"]}

After ``policyie_indicators`` has named each indicator, this component looks
at the text right before the indicator, back to the start of its clause (or
the previous indicator).  When a metric phrase occurs there, the nearest one
names the indicator — as written, like every name:

- a name found by the indicator rules that contains the metric keeps what
  precedes it, a qualifier (metric 产量: 新能源汽车年产量 stays), and loses
  what follows it, a verb (研发经费投入强度提高到 → 研发经费投入强度);
- any other name is replaced by the metric;
- an indicator the rules left without a name also looks back over the whole
  sentence (研发经费投入强度在全省靠前，保持在2.6%以上).

``units`` (optional) limits a metric to values in those units.

The component is added by rule packs that have metric records; it keeps its
records through ``nlp.to_disk`` / ``spacy.load`` like the other components.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping, Optional

from spacy.language import Language
from spacy.tokens import Doc

from policyie.component import PolicyComponent
from policyie.docstate import get_records, text_of

METRIC_FIELDS = ("text", "units", "note", "source")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")
_SENTENCE_END = re.compile(r"[；;。！？!?\n]")
_WINDOW = 80   # characters before a quantity that can hold its metric


@dataclass(frozen=True)
class Metric:
    text: str
    units: Optional[frozenset[str]] = None   # None: any unit

    def fits(self, unit: str) -> bool:
        return self.units is None or unit in self.units


def check_metric_record(record: Mapping, fail: Callable[..., Exception]) -> None:
    """Raise ``fail(message, field)`` unless ``record`` is a metric rule."""
    unknown = sorted(set(record) - set(METRIC_FIELDS))
    if unknown:
        raise fail(f"unknown field (known: {', '.join(METRIC_FIELDS)})", unknown[0])
    if "text" not in record:
        raise fail("missing", "text")
    text = record["text"]
    if not isinstance(text, str) or len(text.strip()) < 2 or text != text.strip():
        raise fail("must be a string of two or more characters without surrounding spaces", "text")
    units = record.get("units")
    if units is not None and (not isinstance(units, list) or not all(isinstance(u, str) for u in units)):
        raise fail("must be a list of units such as [\"%\", \"元\"]", "units")


class _Fail(ValueError):
    def __init__(self, message: str, field: Optional[str] = None):
        super().__init__(message)
        self.field = field


class MetricsComponent(PolicyComponent):
    dimension = "metrics"

    def __init__(self, nlp: Language, name: str):
        super().__init__(nlp, name)
        self.metrics: dict[str, Metric] = {}
        self._pattern: Optional[re.Pattern] = None

    def _apply_rules(self, records: list[dict]) -> None:
        for record in records:
            check_metric_record(record, _Fail)
            units = record.get("units")
            self.metrics[record["text"]] = Metric(record["text"], frozenset(units) if units is not None else None)
        self._pattern = None

    def segmenter_words(self) -> list[str]:
        return list(self.metrics)

    @property
    def pattern(self) -> Optional[re.Pattern]:
        """One alternation of the metric phrases, longest first (compiled after changes)."""
        if self._pattern is None and self.metrics:
            ordered = sorted(self.metrics, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(text) for text in ordered))
        return self._pattern

    def __call__(self, doc: Doc) -> Doc:
        pattern = self.pattern
        if pattern is None:
            return doc
        text = text_of(doc)
        previous_end = 0
        # Records are changed in place: doc.spans["indicators"] is labelled by unit, not name.
        for record in get_records(doc, "indicators"):
            record["name"] = self.name_for(text, record, previous_end, pattern)
            previous_end = record["end"]
        return doc

    def name_for(self, text: str, record: dict, previous_end: int, pattern: re.Pattern) -> Optional[str]:
        """The indicator's name after the metric rules (see the module docstring)."""
        name = record.get("name")
        start, unit = record["start"], record.get("unit", "")
        clause_metric = self._nearest(text, max(previous_end, _start_after(_CLAUSE_END, text, start)),
                                      start, unit, pattern)
        if clause_metric is None and not name:
            clause_metric = self._nearest(text, max(previous_end, _start_after(_SENTENCE_END, text, start)),
                                          start, unit, pattern)
        if clause_metric is None:
            return name
        if name and clause_metric in name:
            # what precedes the metric qualifies it (新能源汽车|产量); what follows is a verb (…|提高到)
            return name[:name.rindex(clause_metric) + len(clause_metric)]
        return clause_metric

    def _nearest(self, text: str, start: int, end: int, unit: str, pattern: re.Pattern) -> Optional[str]:
        found = None
        for match in pattern.finditer(text, start, end):
            if self.metrics[match.group()].fits(unit):
                found = match.group()       # the last one is the nearest
        return found


def _start_after(boundary: re.Pattern, text: str, offset: int) -> int:
    """Where the clause or sentence holding ``offset`` starts (looking back a window at most)."""
    window_start = max(0, offset - _WINDOW)
    last = None
    for match in boundary.finditer(text, window_start, offset):
        last = match
    return last.end() if last else window_start


@Language.factory("policyie_metrics", default_config={})
def make_metrics(nlp: Language, name: str) -> MetricsComponent:
    return MetricsComponent(nlp, name)
