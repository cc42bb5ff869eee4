"""Many documents to CSV: one table per record kind.

    python examples/batch_to_csv.py [INPUT.jsonl] [OUTPUT_DIR]

INPUT.jsonl has one document a line ({"id", "text", "date"}); the default is
examples/reports.jsonl.  Writes regions.csv, industries.csv and indicators.csv
(needs pandas: pip install 'policyie[pandas]').
"""
import json
import sys
from pathlib import Path

import policyie

HERE = Path(__file__).parent


def read_documents(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def main(source: Path, out_dir: Path) -> None:
    results = policyie.extract_many(read_documents(source), batch_size=16)
    tables = policyie.to_dataframe(results)
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind, table in tables.items():
        table.to_csv(out_dir / f"{kind}.csv", index=False)
        print(f"{out_dir / (kind + '.csv')}: {len(table)} rows")
    indicators = tables["indicators"]
    targets = indicators[indicators["target"]]
    print(f"{len(targets)} of {len(indicators)} indicators are targets; the first few:")
    print(targets[["doc_id", "name", "value", "unit", "year"]].head().to_string(index=False))


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "reports.jsonl"
    out_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("policyie-csv")
    main(source, out_dir)
