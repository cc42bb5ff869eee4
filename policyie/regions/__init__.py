"""Regions: the division table, the tagger engine and the region scope (pure Python).

    from policyie.regions import RegionTagger
    tagger = RegionTagger.default()
    matches = tagger.find("支持北京朝阳区建设国际消费中心")
    scope = tagger.scope(text, matches)      # scope.region_at(offset) → governing code
"""
from .scope import RegionScope
from .table import Division, DivisionTable
from .tagger import RegionMatch, RegionTagger

__all__ = ["Division", "DivisionTable", "RegionMatch", "RegionScope", "RegionTagger"]
