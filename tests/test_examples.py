"""The scripts and packs in examples/ run and do what their docstrings say."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policyie.rules import collect_rules

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run_example(*args, cwd=None, env=None):
    result = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_single_text():
    out = run_example(EXAMPLES / "single_text.py")
    assert "新能源汽车 → 新能源汽车 · 新能源汽车产业" in out
    assert "5.6万亿元" in out and "unit=元" in out


def test_batch_to_csv(tmp_path):
    pytest.importorskip("pandas", reason="the example needs the pandas extra")
    out = run_example(EXAMPLES / "batch_to_csv.py", EXAMPLES / "reports.jsonl", tmp_path / "csv")
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["indicators.csv", "industries.csv", "regions.csv"]
    header = (tmp_path / "csv" / "indicators.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("doc_id,doc_index,text,start,end,value,unit")
    assert "indicators are targets" in out


def test_custom_rule_pack():
    out = run_example(EXAMPLES / "custom_rule_pack.py")
    shipped, custom, reloaded = out.split("== ")[1:]
    assert "鹏城" not in shipped and "('鹏城', '440300')" in custom
    assert "name=研发经费投入强度 " in custom and "unit=吨标准煤" in custom
    assert custom.split("\n", 1)[1] == reloaded.split("\n", 1)[1]      # spacy.load gives the same records


@pytest.mark.parametrize("pack", [EXAMPLES / "rules" / "city_pack.jsonl",
                                  EXAMPLES / "rule-pack-package" / "acme_policy_rules" / "pack.jsonl"])
def test_example_packs_are_valid(pack):
    assert collect_rules([pack])


def test_the_example_package_installs_with_pip_and_is_discovered(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(EXAMPLES / "rule-pack-package", source)
    target = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              "--no-deps", "--target", str(target), str(source)],
                             capture_output=True, text=True, timeout=300)
    if install.returncode != 0 and "No matching distribution found for setuptools" in install.stderr:
        pytest.skip("pip cannot fetch setuptools to build the example package (offline?)")
    assert install.returncode == 0, install.stderr[-3000:]
    env = {**os.environ, "PYTHONPATH": str(target)}
    listed = run_example("-m", "policyie.cli", "rules", "list", env=env)
    assert "acme  (acme-policy-rules: acme_policy_rules:pack)  1 industries, 2 metrics" in listed
    code = ("import policyie; r = policyie.extract('无人机物流快速发展。', nlp=policyie.load(segmenter='char')); "
            "print([(i.text, i.name, i.source) for i in r.industries])")
    assert "('无人机物流', '低空物流', 'rule_pack')" in run_example("-c", code, env=env)
