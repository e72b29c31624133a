#!/usr/bin/env python3
"""Writes a large, valid Burnrate dataset for load and memory benchmarks.

Usage: make-big-dataset.py OUT.json [MEGABYTES]   (default 50)

Companies get 40 quarters and 10 fiscal years of figures each, with customers and
market capitalisations, until the file reaches the size asked for."""
import json, sys

out = sys.argv[1]
target = int(sys.argv[2] if len(sys.argv) > 2 else 50) * 1024 * 1024

sources = [{"id": f"s{i}", "title": f"Report {i}", "publisher": "Generator",
            "date": "2025-01-01", "url": f"https://example.org/{i}"} for i in range(100)]
fx = [{"base": "USD", "quote": "CNY", "rate": 7.0 + y / 100, "kind": "annual-average",
       "year": y, "source": "s0"} for y in range(2010, 2026)]

def company(n):
    periods, figures = [], []
    for y in range(2015, 2025):
        periods.append({"id": f"FY{y}", "kind": "fiscal-year", "start": f"{y}-01-01",
                        "end": f"{y}-12-31"})
    for y in range(2015, 2025):
        for q, (s, e) in enumerate([("01-01", "03-31"), ("04-01", "06-30"),
                                    ("07-01", "09-30"), ("10-01", "12-31")], 1):
            periods.append({"id": f"{y}Q{q}", "kind": "quarter", "start": f"{y}-{s}",
                            "end": f"{y}-{e}"})
    for p in periods:
        for m, v in (("revenue", 1.5), ("net_income_attributable", -2.25),
                     ("rnd_expense", 3.125)):
            figures.append({"period": p["id"], "metric": m, "value": v + n % 7,
                            "currency": "CNY" if n % 3 else "USD", "scale": "yi",
                            "source": f"s{n % 100}"})
    return {"id": f"company-{n}", "name": {"en": f"Company {n}", "zh": f"公司{n}"},
            "color": "#%06x" % (n * 2654435761 % 0xffffff), "periods": periods,
            "figures": figures,
            "customers": [{"period": f"FY{y}", "top5_share": 50 + n % 50, "source": "s1"}
                          for y in range(2015, 2025)],
            "market_caps": [{"date": f"{y}-06-30", "value": 100 + n, "currency": "CNY",
                             "scale": "yi", "source": "s2"} for y in range(2015, 2025)]}

one = len(json.dumps(company(0), ensure_ascii=False))
count = max(1, target // (one + 2))
doc = {"format": "burnrate-dataset", "version": 1, "title": "Big generated dataset",
       "updated": "2025-01-01", "sources": sources, "fx": fx,
       "companies": [company(n) for n in range(count)]}
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False)
print(f"{out}: {count} companies")
