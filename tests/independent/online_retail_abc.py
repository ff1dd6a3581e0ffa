#!/usr/bin/env python3
"""Independent check of the Online Retail ABC figures used in tests/CustomerValuation.Tests/Abc/AbcRealDataTests.cs.

Written separately from the C# library (Python, exact decimal arithmetic, a plain sort), so that the
test's expected values do not come from the code under test. Run from the repository root:

    python3 tests/independent/online_retail_abc.py ../shared/data/online-retail/online_retail.csv.gz

Prints: data lines, customers after cleaning, total spend, class counts A/B/C (value share 0.80/0.95,
the crossing customer joins the upper class, ties by id), and the count-share 0.10/0.30 cut sizes.
"""
import csv
import gzip
import math
import sys
from decimal import Decimal

path = sys.argv[1]
spend = {}
lines = 0
with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        lines += 1
        # SPEC section 2 cleaning: known customer, no cancelled (C) invoice, quantity and price positive.
        if not row["CustomerID"] or row["InvoiceNo"].startswith("C"):
            continue
        quantity, price = int(row["Quantity"]), Decimal(row["UnitPrice"])
        if quantity <= 0 or price <= 0:
            continue
        spend[row["CustomerID"]] = spend.get(row["CustomerID"], Decimal(0)) + quantity * price

total = sum(spend.values())
ranked = sorted(spend.items(), key=lambda kv: (-kv[1], kv[0]))
counts = [0, 0, 0]
cumulative = Decimal(0)
for _, value in ranked:
    # class = number of breakpoints that the cumulative share before this customer has reached
    cls = sum(1 for b in (Decimal("0.80"), Decimal("0.95")) if cumulative >= b * total)
    counts[cls] += 1
    cumulative += value

m = len(ranked)
print("lines", lines)
print("customers", m)
print("total", total)
print("classes A B C", *counts)
print("count-share cut sizes (A, A+B)", math.ceil(Decimal("0.10") * m), math.ceil(Decimal("0.30") * m))
