"""policyie: typed records from Chinese policy text.

    >>> import policyie
    >>> result = policyie.extract("2024年，广东省地区生产总值增长3.5%。")
    >>> result.indicators[0].value
    3.5
"""
from __future__ import annotations

from policyie.api import extract, extract_many, load
from policyie.dataframe import to_dataframe
from policyie.records import Extraction, Indicator, Industry, Region
from policyie.rules import RuleError

__all__ = ["load", "extract", "extract_many", "to_dataframe", "Extraction", "Region", "Industry", "Indicator",
           "RuleError", "__version__"]
__version__ = "0.1.0"
