"""The quantities grammar: every quantity in a text, found and normalised.

>>> from policyie.quantities import QuantityGrammar
>>> [q.text for q in QuantityGrammar.default().find("新能源汽车产量253万辆，增长30%")]
['253万辆', '30%']
"""
from .grammar import Number, Quantity, QuantityGrammar
from .numerals import NumeralError, Reading, normalize, parse_amount, parse_numeral, read_numeral

__all__ = [
    "Number",
    "NumeralError",
    "Quantity",
    "QuantityGrammar",
    "Reading",
    "normalize",
    "parse_amount",
    "parse_numeral",
    "read_numeral",
]
