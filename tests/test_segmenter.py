"""The tokenizer: our pkuseg model, user words, the char mode, serialisation."""
import pytest
import spacy

from policyie.segmenter.evaluate import word_f1
from policyie.segmenter.tokenizer import PolicyTokenizer, SegmenterError, _align


@pytest.fixture(scope="module")
def tokenizer():
    return PolicyTokenizer(spacy.blank("zh").vocab, segmenter="pkuseg")


def test_tokens_reproduce_the_text_including_whitespace(tokenizer):
    text = "  2024年，全省 地区生产总值\n增长5.2%。 "
    doc = tokenizer(text)
    assert doc.text == text
    assert "".join(t.text for t in doc) == text


def test_segments_an_ordinary_sentence_sensibly(tokenizer):
    words = [t.text for t in tokenizer("我们坚持稳中求进工作总基调。")]
    assert "我们" in words and "坚持" in words


def test_user_words_come_out_whole(tokenizer):
    text = "积极发展低空经济和人形机器人。"
    before = [t.text for t in tokenizer(text)]
    assert "低空经济" not in before  # the 1998 standard splits it: 低空 | 经济
    tokenizer.add_user_words(["低空经济", "人形机器人"])
    after = [t.text for t in tokenizer(text)]
    assert "低空经济" in after and "人形机器人" in after


def test_char_mode_splits_cjk_characters_and_keeps_numbers_whole():
    tok = PolicyTokenizer(spacy.blank("zh").vocab, segmenter="char")
    assert [t.text for t in tok("增长5.2%，C919")] == ["增", "长", "5.2%", "，", "C919"]


def test_unknown_segmenter_is_a_clear_error():
    with pytest.raises(SegmenterError, match="segmenter must be one of"):
        PolicyTokenizer(spacy.blank("zh").vocab, segmenter="jieba")


def test_serialisation_keeps_user_words_not_the_model(tokenizer, tmp_path):
    tokenizer.add_user_words(["新型储能"])
    tokenizer.to_disk(tmp_path)
    assert sum(p.stat().st_size for p in tmp_path.iterdir()) < 100_000
    fresh = PolicyTokenizer(spacy.blank("zh").vocab, segmenter="pkuseg").from_disk(tmp_path)
    assert "新型储能" in fresh.user_words
    assert "新型储能" in [t.text for t in fresh("发展新型储能。")]


def test_alignment_restores_dropped_whitespace():
    assert _align("a b\nc", ["a", "b", "c"]) == ["a", " ", "b", "\n", "c"]


def test_word_f1_counts_exact_word_spans():
    assert word_f1([["我们", "好"]], [["我们", "好"]]) == 100.0
    assert word_f1([["我们", "好"]], [["我", "们好"]]) == 0.0
