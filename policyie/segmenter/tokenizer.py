"""The tokenizer of policyie pipelines: spaCy's Chinese tokenizer with our model.

spaCy's ``ChineseTokenizer`` would fetch a pkuseg model from GitHub and
serialise the whole model (18 MB) with every pipeline; this subclass loads the
compact model shipped in ``models/pkuseg`` instead, saves only its
configuration and user words, and builds Docs without spaCy's generic
word/space alignment (which runs at ~55 K chars/s; ours is linear and cheap).

Segmenters:
- ``pkuseg``: words from our pkuseg model, domain words kept whole;
- ``char``: the fast mode: each CJK character or punctuation mark is a token,
  runs of digits and Latin letters are one token.  Components do not use
  boundaries in this mode.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import srsly
from spacy.lang.zh import ChineseTokenizer
from spacy.tokens import Doc
from spacy.util import registry

from policyie.docstate import remember_text

SEGMENTERS = ("pkuseg", "char")
# Runs of Latin letters, digits and number punctuation stay one token; every
# other character (CJK, punctuation) is a token of its own.
_CHAR_TOKENS = re.compile(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a_.%\uff05\u2030]+|\s+|.", re.S)


class SegmenterError(ValueError):
    """A segmenter name or model that policyie cannot use."""


def bundled_model_dir() -> Path:
    """Where the shipped pkuseg model lives: ``policyie.models`` once installed,
    ``models/pkuseg`` of the source tree when running from a checkout."""
    try:
        return Path(str(resources.files("policyie.models") / "pkuseg"))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "models" / "pkuseg"


@lru_cache(maxsize=None)
def _model_files(model_dir: str) -> str:
    path = Path(model_dir)
    for name in ("features.msgpack", "weights.npz"):
        if not (path / name).is_file():
            raise SegmenterError(f"no pkuseg model at {path}: {name} is missing")
    return model_dir


class PolicyTokenizer(ChineseTokenizer):
    def __init__(self, vocab, segmenter: str = "pkuseg", model_dir: str | None = None):
        if segmenter not in SEGMENTERS:
            raise SegmenterError(f"segmenter must be one of {SEGMENTERS}, not {segmenter!r}")
        super().__init__(vocab, segmenter="char")
        self.segmenter = segmenter
        self.model_dir = model_dir
        self.user_words: set[str] = set()
        if segmenter == "pkuseg":
            from policyie.segmenter.model import load_pkuseg

            self.pkuseg_seg = load_pkuseg(Path(_model_files(str(model_dir or bundled_model_dir()))))

    def initialize(self, get_examples=None, *, nlp=None, **kwargs):
        """Nothing to fetch: the model is loaded at construction."""

    def add_user_words(self, words: Iterable[str]) -> None:
        """Keep these words whole (pkuseg's user dictionary); ignored in char mode."""
        new = {w.strip() for w in words if w and w.strip()} - self.user_words
        self.user_words |= new
        if self.pkuseg_seg is not None:
            for word in sorted(new):
                self.pkuseg_seg.preprocesser.insert(word, "")

    def words(self, text: str) -> list[str]:
        """The tokens of ``text``, whitespace runs included, concatenating to ``text``."""
        if self.segmenter == "char":
            return _CHAR_TOKENS.findall(text)
        return _align(text, self.pkuseg_seg.cut(text))

    def __call__(self, text: str) -> Doc:
        words = self.words(text)
        return remember_text(Doc(self.vocab, words=words, spaces=[False] * len(words)), text)

    # Serialisation: configuration and user words only; the model is shipped.
    def _state(self) -> dict:
        return {"segmenter": self.segmenter, "user_words": sorted(self.user_words)}

    def _load_state(self, state: dict) -> None:
        if state.get("segmenter", self.segmenter) != self.segmenter:
            raise SegmenterError(
                f"saved tokenizer uses {state['segmenter']!r}, this one {self.segmenter!r}")
        self.add_user_words(state.get("user_words", []))

    def to_bytes(self, **kwargs) -> bytes:
        return srsly.msgpack_dumps(self._state())

    def from_bytes(self, data: bytes, **kwargs):
        self._load_state(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path, **kwargs) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "policyie_tokenizer.json", self._state())

    def from_disk(self, path, **kwargs):
        self._load_state(srsly.read_json(Path(path) / "policyie_tokenizer.json"))
        return self


def _align(text: str, words: list[str]) -> list[str]:
    """Interleave the segmenter's words with the whitespace it dropped."""
    tokens, pos = [], 0
    for word in words:
        start = text.find(word, pos)
        if start < 0:  # the segmenter changed a character: fall back to characters
            return _CHAR_TOKENS.findall(text)
        if start > pos:
            tokens.append(text[pos:start])
        tokens.append(word)
        pos = start + len(word)
    if pos < len(text):
        tokens.append(text[pos:])
    return tokens


@registry.tokenizers("policyie.ChineseTokenizer.v1")
def create_tokenizer(segmenter: str = "pkuseg"):
    def tokenizer_factory(nlp):
        return PolicyTokenizer(nlp.vocab, segmenter=segmenter)

    return tokenizer_factory
