"""pkuseg's segmentation, computed for a whole text at once with numpy.

spacy_pkuseg builds the feature list of every character in Cython string code
(about twenty ``"".join`` slices, dozens of concatenations and dict lookups
per character); that is ~97% of its time.  ``FastSegmenter`` computes the same
features for all characters of a text in one pass:

* characters become integer ids through a code-point table built with
  pkuseg's own ``normalize_text`` (so keyword renaming and the num/letter
  folding are pkuseg's);
* character and character-pair features are array lookups;
* the model's words starting at each position are found by walking a trie of
  the words one level per word length, for all positions at once;
* word-pair (``ww``) features are looked up only where both words exist (the
  model has no ``ww`` feature with ``**noWord``; if a model had one, the
  segmenter would fall back to pkuseg's own ``cut``).

The node scores are summed template by template in pkuseg's order, so every
float addition is the one pkuseg's ``getLogYY`` makes (an absent feature adds
nothing, or 0.0, which leaves the sum unchanged), and pkuseg's own
``run_viterbi`` decodes each fragment.  The output is therefore the same list
of words, not an approximation of it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# pkuseg's feature templates by prefix (node_scores adds them in pkuseg's order).
CHAR_TEMPLATES = ("c.", "c-1.", "c1.", "c-2.", "c2.")
PAIR_TEMPLATES = ("c-1c.", "cc1.", "c-2c-1.")
WORD_TEMPLATES = ("w-1.", "w1.")
WORD_PAIR_TEMPLATES = ("ww.l.", "ww.r.")
NO_WORD = "**noWord"

# Fragments are scored together in batches of about this many characters (the
# score arrays are 5 floats per character; the batch bounds their memory).
BATCH_CHARS = 1 << 16
# Below this many characters to segment, pkuseg's own code is quicker than
# the fixed cost (~100 us) of the numpy calls.
SMALL_TEXT = 12
# Empty positions between fragments: character features look two positions
# left and right, and a word cannot run across an empty position.
PAD = 2


class IntMap:
    """A read-only map from int64 keys to int64 values, queried with arrays."""

    # Keys are sorted and end with a sentinel above any query, so a search
    # never falls off the end.  (Binary search costs ~16 ns a query here; a
    # numpy hash table only wins on arrays far longer than a document.)
    _SENTINEL = np.iinfo(np.int64).max

    def __init__(self, keys, values):
        keys = np.asarray(keys, dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        self._keys = np.append(keys[order], self._SENTINEL)
        self._values = np.append(np.asarray(values, dtype=np.int64)[order], -1)

    def get(self, queries: np.ndarray, missing: int) -> np.ndarray:
        """The value of each query (all below 2**63 - 1), ``missing`` where absent."""
        pos = np.searchsorted(self._keys, queries)
        return np.where(self._keys[pos] == queries, self._values[pos], missing)


@dataclass(frozen=True)
class Tables:
    """pkuseg's model and features as arrays.

    Weights are stored per template, indexed by what the template looks at (a
    node, a node pair, a word, a word pair), with zero rows for features the
    model does not have: adding 0.0 leaves a sum unchanged, so a position
    can add a row for every template whether or not its feature exists.
    """

    node_of: np.ndarray        # code point -> node id (0: in no feature; also padding)
    n_nodes: int
    char_weights: np.ndarray   # (n_nodes, 5, n_tag), per CHAR_TEMPLATES
    pairs: IntMap              # node pair (a * n_nodes + b) -> row of pair_weights
    pair_weights: np.ndarray   # (n_pairs + 1, 3, n_tag), per PAIR_TEMPLATES; last row zero
    wchar_of: np.ndarray       # code point -> word-character id (0: never inside a word)
    n_wchars: int
    trie: IntMap               # trie state * n_wchars + word character -> trie state
    word_of_state: np.ndarray  # trie state -> word id, or -1
    word_weights: np.ndarray   # (n_words + 1, 2, n_tag), per WORD_TEMPLATES; last row zero
    n_words: int
    word_pairs: IntMap         # word pair (a * n_words + b) -> row of word_pair_weights
    word_pair_weights: np.ndarray  # (n_word_pairs + 1, 2, n_tag), per WORD_PAIR_TEMPLATES
    lengths: tuple             # word lengths of the word features, longest first (pkuseg's order)
    start_weight: np.ndarray   # (n_tag,): 0.0 + the weights of feature 0 ("$$", at every position)
    edge: np.ndarray           # (n_tag, n_tag), as pkuseg's getLogYY builds it
    begins: np.ndarray         # tag -> whether the tag starts a word
    settings: tuple            # the pkuseg settings the tables were built for


def pkuseg_settings() -> tuple:
    """spacy_pkuseg's global settings that shape the features (its extractor
    reads them at every call)."""
    from spacy_pkuseg.config import config

    return (config.wordFeature, config.wordMax, config.wordMin, config.numLetterNorm)


def build_tables(seg) -> Tables | None:
    """Tables for a loaded ``spacy_pkuseg.pkuseg``, or None when its model or
    settings have something this vectorisation cannot reproduce exactly."""
    from spacy_pkuseg import inference

    fe, model = seg.feature_extractor, seg.model
    settings = pkuseg_settings()
    word_feature, word_max, word_min, _ = settings
    if word_feature and word_min < 1:
        return None
    n_tag = model.n_tag
    weights = np.asarray(model.w[: model.n_feature * n_tag], dtype=np.float64).reshape(-1, n_tag)
    by_template = _features_by_template(fe.feature_to_idx)

    # Every character a feature or word mentions, plus those pkuseg rewrites:
    # any other character is a node of its own that no feature or word holds.
    chars = sorted(set("".join(fe.feature_to_idx)) | set("".join(fe.unigram))
                   | set(fe.keywords) | set(fe.num) | set(fe.letter))
    node_value = {ch: next(iter(fe.normalize_text(ch))) for ch in chars}
    if not _reads_back_exactly(node_value, fe.unigram, by_template):
        return None
    node_ids = {v: k + 1 for k, v in enumerate(sorted(set(node_value.values())))}
    n_nodes = len(node_ids) + 1
    size = max(map(ord, chars)) + 2  # the last entry (0) serves every higher code point
    node_of = np.zeros(size, dtype=np.int64)
    for ch, value in node_value.items():
        node_of[ord(ch)] = node_ids[value]

    char_weights = np.zeros((n_nodes, len(CHAR_TEMPLATES), n_tag))
    for value, k in node_ids.items():
        for t, prefix in enumerate(CHAR_TEMPLATES):
            if (index := by_template.get(prefix, {}).get(value)) is not None:
                char_weights[k, t] = weights[index]
    pairs, pair_weights = _pair_table(by_template, PAIR_TEMPLATES, ".", node_ids, weights)

    lengths = tuple(range(word_max, word_min - 1, -1)) if word_feature else ()
    words = sorted(w for w in fe.unigram if lengths and word_min <= len(w) <= word_max)
    word_ids = {w: k for k, w in enumerate(words)}
    wchar_ids = {ch: k + 1 for k, ch in enumerate(sorted(set("".join(words))))}
    wchar_of = np.zeros(size, dtype=np.int64)
    for ch, value in node_value.items():
        # pkuseg joins nodes and looks the string up: only one-character nodes
        # can be part of a word (longer ones hold "*", which no word has).
        if len(value) == 1 and value in wchar_ids:
            wchar_of[ord(ch)] = wchar_ids[value]
    n_wchars = len(wchar_ids) + 1
    trie, word_of_state = _word_trie(words, wchar_ids, n_wchars)
    word_weights = np.zeros((len(words) + 1, len(WORD_TEMPLATES), n_tag))  # last row: no word
    for t, prefix in enumerate(WORD_TEMPLATES):
        for word, index in by_template.get(prefix, {}).items():
            if word in word_ids:
                word_weights[word_ids[word], t] = weights[index]
    word_pairs, word_pair_weights = _pair_table(by_template, WORD_PAIR_TEMPLATES, "*", word_ids, weights)

    # pkuseg's own code builds the transition scores (1.0 + weight, per tag pair).
    _, edge = inference.getLogYY([[0]], n_tag, model.n_feature * n_tag, model.w, 1.0)
    begins = np.array(["B" in seg.idx_to_tag[t] for t in range(n_tag)])
    return Tables(node_of, n_nodes, char_weights, pairs, pair_weights, wchar_of, n_wchars, trie,
                  word_of_state, word_weights, len(words), word_pairs, word_pair_weights, lengths,
                  0.0 + weights[0], edge, begins, settings)


def _features_by_template(feature_to_idx: dict) -> dict[str, dict[str, int]]:
    """Feature indices by template prefix ("c-1c." ...), keyed by the rest of the string.

    Template names hold no "." (the ``ww`` ones excepted: "ww.l.", "ww.r."),
    so a feature's template ends at its first dot; "$$" has none.
    """
    grouped: dict[str, dict[str, int]] = {}
    for key, index in feature_to_idx.items():
        dot = key.find(".")  # (no str.partition: a tuple per feature feeds the collector)
        if dot >= 0:
            name = key[:dot]
            group = grouped.get(name)
            if group is None:
                group = grouped[name] = {}
            group[key[dot + 1:]] = index
    by_prefix = {name + ".": group for name, group in grouped.items() if name != "ww"}
    for rest, index in grouped.get("ww", {}).items():
        by_prefix.setdefault("ww." + rest[:2], {})[rest[2:]] = index
    return by_prefix


def _reads_back_exactly(node_value: dict, unigram, by_template: dict) -> bool:
    """Whether feature strings can be turned into ids without ambiguity.

    Pair features are ``prefix + a + "." + b``, word pairs ``prefix + a + "*"
    + b``: splitting them back is exact when no node holds "." and no word
    holds "*"; and a slice of nodes is a word only if all its nodes are single
    characters when every longer node ("**Num", "**Letter") holds "*".
    pkuseg ensures this by renaming ".", "*" and friends to "&"; this checks
    the loaded model.
    """
    if any("." in v or (len(v) > 1 and "*" not in v) for v in node_value.values()):
        return False
    if any("*" in w for w in unigram):
        return False
    # A word-pair feature with **noWord would fire almost everywhere; this
    # sparse vectorisation does not do those.
    return not any(NO_WORD in rest for prefix in WORD_PAIR_TEMPLATES
                   for rest in by_template.get(prefix, {}))


def _pair_table(by_template: dict, templates: tuple, separator: str, ids: dict, weights: np.ndarray):
    """Features of pairs (of nodes, or of words): one row of weights per pair
    and template; the map gives the row of a pair code ``a * len + b``."""
    base = max(ids.values(), default=0) + 1
    # Plain lists of ints, no tuple per feature: allocating ~200,000 small
    # containers would run the garbage collector over the model many times.
    rows: dict[int, int] = {}
    row_of, template_of, index_of = [], [], []
    for t, prefix in enumerate(templates):
        for rest, index in by_template.get(prefix, {}).items():
            cut = rest.find(separator)
            left = ids.get(rest[:cut]) if cut >= 0 else None
            right = ids.get(rest[cut + 1:])  # no id holds the separator: one split only
            if left is not None and right is not None:
                row_of.append(rows.setdefault(left * base + right, len(rows)))
                template_of.append(t)
                index_of.append(index)
    table = np.zeros((len(rows) + 1, len(templates), weights.shape[1]))
    table[row_of, template_of] = weights[np.array(index_of, dtype=np.int64)]
    return IntMap(list(rows), list(rows.values())), table


def _word_trie(words: list[str], wchar_ids: dict, n_wchars: int):
    """A trie of the words as a transition map; the state of a one-character
    prefix is that character's id."""
    transitions: dict[int, int] = {}  # state * n_wchars + character -> state
    word_at: dict[int, int] = {}
    next_state = n_wchars
    for k, word in enumerate(words):
        state = wchar_ids[word[0]]
        for ch in word[1:]:
            step = state * n_wchars + wchar_ids[ch]
            if step not in transitions:
                transitions[step] = next_state
                next_state += 1
            state = transitions[step]
        word_at[state] = k
    word_of_state = np.full(next_state, -1, dtype=np.int64)
    word_of_state[list(word_at)] = list(word_at.values())
    return IntMap(list(transitions), list(transitions.values())), word_of_state


