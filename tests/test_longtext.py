"""Long documents are processed in pieces with the same records as a whole."""
import policyie
from policyie.longtext import cut_point, document_head, extract_long, pieces

REPORT = ("2025年某市政府工作报告\n各位代表：\n"
          + "".join(f"第{i}段，广东省地区生产总值增长{i % 9}.5%，新能源汽车产量{i}万辆。\n" for i in range(1, 400)))


def test_pieces_cover_the_text_and_end_at_paragraphs():
    spans = list(pieces(REPORT, limit=2000))
    assert spans[0][0] == 0 and spans[-1][1] == len(REPORT)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(REPORT[end - 1] == "\n" for _, end in spans[:-1])


def test_a_text_without_newlines_is_cut_at_sentence_ends():
    text = "增长5%。" * 1000
    end = cut_point(text, 0, 1000)
    assert text[end - 1] == "。" and 500 <= end <= 1000


def test_document_head_is_whole_lines():
    assert document_head(REPORT) .endswith("\n")
    assert document_head(REPORT).startswith("2025年某市政府工作报告")


def test_pieces_give_the_records_of_the_whole(nlp_char):
    whole = policyie.extract(REPORT, nlp=nlp_char, date="2025-01-20")
    pieced = extract_long(nlp_char, REPORT, date="2025-01-20", limit=3000)
    assert pieced.indicators == whole.indicators
    assert pieced.regions == whole.regions
    assert pieced.industries == whole.industries
    for record in pieced.indicators:
        assert REPORT[record.start:record.end] == record.text


def test_extract_uses_pieces_for_long_texts(nlp_char, monkeypatch):
    import policyie.api

    monkeypatch.setattr(policyie.api, "PIECE_CHARS", 3000)
    calls = []
    original = policyie.api.extract_long
    monkeypatch.setattr(policyie.api, "extract_long",
                        lambda *args, **kwargs: calls.append(1) or original(*args, limit=3000))
    result = policyie.extract(REPORT, nlp=nlp_char, date="2025-01-20")
    assert calls and len(result.indicators) > 700
    short = list(policyie.extract_many(["广东省增长5%", REPORT], nlp=nlp_char))
    assert len(calls) == 2 and short[0].indicators[0].text == "5%"
