#!/usr/bin/env python3
"""Writes tests/data/forty-companies.json: a benchmark and 39 challengers with three
fiscal years and a half-year of revenue, net income, R&D, cash and operating cash flow
(CNY and USD), customer shares and market values, for the tests of charts with many companies. No company's
name is part of another's, so a test can count the names a page shows.

And tests/data/fifty-companies.json: the same with ten more challengers, past the 48
that the palette's twelve hues and four patterns tell apart; two of them have colours of
their own, close to the palette's: c42 to c06's, c46 to c10's."""
import json, os

words = ["Amber", "Basalt", "Cobalt", "Delta", "Ember", "Fjord", "Garnet", "Harbor",
         "Indigo", "Jasper", "Krypton", "Lumen", "Meridian", "Nimbus", "Onyx", "Prism",
         "Quasar", "Raptor", "Sable", "Tundra", "Umbra", "Vertex", "Willow", "Xenon",
         "Yarrow", "Zephyr", "Aster", "Bramble", "Cinder", "Dune", "Eclipse", "Flint",
         "Glacier", "Halcyon", "Iris", "Juniper", "Kelvin", "Lotus", "Mistral"]
more_words = ["Nova", "Orbit", "Pulsar", "Quill", "Rook", "Sierra", "Talon", "Ursa",
              "Vesper", "Wren"]
own_colors = {42: "#0b5d48", 46: "#b3140a"}
here = os.path.dirname(os.path.abspath(__file__))

def company(n, name):
    usd = n % 4 == 0
    periods = [{"id": f"FY{y}", "kind": "fiscal-year", "start": f"{y}-01-01",
                "end": f"{y}-12-31"} for y in (2022, 2023, 2024)]
    periods.append({"id": "2025H1", "kind": "half-year", "start": "2025-01-01",
                    "end": "2025-06-30"})
    figures = []
    for i, p in enumerate(periods):
        scale = 0.5 if p["kind"] == "half-year" else 1
        for metric, value in (("revenue", 0.4 + n * 0.37 + i * 0.8),
                              ("net_income_attributable", -(1.1 + (n * 7 % 23) * 0.61 + i)),
                              ("rnd_expense", 0.9 + (n * 5 % 17) * 0.43 + i * 0.3),
                              ("cash", 3.0 + (n * 3 % 19) * 1.7 - i * 0.5),
                              ("operating_cash_flow", -(0.8 + (n * 7 % 23) * 0.5 + i * 0.4))):
            value = round(value * scale / (7 if usd else 1), 3)
            figures.append({"period": p["id"], "metric": metric, "value": value,
                            "currency": "USD" if usd else "CNY",
                            "scale": "billion" if usd else "yi", "source": "src"})
    return {"id": f"c{n:02d}", "name": {"en": f"{name} Compute", "zh": f"{name}计算"},
            "periods": periods, "figures": figures,
            "customers": [{"period": f"FY{y}", "top5_share": 40 + (n * 11 + y) % 55,
                           "source": "src"} for y in (2023, 2024)],
            "market_caps": [{"date": f"{y}-12-31", "value": 20 + n * 9.5 + (y - 2022) * 3,
                             "currency": "CNY", "scale": "yi", "source": "src"}
                            for y in (2022, 2023, 2024)]}

bench = {"id": "titan", "name": {"en": "Titan Graphics", "zh": "泰坦图形"},
         "role": "benchmark",
         "periods": [{"id": f"FY{y}", "kind": "fiscal-year", "start": f"{y - 1}-02-01",
                      "end": f"{y}-01-31"} for y in (2023, 2024, 2025)],
         "figures": [{"period": f"FY{y}", "metric": m, "value": v * (y - 2021),
                      "currency": "USD", "scale": "billion", "source": "src"}
                     for y in (2023, 2024, 2025)
                     for m, v in (("revenue", 27.0), ("net_income_attributable", 4.4),
                                  ("rnd_expense", 7.3))],
         "market_caps": [{"date": f"{y}-12-31", "value": 400 + (y - 2022) * 900,
                          "currency": "USD", "scale": "billion", "source": "src"}
                         for y in (2022, 2023, 2024)]}

def write(name, title, companies):
    doc = {"format": "burnrate-dataset", "version": 1, "title": title,
           "updated": "2025-08-01",
           "sources": [{"id": "src", "title": "Annual reports", "publisher": "Exchange filings",
                        "date": "2025-06-30"}],
           "fx": [{"base": "USD", "quote": "CNY", "rate": r, "kind": "annual-average", "year": y,
                   "source": "src"} for y, r in ((2022, 6.729), (2023, 7.0809), (2024, 7.1957),
                                                 (2025, 7.18))],
           "companies": [bench] + companies}
    with open(os.path.join(here, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")

write("forty-companies.json", "Forty companies",
      [company(n, w) for n, w in enumerate(words, 1)])

fifty = [company(n, w) for n, w in enumerate(words + more_words, 1)]
for c in fifty:
    n = int(c["id"][1:])
    if n in own_colors:
        c["color"] = own_colors[n]
write("fifty-companies.json", "Fifty companies", fifty)