# --- scoring --------------------------------------------------------------------------------


def _words_starting(t: Tables, wchar: np.ndarray) -> np.ndarray:
    """The model's words at each position: ``[i, r]`` is the id of the word of
    length ``t.lengths[r]`` that starts at ``i``, or -1 (one row more than
    positions, so that a word's end can index it).

    All positions walk the trie together, one level per character; a position
    leaves the walk when its prefix begins no word.  Padding (and any
    character no word holds) has id 0, for which the trie has no transition:
    no walk runs across it, nor past the padding that ends the batch.
    """
    starting = np.full((len(wchar) + 1, len(t.lengths)), -1, dtype=np.int64)
    starts = np.flatnonzero(wchar)
    state = wchar[starts]
    for length in range(1, t.lengths[0] + 1):
        if length > 1:
            state = t.trie.get(state * t.n_wchars + wchar[starts + (length - 1)], -1)
            alive = state >= 0
            starts, state = starts[alive], state[alive]
            if not len(starts):
                break
        if length in t.lengths:
            word = t.word_of_state[state]
            hit = word >= 0
            starting[starts[hit], t.lengths.index(length)] = word[hit]
    return starting


def node_scores(t: Tables, node: np.ndarray, wchar: np.ndarray) -> np.ndarray:
    """pkuseg's node scores (``getLogYY``) for every position of a padded batch.

    Each template's rows are added in pkuseg's feature order, so a position
    receives the same float additions in the same order as in pkuseg.  The
    batch starts and ends with PAD padding positions, so the shifted slices
    below cover every real position (a word ending at i - 1 needs no padding:
    it cannot start before the batch, so its row there is zero anyway).
    """
    n = len(node)
    scores = np.repeat(t.start_weight[None], n, axis=0)      # $$ (0.0 + weight)
    chars = t.char_weights[node]                              # (n, 5, n_tag)
    missing = len(t.pair_weights) - 1
    pairs = t.pair_weights[t.pairs.get(node[:-1] * t.n_nodes + node[1:], missing)]
    scores += chars[:, 0]                                     # c.    node i
    scores[1:] += chars[:-1, 1]                               # c-1.  node i - 1
    scores[1:] += pairs[:, 0]                                 # c-1c. nodes i - 1, i (pairs[j]: j, j + 1)
    scores[:-1] += chars[1:, 2]                               # c1.   node i + 1
    scores[:-1] += pairs[:, 1]                                # cc1.  nodes i, i + 1
    scores[2:] += chars[:-2, 3]                               # c-2.  node i - 2
    scores[2:] += pairs[:-1, 2]                               # c-2c-1. nodes i - 2, i - 1
    scores[:-2] += chars[2:, 4]                               # c2.   node i + 2
    if t.lengths:
        starting = _words_starting(t, wchar)
        words = t.word_weights[starting[:-1]]                 # (n, lengths, 2, n_tag); -1: zero row
        for rank, length in enumerate(t.lengths):             # w-1.  word ending at i, longest first
            scores[length - 1:] += words[:n - length + 1, rank, 0]
        for rank in range(len(t.lengths)):                    # w1.   word starting at i
            scores += words[:, rank, 1]
        _add_word_pairs(t, scores, starting)
    return scores


