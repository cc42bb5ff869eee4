"""FastSegmenter gives exactly pkuseg's words (and node scores), with and without user words.

The reference is the wrapped ``spacy_pkuseg.pkuseg`` itself: both objects share
the model and the user dictionary, so any difference is the vectorisation's.
``small_text=0`` keeps even tiny texts on the numpy path under test.
"""
import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
import spacy
import spacy_pkuseg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy_pkuseg import inference

from policyie.segmenter import fast as fast_module
from policyie.segmenter.fast import FastSegmenter, fragment_scores
from policyie.segmenter.model import load_pkuseg
from policyie.segmenter.tokenizer import PolicyTokenizer, bundled_model_dir

ROOT = Path(__file__).resolve().parents[1]

# Words that nest (发展 / 发展新 / 发展新质生产力) exercise pkuseg's trie walk,
# including the quirk that a failed longer match keeps the characters it read.
USER_WORDS = ["发展新质生产力", "发展新", "低空经济", "人形机器人", "新型储能", "5G基站", "C919",
              "粤港澳大湾区", "十四五", "2024年", "·", "数字经济核心产业", "长三角"]


def repository_texts() -> list[str]:
    """The texts a fresh clone holds: examples and the per-dimension corpora."""
    texts = []
    for path in sorted([*(ROOT / "examples").rglob("*.jsonl"), *(ROOT / "tests" / "corpus").glob("*.jsonl")]):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                text = json.loads(line).get("text")
                if isinstance(text, str) and text:
                    texts.append(text)
    return texts


def fresh(small_text: int = 0) -> FastSegmenter:
    return FastSegmenter(load_pkuseg(bundled_model_dir(), fast=False), small_text=small_text)


@pytest.fixture(scope="module")
def plain():
    return fresh()


@pytest.fixture(scope="module")
def with_words(nlp):
    """The pipeline's own user words (the vocabularies policyie feeds pkuseg) and more."""
    seg = fresh()
    for word in sorted(nlp.tokenizer.user_words) + USER_WORDS:
        seg.preprocesser.insert(word, "")
    return seg


def assert_same_words(seg: FastSegmenter, texts) -> None:
    for text in texts:
        assert seg.cut(text) == seg.original.cut(text), text


def test_the_model_takes_the_numpy_path(plain):
    assert plain.vectorised


def test_same_words_on_repository_texts(plain):
    texts = repository_texts()
    assert len(texts) > 1000
    assert_same_words(plain, texts)


def test_same_words_on_repository_texts_with_user_words(with_words):
    assert_same_words(with_words, repository_texts())


def test_same_words_on_long_documents_in_several_batches(with_words, monkeypatch):
    texts = repository_texts()
    documents = ["\n".join(texts[k:k + 40]) for k in range(0, len(texts), 40)]
    assert_same_words(with_words, documents)
    monkeypatch.setattr(fast_module, "BATCH_CHARS", 50)  # many batches per document
    assert_same_words(with_words, documents[:10])


def test_node_scores_are_pkusegs_bit_for_bit(plain):
    """The strongest check: the scores Viterbi sees, not only its argmax."""
    fe, model = plain.original.feature_extractor, plain.original.model
    fragments = [t for t in repository_texts() if t.strip() and not any(c.isspace() for c in t)]
    scores = fragment_scores(plain.tables, fragments)
    row = fast_module.PAD
    for fragment in fragments:
        nodes = list(fe.normalize_text(fragment))
        features = [fe.get_node_features_idx(i, nodes) for i in range(len(nodes))]
        expected, _ = inference.getLogYY(features, model.n_tag, model.n_feature * model.n_tag, model.w, 1.0)
        assert np.array_equal(scores[row:row + len(fragment)], expected), fragment
        row += len(fragment) + fast_module.PAD


# Generated text: CJK words and characters the model knows, digits and Latin
# letters in both widths, the characters pkuseg renames or folds (-._,|/*:,
# 几二三, ％, ／・－), whitespace of several kinds, and any Unicode at all.
MIXED_CHARS = list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
                   "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
                   "0123456789０１２３４５６７８９abcxyzABCXYZａｂｃＡＢＣ-._,|/*:&％%几千万亿兆零／・－，。、；：？！“”《》（）·—…")
SPACES = [" ", "\n", "\t", "\u3000", "\r\n", "  "]


@lru_cache(maxsize=1)
def model_words(n: int = 400) -> list[str]:
    """Some of the model's own words (so that word features fire), read once."""
    import srsly

    unigram = srsly.read_msgpack(bundled_model_dir() / "features.msgpack")["unigram"]
    words = sorted(w for w in unigram if 2 <= len(w) <= 7)
    return words[:: max(1, len(words) // n)]


some_model_words = st.deferred(lambda: st.sampled_from(model_words()))
pieces = st.one_of(some_model_words, st.sampled_from(MIXED_CHARS), st.sampled_from(SPACES),
                   st.sampled_from(USER_WORDS), st.characters())
mixed_text = st.lists(pieces, max_size=60).map("".join)
user_words = st.lists(st.one_of(some_model_words, st.sampled_from(USER_WORDS), st.text(min_size=1, max_size=4)),
                      max_size=8)


@pytest.fixture(scope="module")
def generated():
    """A segmenter whose user dictionary each generated example replaces."""
    return fresh()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mixed_text)
def test_same_words_on_generated_text(plain, text):
    assert plain.cut(text) == plain.original.cut(text)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mixed_text, words=user_words)
