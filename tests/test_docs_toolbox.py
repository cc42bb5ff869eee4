"""The user docs stay true: links, rule examples, CLI options, the quickstart's output."""
import json
import re
from pathlib import Path

import pytest

import policyie
from policyie.cli import build_parser
from policyie.rules import collect_rules

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_readme_links_every_doc():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in DOCS.glob("*.md") if f"docs/{p.name}" not in readme]
    assert not missing, f"link these from the README: {missing}"


def test_rule_examples_in_extending_md_are_valid():
    text = (DOCS / "extending.md").read_text(encoding="utf-8")
    records = [json.loads(line) for line in re.findall(r"^\{\"dimension\".*\}$", text, flags=re.M)]
    assert len(records) >= 12
    assert {r["dimension"] for r in records} == {"regions", "industries", "quantities", "indicators", "metrics"}
    assert len(collect_rules([records])) == len(records)


def subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    for name, sub in action.choices.items():
        yield name, sub


@pytest.mark.parametrize("name, sub", list(subcommands()), ids=[n for n, _ in subcommands()])
def test_cli_md_documents_every_command_and_option(name, sub):
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"## {name}" in text
    options = [o for a in sub._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    missing = [o for o in options if o not in text]
    assert not missing, f"document in docs/cli.md: {missing}"


def test_quickstart_first_example_prints_what_it_says():
    text = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(import policyie\n.*?)```", text, flags=re.S).group(1)
    shown = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    call = re.search(r'policyie.extract\("(.*?)", date="(.*?)"\)', block)
    result = policyie.extract(call.group(1), date=call.group(2))
    printed = [f"{q.text} {q.value} {q.unit} {q.kind} {q.year} {q.target}" for q in result.indicators]
    assert printed == shown
