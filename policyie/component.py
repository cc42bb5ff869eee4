"""What every policyie spaCy component shares: rule packs and (de)serialisation.

A component keeps the rule records users added (the shipped data is loaded
from the package, never copied into saved pipelines), so ``nlp.to_disk`` of a
customised pipeline writes just those records and ``spacy.load`` replays them.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from policyie.docstate import text_of
from policyie.rules import RuleError, check_rule

RULES_FILE = "rules.jsonl"
NumberedRecord = tuple[Optional[int], dict]


class PolicyComponent:
    """Base of the four components; subclasses implement ``_apply_rules`` and ``__call__``."""

    dimension = ""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.segmenter = getattr(nlp.tokenizer, "segmenter", "char")
        self.rule_records: list[dict] = []

    # -- rule packs -------------------------------------------------------
    def add_rules(self, records: Iterable[Union[dict, NumberedRecord]], source: str = "<rules>") -> None:
        """Add user rules (records in this dimension's data format).

        Records are applied one at a time so that an invalid one raises a
        RuleError naming its line and field; the records before it stay added.
        """
        for item in records:
            line, record = item if isinstance(item, tuple) else (None, item)
            record = self._own_record(record, source, line)
            try:
                self._apply_rules([record])
            except RuleError:
                raise
            except (KeyError, TypeError, ValueError) as error:
                field = error.args[0] if isinstance(error, KeyError) else getattr(error, "field", None)
                message = f"missing field" if isinstance(error, KeyError) else str(error)
                raise RuleError(message, source=source, line=line, field=field) from None
            self.rule_records.append(record)

    def _own_record(self, record, source: str, line: Optional[int]) -> dict:
        """``record`` checked as a rule of this component (see policyie.rules.check_rule),
        without the ``dimension`` field that rule-pack lines carry."""
        if not isinstance(record, dict):
            raise RuleError("a rule must be a JSON object", source=source, line=line)
        if record.get("dimension", self.dimension) != self.dimension:
            raise RuleError(f"{self.name} takes {self.dimension!r} rules, not {record['dimension']!r}",
                            source=source, line=line, field="dimension")
        record = {key: value for key, value in record.items() if key != "dimension"}
        check_rule(self.dimension, record, source=source, line=line)
        return record

    def _apply_rules(self, records: list[dict]) -> None:
        raise NotImplementedError

    # -- segmentation -----------------------------------------------------
    def segmenter_words(self) -> list[str]:
        """Words the segmenter should keep whole (pkuseg user dictionary)."""
        return []

    def boundary_checker(self, doc: Doc) -> Optional[Callable[[int], bool]]:
        """``offset -> bool`` for word boundaries of a word segmenter; None in char mode."""
        if self.segmenter == "char":
            return None
        # IDX comes from the Doc's C array; iterating Token objects costs ~2 µs a token
        boundaries = set(doc.to_array("IDX").tolist())
        boundaries.add(len(text_of(doc)))
        return boundaries.__contains__

    # -- serialisation ----------------------------------------------------
    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / RULES_FILE, "w", encoding="utf-8") as out:
            for record in self.rule_records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def from_disk(self, path, exclude=()):
        from policyie.rules import read_rule_file

        rules = Path(path) / RULES_FILE
        if rules.exists():
            self.add_rules(read_rule_file(rules), source=str(rules))
        return self

    def to_bytes(self, exclude=()) -> bytes:
        return json.dumps(self.rule_records, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, exclude=()):
        self.add_rules(json.loads(data.decode("utf-8")))
        return self
