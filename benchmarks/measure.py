"""Measure one tool in a fresh process: throughput and peak memory.

    python benchmarks/measure.py TOOL CORPUS.jsonl      # prints one JSON line

CORPUS.jsonl holds {"text": ...} lines. Load time is measured apart from the
run; a warm-up call on a short text comes first so lazy loading is not timed.
"""
from __future__ import annotations

import json
import resource
import sys
import time


def peak_rss_mb() -> float:
    """This process's peak resident memory.  VmHWM starts afresh at exec; ru_maxrss
    would also count the memory of the parent at the time it forked this process."""
    for line in open("/proc/self/status", encoding="ascii"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def policyie_runner(segmenter: str):
    import policyie
    from policyie.api import freeze_loaded_objects

    nlp = policyie.load(segmenter=segmenter)
    freeze_loaded_objects()  # as `policyie extract` does in its own process

    def run(texts):
        return sum(len(r.regions) + len(r.industries) + len(r.indicators)
                   for r in policyie.extract_many(texts, nlp=nlp))
    return run


def segmenter_runner(fast: bool = True):
    """Our pkuseg model alone, through policyie's exact fast path or pkuseg's own code."""
    from policyie.segmenter.model import load_pkuseg
    from policyie.segmenter.tokenizer import bundled_model_dir

    seg = load_pkuseg(bundled_model_dir(), fast=fast)
    return lambda texts: sum(len(seg.cut(t)) for t in texts)


def jieba_runner():
    import jieba

    jieba.initialize()
    return lambda texts: sum(len(jieba.lcut(t)) for t in texts)


def jionlp_runner():
    import jionlp

    def run(texts):
        found = 0
        for text in texts:
            found += len(jionlp.ner.extract_money(text))
            found += len((jionlp.recognize_location(text) or {}).get("domestic") or [])
        return found
    return run


def cpca_runner():
    import cpca

    def addresses(text: str) -> int:
        try:
            return len(cpca.transform_text_with_addrs(text))
        except KeyError:  # cpca 0.5.5 raises on a text in which it finds no address
            return 0

    return lambda texts: sum(addresses(t) for t in texts)


RUNNERS = {
    "policyie": lambda: policyie_runner("pkuseg"),
    "policyie-char": lambda: policyie_runner("char"),
    "segmenter": segmenter_runner,
    "pkuseg": lambda: segmenter_runner(fast=False),
    "jieba": jieba_runner,
    "jionlp": jionlp_runner,
    "cpca": cpca_runner,
}


def main(tool: str, corpus: str) -> None:
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8") if line.strip()]
    started = time.perf_counter()
    run = RUNNERS[tool]()
    run(["2023年，广东省地区生产总值增长4.8%，新能源汽车产量达到253万辆。"])
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    found = run(texts)
    seconds = time.perf_counter() - started
    chars = sum(map(len, texts))
    print(json.dumps({"tool": tool, "chars": chars, "seconds": round(seconds, 3),
                      "chars_per_s": round(chars / seconds), "load_seconds": round(load_seconds, 2),
                      "peak_rss_mb": round(peak_rss_mb(), 1), "found": found}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
