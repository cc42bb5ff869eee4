"""policyie render: a standalone HTML page per document, records marked, indicators tabled."""
import json
from html.parser import HTMLParser

import pytest

import policyie
from policyie.cli import main
from policyie.records import Extraction
from policyie.render import html_page, marks_of, readable_number, safe_file_stem

from .browser import dump_dom, needs_chromium, screenshot

TEXT = "2023年，广东省地区生产总值增长4.8%，新能源汽车产量253万辆。\n力争到2025年，深圳集成电路产业规模突破2500亿元。"


class Labels(HTMLParser):
    """The text of every element with class ``label``, and the cells of the indicator table."""

    def __init__(self):
        super().__init__()
        self.labels, self.cells, self._in_label, self._in_cell = [], [], False, False

    def handle_starttag(self, tag, attrs):
        self._in_label = "label" in (dict(attrs).get("class") or "").split()
        self._in_cell = self._in_cell or tag == "td"

    def handle_endtag(self, tag):
        self._in_label = False
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data):
        if self._in_label:
            self.labels.append(data)
        elif self._in_cell and data.strip():
            self.cells.append(data.strip())


def parse(page: str) -> Labels:
    parser = Labels()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def result(nlp):
    return policyie.extract(TEXT, date="2024-01-24", nlp=nlp)


def test_page_labels_every_record_once(result):
    page = parse(html_page(TEXT, result, title="gd"))
    assert page.labels.count("REGION") == len(result.regions) >= 2
    assert page.labels.count("INDUSTRY") == len(result.industries) >= 2
    assert page.labels.count("INDICATOR") == len(result.indicators) >= 3


def test_page_tables_the_indicators(result):
    cells = parse(html_page(TEXT, result)).cells
    assert "253万辆" in cells and "253万 辆" in cells and "4.8 %" in cells
    assert "广东省" in cells and "深圳市" in cells           # region codes shown by name
    assert "target" in cells and "result" in cells


def test_page_keeps_the_whole_text_escaped():
    text = "<b>上海</b> & 广东"
    result = policyie.extract(text, nlp=policyie.load(segmenter="char"))
    page = html_page(text, result)
    assert "&lt;b&gt;" in page and "&amp; " in page and "<b>" not in page


def test_overlapping_records_get_separate_bars():
    result = Extraction.model_validate({
        "regions": [{"text": "沈阳", "start": 0, "end": 2, "code": "210100", "name": "沈阳市", "level": "prefecture"}],
        "industries": [{"text": "沈阳算力", "start": 0, "end": 4, "name": "算力", "sector": "其他"}]})
    marks = marks_of(result)
    assert sorted(m.slot for m in marks) == [0, 1]


def test_labels_that_would_collide_go_to_the_next_bar():
    result = Extraction.model_validate({
        "regions": [{"text": "深圳", "start": 0, "end": 2, "code": "440300", "name": "深圳市", "level": "prefecture"}],
        "industries": [{"text": "集成电路", "start": 2, "end": 6, "name": "集成电路", "sector": "其他"}]})
    assert [m.slot for m in marks_of(result)] == [0, 1]


def test_readable_numbers():
    assert [readable_number(v) for v in (13570000000000, 2530000, 8.8, -2.5, 9999)] == \
           ["13.57万亿", "253万", "8.8", "-2.5", "9,999"]


def test_file_stems_are_safe_and_unique():
    taken = set()
    assert [safe_file_stem(i, taken) for i in ("a/b", "a/b", "..", "报告 1")] == ["a_b", "a_b-2", "document", "报告_1"]


def test_cli_writes_one_page_per_document_and_an_index(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": TEXT}, ensure_ascii=False) + "\n"
                              for i in ("gd/2024", "sz")), encoding="utf-8")
    assert main(["render", "--input", str(source), "--output-dir", str(tmp_path / "out"), "--segmenter", "char"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["gd_2024.html", "index.html", "sz.html"]
    assert "gd_2024.html" in capsys.readouterr().out
    assert 'href="sz.html"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


@needs_chromium
def test_page_renders_in_headless_chromium(result, tmp_path):
    page = tmp_path / "doc.html"
    page.write_text(html_page(TEXT, result, title="gd"), encoding="utf-8")
    screenshot(page, tmp_path / "doc.png", tmp_path / "profile")
    dom = parse(dump_dom(page, tmp_path / "profile"))
    assert {"REGION", "INDUSTRY", "INDICATOR"} <= set(dom.labels)
    assert "253万 辆" in dom.cells
