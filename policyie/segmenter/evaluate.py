"""Word-level F1 of a pkuseg model on gold-segmented sentences."""
from __future__ import annotations

from pathlib import Path


def spans_of(words: list[str]) -> set[tuple[int, int]]:
    spans, start = set(), 0
    for word in words:
        spans.add((start, start + len(word)))
        start += len(word)
    return spans


def word_f1(gold: list[list[str]], predicted: list[list[str]]) -> float:
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, predicted):
        gs, ps = spans_of(g), spans_of(p)
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    if tp == 0:
        return 0.0
    precision, recall = tp / n_pred, tp / n_gold
    return round(200 * precision * recall / (precision + recall), 2)


def word_f1_of_model(model_dir: Path, sentences: list[list[str]]) -> float:
    """Segment the joined sentences with the raw model (no dictionaries)."""
    from policyie.segmenter.model import load_pkuseg

    seg = load_pkuseg(Path(model_dir))
    predicted = [seg.cut("".join(s)) for s in sentences]
    return word_f1(sentences, predicted)
