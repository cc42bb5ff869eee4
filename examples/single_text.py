"""Records of one text: regions, industries and indicators.

    python examples/single_text.py
"""
import policyie

# Sentences written for this example, in the style of a provincial work report.
TEXT = ("2023年，全省地区生产总值达到5.6万亿元，增长6.1%。新能源汽车产量突破80万辆，"
        "集成电路和生物医药产业加快发展。今年，力争数字经济核心产业增加值占比提高到12%左右。")

result = policyie.extract(TEXT, date="2024-01-20")

print("regions:")
for region in result.regions:
    print(f"  {region.text} → {region.code} {region.name} ({region.level})")
print("industries:")
for industry in result.industries:
    print(f"  {industry.text} → {industry.name} · {industry.sector}")
print("indicators:")
for q in result.indicators:
    print(f"  {q.text:<10} value={q.value:g} unit={q.unit} kind={q.kind} approx={q.approx} "
          f"year={q.year} target={q.target} name={q.name}")