def _add_word_pairs(t: Tables, scores: np.ndarray, starting: np.ndarray) -> None:
    """The ``ww`` features: a word ending just before a boundary, one starting at it.

    pkuseg adds them at the position after the boundary (``ww.l.``) and at
    the one before it (``ww.r.``), ordered by the left word's length, then the
    right one's, longest first; a position's ``ww.l.`` come before its
    ``ww.r.``.  A position can get several, so they are added in rounds: the
    first of every position, then the second, and so on.
    """
    n_len = len(t.lengths)
    start, left_rank = np.nonzero(starting >= 0)              # every word found
    left_ids = starting[start, left_rank]
    boundary = start + np.array(t.lengths)[left_rank]
    row, right_rank = np.nonzero(starting[boundary] >= 0)     # ... and every word right after it
    if not len(row):
        return
    codes = left_ids[row] * t.n_words + starting[boundary[row], right_rank]
    pair = t.word_pairs.get(codes, -1)
    known = pair >= 0
    row, right_rank, pair = row[known], right_rank[known], pair[known]
    if not len(pair):
        return
    at = boundary[row]
    order = left_rank[row] * n_len + right_rank
    positions = np.concatenate((at, at - 1))
    orders = np.concatenate((order, order + n_len * n_len))
    rows = np.concatenate((t.word_pair_weights[pair, 0], t.word_pair_weights[pair, 1]))
    sort = np.lexsort((orders, positions))
    positions, rows = positions[sort], rows[sort]
    first = np.flatnonzero(np.r_[True, positions[1:] != positions[:-1]])
    rank = np.arange(len(positions)) - np.repeat(first, np.diff(np.r_[first, len(positions)]))
    for r in range(int(rank.max()) + 1):
        this = rank == r
        scores[positions[this]] += rows[this]


