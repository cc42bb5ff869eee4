"""Generate the published record reference from the pydantic models.

    python -m policyie.schema docs/     # writes extraction.schema.json and records.md
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from policyie.records import Extraction

RECORDS = ("Region", "Industry", "Indicator")


def schema_json() -> str:
    return json.dumps(Extraction.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def _type_of(prop: dict) -> str:
    if "anyOf" in prop:
        return " or ".join(_type_of(p) for p in prop["anyOf"])
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    if prop.get("type") == "array":
        return f"list of {_type_of(prop.get('items', {}))}"
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    return prop.get("type", "any")


def records_markdown() -> str:
    schema = Extraction.model_json_schema()
    lines = ["# Records reference", "",
             "Generated from the pydantic models by `python -m policyie.schema docs/`; "
             "the JSON schema is [extraction.schema.json](extraction.schema.json). "
             "Offsets are character offsets, `end` exclusive: `text[start:end] == record.text`.", ""]
    for name in RECORDS:
        model = schema["$defs"][name]
        lines += [f"## {name}", "", model.get("description", ""), "",
                  "| field | type | required | meaning |", "| --- | --- | --- | --- |"]
        required = set(model.get("required", []))
        for field, prop in model["properties"].items():
            lines.append(f"| `{field}` | {_type_of(prop)} | {'yes' if field in required else 'no'} "
                         f"| {prop.get('description', '')} |")
        lines.append("")
    return "\n".join(lines)


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "extraction.schema.json").write_text(schema_json(), encoding="utf-8")
    (directory / "records.md").write_text(records_markdown(), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
