"""policyie summarize: the region × industry matrix and the indicators of each region."""
import json
import re
from html.parser import HTMLParser

import pytest

from policyie.cli import main
from policyie.records import Extraction
from policyie.summarize import document_region, official_order, summarize, summary_html

from .browser import dump_dom, needs_chromium, screenshot


def region(code, name, start=0, level="province"):
    return {"text": name, "start": start, "end": start + len(name), "code": code, "name": name, "level": level}


def industry(name, start=20):
    return {"text": name, "start": start, "end": start + len(name), "name": name, "sector": "其他"}


def indicator(region_code, name, value=5.0, unit="%", year=2023, target=False, start=40):
    return {"text": f"{value}{unit}", "start": start, "end": start + len(f"{value}{unit}"), "value": value,
            "unit": unit, "kind": "level", "name": name, "year": year, "region": region_code, "target": target}


RESULTS = [
    # a Guangdong report quoting one national figure
    {"id": "gd", "regions": [region("440000", "广东省"), region("100000", "全国", 10, "country")],
     "industries": [industry("人工智能"), industry("人工智能", 25), industry("低空经济", 30)],
     "indicators": [indicator("440000", "地区生产总值", 13.57e12, "元"), indicator("440000", "增速", start=60),
                    indicator("100000", "全国增速", start=80)]},
    {"id": "bj", "regions": [region("110000", "北京市")], "industries": [industry("人工智能")],
     "indicators": [indicator("110000", "研发投入强度", 6.0, target=True, year=2025)]},
    {"id": "nj", "regions": [region("320100", "南京市", level="prefecture")], "industries": [industry("集成电路")],
     "indicators": []},
    {"id": "empty", "regions": [], "industries": [industry("低空经济")], "indicators": []},
]


def extractions():
    return [(Extraction.model_validate(r), None) for r in RESULTS]


def test_document_region_prefers_the_regions_own_figures():
    gd = Extraction.model_validate(RESULTS[0])
    assert document_region(gd) == "440000"
    assert document_region(Extraction.model_validate(RESULTS[2])) == "320100"       # no indicators: named regions
    assert document_region(Extraction.model_validate(RESULTS[3])) == ""             # nothing to tell
    assert document_region(gd, declared="110000") == "110000"


def test_matrix_counts_mentions_per_region():
    summary = summarize(extractions())
    assert summary.mentions["440000"] == {"人工智能": 2, "低空经济": 1}
    assert summary.naming_documents["440000"]["人工智能"] == 1
    assert summary.industries() == ["人工智能", "低空经济", "集成电路"]


def test_regions_in_official_order():
    summary = summarize(extractions())
    assert summary.regions() == ["100000", "110000", "320100", "440000", ""]
    assert sorted(["440000", "", "110000", "100000", "440100"], key=official_order) == \
           ["100000", "110000", "440000", "440100", ""]


def test_indicators_go_to_the_region_they_describe():
    summary = summarize(extractions())
    assert [row.indicator.name for row in summary.indicators["100000"]] == ["全国增速"]
    assert len(summary.indicators["440000"]) == 2


class Page(HTMLParser):
    """Matrix rows (region name, cells with their style) and indicator-table rows."""

    def __init__(self):
        super().__init__()
        self.tables, self._table, self._row, self._cell = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._table = {"class": attrs.get("class"), "rows": []}
            self.tables.append(self._table)
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table["rows"].append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = {"text": "", "style": attrs.get("style", ""), "tag": tag}
            self._row.append(self._cell)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data


def parse(html):
    page = Page()
    page.feed(html)
    return page


def check_page(page: Page):
    matrix = next(t for t in page.tables if t["class"] == "matrix")
    header = [cell["text"] for cell in matrix["rows"][0]][1:]
    assert header == ["人工智能", "低空经济", "集成电路"]
    rows = {row[0]["text"].split()[0]: row[1:] for row in matrix["rows"][1:]}
    assert list(rows) == ["北京市", "南京市", "广东省", "(region"]       # official order, unknown last
    gd = rows["广东省"]
    assert [c["text"] for c in gd] == ["2", "1", "0"]
    assert "rgba" in gd[0]["style"] and gd[2]["style"] == ""
    shade = lambda cell: float(re.search(r"rgba\([^)]*, ([0-9.]+)\)", cell["style"]).group(1))  # noqa: E731
    assert shade(gd[0]) > shade(gd[1])                                    # more mentions, darker
    indicator_tables = [t for t in page.tables if t["class"] == "indicators"]
    assert len(indicator_tables) == 3                                     # 全国, 北京市, 广东省
    bj = [[c["text"].strip() for c in row] for row in indicator_tables[1]["rows"][1:]]
    assert bj == [["研发投入强度", "6 %", "level", "2025", "target", "bj"]]
    gd_rows = [[c["text"].strip() for c in row] for row in indicator_tables[2]["rows"][1:]]
    assert ["地区生产总值", "13.57万亿 元", "level", "2023", "result", "gd"] in gd_rows


def test_page_has_the_matrix_and_the_tables():
    check_page(parse(summary_html(summarize(extractions()))))


def test_cli_summarize(tmp_path, capsys):
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RESULTS), encoding="utf-8")
    out = tmp_path / "summary.html"
    assert main(["summarize", str(results), "--html", str(out)]) == 0
    assert "4 documents" in capsys.readouterr().out
    check_page(parse(out.read_text(encoding="utf-8")))


def test_cli_summarize_reports_bad_lines(tmp_path, capsys):
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps(RESULTS[1], ensure_ascii=False) + '\n{"id": "x", "regions": [{"start": 1}]}\n',
                       encoding="utf-8")
    assert main(["summarize", str(results), "--html", str(tmp_path / "s.html")]) == 2
    assert "results.jsonl:2: not a result record: regions.0.text" in capsys.readouterr().err
    assert main(["summarize", str(results), "--html", str(tmp_path / "s.html"), "--skip-invalid"]) == 0
    assert "skipped 1 invalid input line(s): 2" in capsys.readouterr().err


def test_a_declared_region_wins(tmp_path, capsys):
    results = tmp_path / "results.jsonl"
    line = dict(RESULTS[3], region="510100")
    results.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "s.html"
    assert main(["summarize", str(results), "--html", str(out)]) == 0
    assert "成都市" in out.read_text(encoding="utf-8")


@needs_chromium
def test_page_renders_in_headless_chromium(tmp_path):
    page = tmp_path / "summary.html"
    page.write_text(summary_html(summarize(extractions())), encoding="utf-8")
    screenshot(page, tmp_path / "summary.png", tmp_path / "profile")
    check_page(parse(dump_dom(page, tmp_path / "profile")))
