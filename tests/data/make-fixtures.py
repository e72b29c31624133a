#!/usr/bin/env python3
"""Writes the loader's fault fixtures under tests/data/invalid/ from one valid base,
and prints the line:column where each fault's value starts, found by plain text search
(independently of the scanner under test). Re-run after changing the base."""
import os

here = os.path.dirname(os.path.abspath(__file__))
base = open(os.path.join(here, "valid-base.json"), encoding="utf-8").read()

# name: (old text, new text, text whose first character the fault points at)
cases = {
    "negative-share": ('"top5_share": 89.5', '"top5_share": -5', "-5"),
    "share-over-100": ('"top5_share": 89.5', '"top5_share": 100.5', "100.5"),
    "non-finite": ('"value": 1.24', '"value": 1e400', "1e400"),
    "nan": ('"value": 1.24', '"value": NaN', "NaN"),
    "no-currency": ('"value": 1.24, "currency": "CNY", ', '"value": 1.24, ',
                    '{"period": "FY2023", "metric"'),
    "unknown-currency": ('"currency": "CNY"', '"currency": "XBT"', '"XBT"'),
    "unknown-period-kind": ('"kind": "fiscal-year"', '"kind": "fiscal-decade"', '"fiscal-decade"'),
    "duplicate-source-id": ('"date": "2025-06-30"}\n',
                            '"date": "2025-06-30"},\n    {"id": "src", "title": "Again", '
                            '"publisher": "SSE", "date": "2025-06-30"}\n', None),
    "dangling-source": ('"scale": "yi", "source": "src"', '"scale": "yi", "source": "nowhere"',
                        '"nowhere"'),
    "fx-missing": ('"year": 2023', '"year": 2022', None),
    "trailing-garbage": (None, None, None),
    "trailing-comma": ('"source": "src"}\n      ],\n      "customers"',
                       '"source": "src"},\n      ],\n      "customers"', None),
}

def position(text, needle, start_line=1):
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column

for name, (old, new, needle) in cases.items():
    if name == "trailing-garbage":
        text = base + "} extra\n"
        print(name, *position(text, "} extra"))
    else:
        assert base.count(old) >= 1, name
        text = base.replace(old, new, 1)
        if needle is not None:
            print(name, *position(text, needle))
        else:
            print(name)
    with open(os.path.join(here, "invalid", name + ".json"), "w", encoding="utf-8") as f:
        f.write(text)
