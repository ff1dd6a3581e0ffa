"""The pandas side of the RFM side-by-side benchmark (benchmarks/rfm-vs-pandas/run.sh).

The script a data engineer would write for what `customer-valuation rfm ... --method qcut-rank`
does: read_csv, remove the lines after the as-of date and the lines with amount <= 0, group by
customer (recency in days from the last purchase day, distinct orders, sum of amounts), score each
dimension 1-5 with qcut of the ranks (rank(method="first"), the pandas idiom for equal-count bins
with ties; recency labelled 5 … 1 so that recent is best), and write one row per customer with
to_csv.

Usage: python3 rfm.py TRANSACTIONS.csv AS_OF OUT.csv
"""
import sys

import pandas as pd

path, as_of, out = sys.argv[1], pd.Timestamp(sys.argv[2]), sys.argv[3]
lines = pd.read_csv(path, dtype={"customer_id": "int64", "invoice_no": "str", "amount": "float64"})
lines["invoice_date"] = pd.to_datetime(lines["invoice_date"], format="%Y-%m-%d %H:%M:%S")
lines = lines[(lines["invoice_date"] < as_of + pd.Timedelta(days=1)) & (lines["amount"] > 0)]
rfm = lines.groupby("customer_id").agg(
    last=("invoice_date", "max"), frequency=("invoice_no", "nunique"), monetary=("amount", "sum"))
rfm["recency_days"] = (as_of - rfm["last"].dt.normalize()).dt.days
rfm["r"] = pd.qcut(rfm["recency_days"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype(int)
rfm["f"] = pd.qcut(rfm["frequency"].rank(method="first"), 5, labels=False) + 1
rfm["m"] = pd.qcut(rfm["monetary"].rank(method="first"), 5, labels=False) + 1
rfm["cell"] = rfm["r"].astype(str) + rfm["f"].astype(str) + rfm["m"].astype(str)
rfm[["recency_days", "frequency", "monetary", "r", "f", "m", "cell"]].to_csv(out, float_format="%.2f")
