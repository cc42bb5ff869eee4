"""Building the policyie spaCy pipeline.

``spacy.blank("zh")`` with our tokenizer (pkuseg with the shipped model, or the
fast ``char`` mode), then four registered components, each reading only what
the earlier ones wrote on the Doc:

    policyie_regions → policyie_industries → policyie_quantities → policyie_indicators
"""
from __future__ import annotations

from typing import Iterable

import spacy
from spacy.language import Language

# Importing the component modules registers their factories with spaCy.
from policyie.industries import component as _industries  # noqa: F401
from policyie.indicators import component as _indicators  # noqa: F401
from policyie.quantities import component as _quantities  # noqa: F401
from policyie.regions import component as _regions  # noqa: F401
from policyie.segmenter import tokenizer as _tokenizer  # noqa: F401

COMPONENTS = ("policyie_regions", "policyie_industries", "policyie_quantities", "policyie_indicators")
MAX_LENGTH = 50_000_000  # no parser or NER here: memory grows linearly with text length


def build(segmenter: str = "pkuseg", rules: Iterable = ()) -> Language:
    """A fresh pipeline; ``rules`` are rule-pack files or record lists (see docs/extending.md)."""
    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "policyie.ChineseTokenizer.v1",
                                           "segmenter": segmenter}}})
    nlp.max_length = MAX_LENGTH
    for name in COMPONENTS:
        nlp.add_pipe(name)
    from policyie.rules import apply_rule_packs

    apply_rule_packs(nlp, rules)
    feed_segmenter(nlp)
    return nlp


def feed_segmenter(nlp: Language) -> None:
    """Put the components' vocabularies into the segmenter's user dictionary."""
    add_words = getattr(nlp.tokenizer, "add_user_words", None)
    if add_words is None or getattr(nlp.tokenizer, "segmenter", "char") == "char":
        return
    for _, component in nlp.pipeline:
        words = getattr(component, "segmenter_words", None)
        if words is not None:
            add_words(words())

