import pytest

from policyie.rules import RuleError, group_by_dimension, read_rule_file


def test_rule_file_errors_name_file_and_line(tmp_path):
    pack = tmp_path / "pack.jsonl"
    pack.write_text('{"dimension": "industries", "name": "数据标注"}\n{not json\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"pack.jsonl:2: not JSON"):
        read_rule_file(pack)


def test_unknown_dimension_names_the_field(tmp_path):
    pack = tmp_path / "pack.jsonl"
    pack.write_text('# my pack\n\n{"dimension": "people", "name": "x"}\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"pack.jsonl:3: field 'dimension'"):
        group_by_dimension(read_rule_file(pack), str(pack))


def test_missing_rule_file_is_a_rule_error(tmp_path):
    with pytest.raises(RuleError, match="cannot read"):
        read_rule_file(tmp_path / "absent.jsonl")
