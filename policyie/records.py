"""The typed records policyie returns (the fields of SPEC section 1).

Offsets are character offsets into the input string, ``end`` exclusive, so
``text[record.start:record.end] == record.text`` always holds.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

RegionLevel = Literal["country", "province", "prefecture", "county", "zone", "group"]
Approx = Literal["exact", "about", "more_than", "at_least", "nearly", "less_than", "at_most"]
Kind = Literal["level", "growth", "share", "difference", "rank"]
Sector = Literal[
    "新一代信息技术产业", "高端装备制造产业", "新材料产业", "生物产业", "新能源汽车产业",
    "新能源产业", "节能环保产业", "数字创意产业", "相关服务业", "其他",
]
Tier = Literal["strategic_emerging", "future", "digital", "traditional"]


class Mention(BaseModel):
    """A stretch of the input: what every record has."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(description="the mention exactly as written")
    start: int = Field(ge=0, description="character offset of the first character")
    end: int = Field(ge=0, description="character offset after the last character")

    @model_validator(mode="after")
    def _span_matches_text(self):
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{self.end} does not fit text {self.text!r}")
        return self


class Region(Mention):
    """A place in China named in the text."""

    code: Optional[str] = Field(
        description="6-digit GB/T 2260 code; 100000 for the country; null for groups, "
        "zones without a code and names left ambiguous")
    name: str = Field(description="official full name (中华人民共和国 for the country)")
    level: RegionLevel = Field(description="administrative level, or zone (development zones, new areas) "
                              "or group (区域 groupings such as 长三角)")
    candidates: list[str] = Field(
        default_factory=list,
        description="codes the name could stand for when the context does not decide (code is then null)")
    members: list[str] = Field(default_factory=list, description="member codes of a group")
    parent: Optional[str] = Field(default=None, description="code of the containing division")


class Industry(Mention):
    """A named industry, technology sector or economy form."""

    name: str = Field(description="canonical name")
    sector: Sector = Field(description="top category of the strategic emerging industries (2018) or 其他")
    category: Optional[str] = Field(default=None, description="second-level category")
    tiers: list[Tier] = Field(default_factory=list, description="policy tiers the term belongs to")
    source: Literal["lexicon", "pattern", "rule_pack"] = Field(
        default="lexicon", description="lexicon term, discovered by a cue pattern, or from a user rule pack")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, description="1 for lexicon terms, lower for discovered ones")


class Indicator(Mention):
    """A quantity that states a measured or targeted value."""

    value: float = Field(description="the number in base units, signed")
    unit: str = Field(description="base unit: 元, %, 百分点, 倍, 位, a measure word, a physical unit, or ''")
    approx: Approx = Field(default="exact", description="approximation marker: 约/左右 about, 超/余 more_than, "
                           "以上 at_least, 近 nearly, 不到 less_than, 以下 at_most")
    kind: Kind = Field(default="level", description="level (amount, count, index), growth (any change), "
                       "share, difference (against a baseline), rank")
    name: Optional[str] = Field(default=None, description="what is measured, as written")
    year: Optional[int] = None
    region: Optional[str] = Field(default=None, description="code of the region the value describes")
    target: bool = Field(default=False, description="a goal or expectation rather than a result")
    upper: Optional[float] = Field(default=None, description="upper bound of a range")


class Extraction(BaseModel):
    """Everything policyie found in one document."""

    model_config = ConfigDict(extra="forbid")

    id: Optional[str] = Field(default=None, description="the input document's id")
    regions: list[Region] = Field(default_factory=list)
    industries: list[Industry] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
