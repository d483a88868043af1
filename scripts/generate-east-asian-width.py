#!/usr/bin/env python3
"""Prints src/operation/render/east-asian-wide.json: the code points awscli's table output counts
as two columns (East Asian Width W, F or A), as inclusive [start, end] ranges, ascending.

awscli measures text with Python's unicodedata, so the table must come from the Python the AWS CLI
runs on. The committed file was printed by Python 3.11.7 (unicodedata 14.0.0), the version the
recorded CLI output was made with; test/render-width.test.ts checks it. That unicodedata reports
every unassigned code point as F, so they count two columns too.

Usage: python3 scripts/generate-east-asian-width.py > src/operation/render/east-asian-wide.json
"""
import sys
import unicodedata


def wide_ranges():
    ranges = []
    for code_point in range(sys.maxunicode + 1):
        if unicodedata.east_asian_width(chr(code_point)) in "WFA":
            if ranges and ranges[-1][1] == code_point - 1:
                ranges[-1][1] = code_point
            else:
                ranges.append([code_point, code_point])
    return ranges


rows = ",\n".join(f"    [{start}, {end}]" for start, end in wide_ranges())
print(f'{{\n  "unicodeVersion": "{unicodedata.unidata_version}",\n  "wide": [\n{rows}\n  ]\n}}')