# --- segmenting -----------------------------------------------------------------------------


def _code_points(text: str) -> np.ndarray:
    # surrogatepass: a lone surrogate is a character to pkuseg as well
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)


def padded_code_points(t: Tables, fragments: list[str]) -> np.ndarray:
    """The code points of the fragments laid out for :func:`node_scores`.

    PAD padding positions come before, between and after the fragments; they
    hold the tables' last code point, which stands for every character that
    no feature and no word mentions (id 0 in both tables).
    """
    pad = len(t.node_of) - 1
    lengths = np.fromiter(map(len, fragments), dtype=np.int64, count=len(fragments))
    padded = np.full(int(lengths.sum()) + PAD * (len(fragments) + 1), pad, dtype=np.int64)
    cps = _code_points("".join(fragments))
    if len(fragments) == 1:
        padded[PAD:-PAD] = cps
    else:
        fragment_of = np.repeat(np.arange(1, len(fragments) + 1), lengths)
        padded[np.arange(len(cps)) + PAD * fragment_of] = cps
    return np.minimum(padded, pad, out=padded)


def fragment_scores(t: Tables, fragments: list[str]) -> np.ndarray:
    """Node scores of the padded layout of ``fragments`` (see padded_code_points)."""
    padded = padded_code_points(t, fragments)
    return node_scores(t, t.node_of[padded], t.wchar_of[padded])


