"""policyie.dask on a distributed.LocalCluster with 2 worker processes."""
import json

import pytest

distributed = pytest.importorskip("distributed", reason="dask is the optional extra policyie[dask]")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")

import dask  # noqa: E402
import pandas as pd  # noqa: E402

import policyie  # noqa: E402
import policyie.dask as policyie_dask  # noqa: E402

TEXTS = ["2023年，广东省新能源汽车产量253万辆，增长8%。", "上海市集成电路产业规模突破3000亿元。",
         "鹏城低空物流发展迅速，产值增长12%。", "全区工业产值冲刺200亿元。", "北京市人工智能企业超过2000家。"]
DOCS = [{"id": f"d{i}", "text": text, "date": "2024-06-01"} for i, text in enumerate(TEXTS)]
PACK = [{"dimension": "regions", "type": "alias", "text": "鹏城", "code": "440300"},
        {"dimension": "indicators", "cue": "target", "text": "冲刺"}]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  worker_dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def expected():
    nlp = policyie.load(segmenter="char", rules=[PACK])
    return [result.model_dump() for result in policyie.extract_many(DOCS, nlp=nlp)]


def test_bag_results_equal_local_extraction(client, expected):
    bag = db.from_sequence(DOCS, npartitions=3)
    results = policyie_dask.extract_bag(bag, segmenter="char", rules=[PACK]).compute()
    assert results == expected
    assert results[2]["regions"][0]["code"] == "440300"          # the rules reached the workers
    assert results[3]["indicators"][0]["target"] is True
    assert len(client.scheduler_info()["workers"]) == 2


def test_both_worker_processes_take_part(client):
    bag = db.from_sequence(DOCS * 4, npartitions=8)
    policyie_dask.extract_bag(bag, segmenter="char").compute()
    processed = client.run(lambda: policyie_dask._worker_pipeline.cache_info().currsize)
    assert len(processed) == 2 and all(size >= 1 for size in processed.values())


def test_dataframe_column(client, expected):
    frame = dd.from_pandas(pd.DataFrame({"doc": [d["id"] for d in DOCS], "body": TEXTS,
                                         "day": ["2024-06-01"] * len(DOCS)}), npartitions=2)
    results = policyie_dask.extract_column(frame, "body", id_column="doc", date_column="day",
                                           segmenter="char", rules=[PACK]).compute()
    assert results.tolist() == expected


def test_record_frames_match_to_dataframe(client, expected):
    bag = db.from_sequence(DOCS, npartitions=1).map(json.dumps).map(json.loads)
    frames = policyie_dask.record_frames(policyie_dask.extract_bag(bag, segmenter="char", rules=[PACK]))
    computed = dict(zip(frames, dask.compute(*frames.values())))
    local = policyie.to_dataframe(expected)
    for kind in local:
        # dask keeps strings as pyarrow strings; values and columns are what count
        pd.testing.assert_frame_equal(computed[kind].reset_index(drop=True), local[kind], check_dtype=False)


def test_a_missing_column_is_named():
    frame = dd.from_pandas(pd.DataFrame({"body": TEXTS}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'text'"):
        policyie_dask.extract_column(frame)
