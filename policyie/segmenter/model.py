"""Loading the shipped pkuseg model without any network access."""
from __future__ import annotations

from pathlib import Path


def load_pkuseg(model_dir: Path, user_words: list[str] | None = None, fast: bool = True):
    """A segmenter for ``model_dir`` with only our own words.

    pkuseg's default post-processing dictionary re-merges words by the
    standard of another corpus and costs about one F1 point on ours, so it is
    switched off; ``user_words`` are kept whole by pkuseg's preprocessor.

    With ``fast`` (the default) the ``spacy_pkuseg.pkuseg`` is wrapped in a
    :class:`~policyie.segmenter.fast.FastSegmenter`: the same words, about ten
    times sooner; ``fast=False`` returns pkuseg's own segmenter.
    """
    import spacy_pkuseg

    from policyie.segmenter.fast import FastSegmenter

    seg = spacy_pkuseg.pkuseg(str(model_dir), user_dict=list(user_words or []))
    seg.postprocesser.do_process = False
    return FastSegmenter(seg) if fast else seg