def decode(t: Tables, scores: np.ndarray, fragments: list[str]) -> tuple[list[str], np.ndarray]:
    """The words of each fragment, with pkuseg's Viterbi on each fragment's
    rows of ``scores``; and how many words each fragment has."""
    from spacy_pkuseg.inference import run_viterbi

    lengths = [len(f) for f in fragments]
    first = np.cumsum(lengths) - lengths  # each fragment's offset in ``joined``
    rows = first + PAD * np.arange(1, len(fragments) + 1)
    # A one-character fragment is one word whatever its tag: no Viterbi for it.
    single = np.zeros(1, dtype=np.int32)
    tags = np.concatenate([run_viterbi(scores[row:row + length], t.edge)[1] if length > 1 else single
                           for row, length in zip(rows.tolist(), lengths)])
    begins = t.begins[tags]
    begins[first] = True  # pkuseg starts each fragment with a word, whatever its tag
    joined = "".join(fragments)
    bounds = np.append(np.flatnonzero(begins), len(joined)).tolist()
    words = [joined[a:b] for a, b in zip(bounds[:-1], bounds[1:])]
    return words, np.add.reduceat(begins, first)


def segment_fragments(t: Tables, fragments: list[str]) -> tuple[list[str], np.ndarray]:
    """The words of non-empty fragments scored as one batch, and how many
    words each fragment has."""
    return decode(t, fragment_scores(t, fragments), fragments)


