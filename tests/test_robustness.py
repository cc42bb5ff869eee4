"""Any input: never a crash, records always point at their text, output deterministic."""
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyie

# Characters that matter to the engines, mixed with arbitrary Unicode.
POLICY_ALPHABET = list("0123456789０１２３.,，。、；：%％‰—-~至到约超近余多以上下内万亿千百十一二两三四五六七八九零〇"
                       "年月日第位个项家元吨亿人次倍点省市县区旗州盟全国我中华北京上海广东朝阳鼓楼新能源汽车产业经济"
                       "增长下降占比重高于低于力争目标预计“”《》（）() \n\t")
policy_text = st.text(alphabet=st.sampled_from(POLICY_ALPHABET), max_size=120)
any_text = st.text(max_size=80)


def check_invariants(text: str, result) -> None:
    for record in [*result.regions, *result.industries, *result.indicators]:
        assert text[record.start:record.end] == record.text
        assert 0 <= record.start < record.end <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(policy_text, any_text))
def test_any_text_in_char_mode(nlp_char, text):
    check_invariants(text, policyie.extract(text, nlp=nlp_char))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(policy_text, any_text))
def test_any_text_with_pkuseg(nlp, text):
    first = policyie.extract(text, nlp=nlp)
    check_invariants(text, first)
    assert policyie.extract(text, nlp=nlp) == first


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\t ", "　　", "Hello world 2024", "GDP grew 5.2% in 2024.",
    "<p>广东省地区生产总值<b>增长</b>4.8%</p>&nbsp;", "广东省,GDP增长4.8%;上海市:5%.",
    "広東省の GDP は 4.8% 増加", "😀广东😀增长4.8%😀", "\ufeff广东省", "广" * 5000,
    "增长" + "9" * 400 + "%", "１２３４５６７８９０亿元", "第" * 300 + "位",
])
def test_awkward_inputs(nlp, text):
    check_invariants(text, policyie.extract(text, nlp=nlp))


def test_very_long_line(nlp_char):
    text = "2023年，广东省地区生产总值增长4.8%，新能源汽车产量253万辆，" * 2000
    result = policyie.extract(text, nlp=nlp_char)
    check_invariants(text, result)
    assert len(result.indicators) >= 4000


def test_extract_is_safe_from_several_threads(nlp):
    texts = [f"{2000 + i}年，广东省地区生产总值增长{i}.5%，江苏省新能源汽车产量{i + 1}万辆。" for i in range(16)]
    expected = [policyie.extract(t, nlp=nlp) for t in texts]
    results: dict[int, object] = {}
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            for _ in range(3):
                results[index] = policyie.extract(texts[index], nlp=nlp)
        except BaseException as error:  # reported below, not swallowed
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert [results[i] for i in range(len(texts))] == expected