def test_same_words_on_generated_text_and_user_words(generated, text, words):
    generated.preprocesser = spacy_pkuseg.Preprocesser(words)  # sets the original's: shared
    assert generated.cut(text) == generated.original.cut(text)


@pytest.mark.parametrize("text", ["", " ", "\n\t\u3000", "字", "a", "1", "12", "·", "\ud800", "😀字",
                                  "发展新", "发展新质", "发展新质生产力", "发展新质生产", " 发展新 质 "])
def test_edge_texts(with_words, text):
    assert with_words.cut(text) == with_words.original.cut(text)


def test_small_texts_take_pkusegs_own_path_with_the_same_words(plain, monkeypatch):
    monkeypatch.setattr(plain, "small_text", 12)
    for text in ["增长5%", "我们坚持稳中求进", "广东 省", "我们坚持稳中求进工作总基调。"]:
        assert plain.cut(text) == plain.original.cut(text)


def test_the_tokenizer_segments_with_it_and_user_words_count():
    tokenizer = PolicyTokenizer(spacy.blank("zh").vocab, segmenter="pkuseg")
    seg = tokenizer.pkuseg_seg
    assert isinstance(seg, FastSegmenter) and seg.vectorised
    text = "积极培育发展银发经济和商业航天新赛道。"
    tokenizer.add_user_words(["商业航天新赛道"])
    assert "商业航天新赛道" in seg.cut(text)
    assert seg.cut(text) == seg.original.cut(text)


def test_changed_pkuseg_settings_fall_back_to_pkuseg(plain, monkeypatch):
    monkeypatch.setattr(spacy_pkuseg.config, "wordMax", 4)
    assert not plain.vectorised
    text = "加快发展新质生产力，推动数字经济核心产业增加值占比达到10%。"
    assert plain.cut(text) == plain.original.cut(text)


def synthetic_segmenter(seed: int = 3) -> FastSegmenter:
    """pkuseg with a small made-up model in which every feature exists, with
    full-precision random weights.

    The shipped weights are rounded to float16 precision, and sums of a few
    of those are exact in float64 whatever their order: only weights like
    these show whether the additions come in pkuseg's order.
    """
    from spacy_pkuseg.model import Model

    seg = load_pkuseg(bundled_model_dir(), fast=False)
    fe = seg.feature_extractor
    nodes = ["a", "b", "c", "d", "&", "**Num", "**Letter"]
    words = ["ab", "bc", "cd", "da", "abc", "bcd", "cda", "abcd", "bcda", "a&b", "abcda", "bcdabc"]
    names = ["$$"]
    names += [f"{t}{n}" for t in ("c.", "c-1.", "c1.", "c-2.", "c2.") for n in nodes]
    names += [f"{t}{a}.{b}" for t in ("c-1c.", "cc1.", "c-2c-1.") for a in nodes for b in nodes]
    names += [f"{t}{w}" for t in ("w-1.", "w1.") for w in words]
    names += [f"{t}{p}*{q}" for t in ("ww.l.", "ww.r.") for p in words for q in words]
    fe.feature_to_idx = {name: k for k, name in enumerate(names)}
    fe.unigram = set(words)
    model = Model.__new__(Model)
    model.n_tag, model.n_feature = len(fe.tag_to_idx), len(names)
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    model.w = np.random.default_rng(seed).standard_normal(model.n_transition_feature)
    seg.model = model
    return FastSegmenter(seg, small_text=0)


SYNTHETIC_PIECES = ["ab", "bc", "cd", "da", "abc", "bcd", "cda", "abcd", "bcda", "a-b", "a", "b", "c", "d", "-", "1", "Ａ"]


@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.sampled_from(SYNTHETIC_PIECES), min_size=1, max_size=20).map("".join))
def test_node_scores_add_in_pkusegs_order(text):
    seg = _synthetic()
    fe, model = seg.original.feature_extractor, seg.original.model
    nodes = list(fe.normalize_text(text))
    features = [fe.get_node_features_idx(i, nodes) for i in range(len(nodes))]
    expected, _ = inference.getLogYY(features, model.n_tag, model.n_feature * model.n_tag, model.w, 1.0)
    scores = fragment_scores(seg.tables, [text])[fast_module.PAD:-fast_module.PAD]
    assert np.array_equal(scores, expected)
    assert seg.cut(text) == seg.original.cut(text)


@lru_cache(maxsize=1)
def _synthetic() -> FastSegmenter:
    return synthetic_segmenter()
