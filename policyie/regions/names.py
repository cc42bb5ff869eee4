"""The other ways a division is written: short names and the 州/县/旗 forms of autonomous units.

广东省 → 广东, 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边 / 延边州, 浦东新区 → 浦东,
长阳土家族自治县 → 长阳 / 长阳县.  A short name is only made when at least two characters
remain: one-character stems (和县, 忠县, 郊区) are never safe alone.
"""
from __future__ import annotations

# The 55 minority nationalities as they appear inside the names of autonomous units.  Some names
# drop 族 (伊犁哈萨克自治州, 博尔塔拉蒙古自治州), so both forms are stripped.
ETHNIC_GROUPS = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_SUFFIXES = sorted({g + "族" for g in ETHNIC_GROUPS} | {g for g in ETHNIC_GROUPS if len(g) >= 2},
                          key=len, reverse=True)

# Longest first; 自治州/县/旗 are handled by strip_ethnic.
_PROVINCE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")
_PLAIN_SUFFIXES = ("地区", "林区", "特区", "新区", "市", "县", "区", "旗", "盟")
_AUTONOMOUS = ("自治州", "自治县", "自治旗")

# Stems that name a part of any town rather than one place (市中区 → 市中, 城关区 → 城关).
GENERIC_STEMS = frozenset("市中 城关 城中 城东 城西 城南 城北 城区 郊区 矿区 新城 老城 古城 开发 东区 西区 南区 北区 "
                          "中区 市区 新区 港区 市北 市南 市东 市西 工农 前进 和平 解放 红旗 向阳 胜利 光明 建设 友好 新华".split())


def strip_ethnic(stem: str) -> str:
    """Drop trailing nationality names: 黔东南苗族侗族 → 黔东南; keeps at least two characters."""
    changed = True
    while changed:
        changed = False
        for suffix in _ETHNIC_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                stem = stem[: -len(suffix)]
                changed = True
                break
    return stem


def short_forms(name: str, level: str) -> list[str]:
    """Other spellings of a division's name, most common first; may be empty."""
    for suffix in _AUTONOMOUS:
        if name.endswith(suffix):
            stem = strip_ethnic(name[: -len(suffix)])
            if stem == name[: -len(suffix)] or len(stem) < 2:
                return []
            return [stem, stem + suffix[-1]]          # 延边, 延边州
    suffixes = _PROVINCE_SUFFIXES if level == "province" else _PLAIN_SUFFIXES
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            return [] if stem in GENERIC_STEMS else [stem]
    return []


# 巴林左旗/巴林右旗, 乌拉特前旗/中旗/后旗, 察哈尔右翼前旗: banners split by direction.  Texts
# write the shared stem alone (巴林—奈曼—阜新), which names one of them without saying which.
_BANNER_DIRECTIONS = ("左翼前旗", "左翼中旗", "左翼后旗", "右翼前旗", "右翼中旗", "右翼后旗",
                      "左旗", "右旗", "前旗", "中旗", "后旗")


def banner_stem(name: str) -> str | None:
    """The stem a directional banner shares with its siblings (巴林左旗 → 巴林), or None."""
    for suffix in _BANNER_DIRECTIONS:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None
