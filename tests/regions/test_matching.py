"""The two-character-prefix scanner shared by regions and industries (policyie/matching.py)."""
import pytest

from policyie.matching import Hit, LexiconMatcher


def test_every_occurrence_longest_first_at_each_start():
    matcher = LexiconMatcher([("广东", 1), ("广东省", 2), ("东省", 3), ("山东", 4)])
    assert list(matcher.find_all("广东省和山东")) == [Hit(0, 3, 2), Hit(0, 2, 1), Hit(1, 3, 3), Hit(4, 6, 4)]
    assert list(matcher.find_longest("广东省和山东")) == [Hit(0, 3, 2), Hit(4, 6, 4)]


def test_names_added_after_a_scan_are_found():
    matcher = LexiconMatcher([("北京", "a")])
    assert [h.payload for h in matcher.find_all("北京和AI")] == ["a"]
    matcher.add("AI", "b")
    matcher.add("北京", "c")          # a later payload replaces the earlier one
    assert list(matcher.find_all("北京和AI")) == [Hit(0, 2, "c"), Hit(3, 5, "b")]
    assert len(matcher) == 2 and "AI" in matcher and matcher.get("北京") == "c"


def test_special_characters_and_text_edges():
    matcher = LexiconMatcher([("]^", 1), ("-\\", 2), ("6G", 3)])
    assert [h.payload for h in matcher.find_all("]^-\\6G")] == [1, 2, 3]
    assert list(LexiconMatcher().find_all("任何文本")) == []
    assert list(matcher.find_all("6")) == []


def test_same_hits_as_a_look_up_at_every_position():
    # 中国 starts many names (grouped by their third character inside the matcher)
    names = ["长三角", "长江", "江苏", "苏南", "南京", "京津冀", "津冀", "中国", "国家",
             "中国移动", "中国联通", "中国电信", "中国电", "中国式现代化", "中国中车", "中国人民"]
    matcher = LexiconMatcher((name, name) for name in names)
    text = "长江三角洲即长三角，江苏南京与京津冀，中国国家、中国电信和中国移动推进中国式现代化，中国"
    expected = [(i, i + len(n), n) for i in range(len(text))
                for n in sorted(names, key=len, reverse=True) if text.startswith(n, i)]
    assert [tuple(hit) for hit in matcher.find_all(text)] == expected


def test_one_character_names_are_refused():
    with pytest.raises(ValueError):
        LexiconMatcher([("京", 1)])