class FastSegmenter:
    """A ``spacy_pkuseg.pkuseg`` whose ``cut`` scores whole texts with numpy.

    It uses the wrapped segmenter's model, features, user dictionary
    (``preprocesser``: shared, so words inserted through either object count
    for both) and post-processor.  ``original`` is the wrapped segmenter;
    other attributes (``model``, ``feature_extractor`` ...) are read from it.
    """

    def __init__(self, seg, small_text: int = SMALL_TEXT):
        self.original = seg
        self.tables = build_tables(seg)
        self.small_text = small_text

    def __getattr__(self, name):
        if name == "original":  # not set yet (unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.original, name)

    @property
    def preprocesser(self):
        return self.original.preprocesser

    @preprocesser.setter
    def preprocesser(self, value):
        self.original.preprocesser = value

    @property
    def vectorised(self) -> bool:
        """Whether ``cut`` takes the numpy path; if not (a model feature or a
        pkuseg setting the tables do not cover, or part-of-speech tagging), it
        is pkuseg's own ``cut``."""
        return (self.tables is not None and not self.original.postag
                and self.tables.settings == pkuseg_settings())

    def cut(self, txt: str) -> list[str]:
        """The words of ``txt``, as ``spacy_pkuseg.pkuseg.cut`` gives them."""
        if not self.vectorised:
            return self.original.cut(txt)
        pieces, fragments = self._pieces(txt)
        if not fragments:
            return pieces
        words, counts = self._segment(fragments)
        # Put each fragment's words where the fragment stood.
        out, pos, post = [], 0, self.original.postprocesser
        for piece, count in zip(pieces, _fragment_counts(pieces, counts)):
            if count is None:
                out.append(piece)
            else:
                out.extend(post(words[pos:pos + count]))
                pos += count
        return out

    def _pieces(self, txt: str) -> tuple[list, list[str]]:
        """pkuseg's pre-processing: whitespace-separated parts, each cut into
        user-dictionary words (kept) and fragments to segment (``None`` in the
        pieces, in order)."""
        parts = txt.strip().split()
        if not self.preprocesser.trie.children:
            # No user words: solve would step through every character for nothing.
            return [None] * len(parts), parts
        pieces, fragments = [], []
        solve = self.preprocesser.solve
        for part in parts:
            for text, is_word, _ in zip(*solve(part)):
                if is_word:
                    pieces.append(text)
                else:
                    pieces.append(None)
                    fragments.append(text)
        return pieces, fragments

    def _segment(self, fragments: list[str]) -> tuple[list[str], list[int]]:
        """Words and per-fragment word counts, scoring bounded batches."""
        if sum(map(len, fragments)) < self.small_text:
            # A few characters: pkuseg's own per-character path is quicker.
            cuts = [self.original._cut(fragment) for fragment in fragments]
            return [w for cut in cuts for w in cut], [len(cut) for cut in cuts]
        words, counts, batch, size = [], [], [], 0
        for k, fragment in enumerate(fragments):
            batch.append(fragment)
            size += len(fragment)
            if size >= BATCH_CHARS or k == len(fragments) - 1:
                batch_words, batch_counts = segment_fragments(self.tables, batch)
                words += batch_words
                counts += batch_counts.tolist()
                batch, size = [], 0
        return words, counts


def _fragment_counts(pieces: list, counts: list[int]):
    """Each piece's word count: None for a user word, the count for a fragment."""
    it = iter(counts)
    return [None if piece is not None else next(it) for piece in pieces]
