"""Shrink a trained pkuseg model so the library can ship it.

The trainer writes ~75 MB (float64 weights, every feature ever seen, a bigram
list that inference never reads).  Most features carry weights near zero:
dropping those whose weights are all below ``threshold`` in magnitude and
rounding the rest to float16 precision costs almost nothing in F1.  The
result stays in pkuseg's own format (``features.msgpack`` + ``weights.npz``,
float64 because pkuseg's Cython decoder requires it) so the stock loader
reads it; ``np.savez_compressed`` makes the rounded weights small on disk.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import srsly


def compact_model(src: Path, dst: Path, threshold: float = 0.1) -> dict:
    src, dst = Path(src), Path(dst)
    features = srsly.read_msgpack(src / "features.msgpack")
    weights = np.load(src / "weights.npz")
    n_tag, n_feature = (int(x) for x in weights["sizes"])
    w = weights["w"]
    node = w[: n_feature * n_tag].reshape(n_feature, n_tag)
    edge = w[n_feature * n_tag:]

    keep = np.abs(node).max(axis=1) >= threshold
    keep[0] = True  # feature 0 is the decoder's fallback for featureless characters
    new_index = np.cumsum(keep) - 1
    feature_to_idx = {
        name: int(new_index[idx]) for name, idx in features["feature_to_idx"].items() if keep[idx]
    }
    kept_node = node[keep].astype(np.float16).astype(np.float64)
    new_w = np.concatenate([kept_node.reshape(-1), edge.astype(np.float16).astype(np.float64)])

    dst.mkdir(parents=True, exist_ok=True)
    srsly.write_msgpack(
        dst / "features.msgpack",
        {
            "unigram": features["unigram"],
            "bigram": [],  # never read at inference
            "feature_to_idx": feature_to_idx,
            "tag_to_idx": features["tag_to_idx"],
        },
    )
    np.savez_compressed(dst / "weights.npz", sizes=np.array([n_tag, int(keep.sum())]), w=new_w)
    size = sum(p.stat().st_size for p in dst.iterdir() if p.name in ("features.msgpack", "weights.npz"))
    return {"features_before": n_feature, "features_after": int(keep.sum()),
            "prune_threshold": threshold, "size_bytes": size}
