#!/usr/bin/env python3
"""Independent reference figures for RFM (recency, frequency, monetary) scoring.

Written separately from the C# library (plain Python 3, standard library only, exact Decimal/Fraction
arithmetic, plain sorts), so that test expectations do not come from the code under test. Run from the
repository root:

    python3 tests/independent/rfm_reference.py [online_retail.csv.gz] [rfm_data_orders.csv]

Defaults: ../shared/data/online-retail/online_retail.csv.gz and
../shared/data/r-packages/rfm/rfm_data_orders.csv.

Input A (Online Retail, as-of 2011-12-10). Each line goes through these policies in order; the first
that matches removes it: missing customer (CustomerID empty/whitespace), calendar date after as-of,
cancelled (InvoiceNo starts with "C"), non-positive (Quantity <= 0 or UnitPrice <= 0). The rest are
counted, exact duplicates kept. Per customer: monetary = sum of Quantity*UnitPrice (exact), frequency =
distinct InvoiceNo, recency_days = as-of minus last purchase date, tenure_days = as-of minus first
purchase date. Customers are ordered by int(CustomerID) ("input order" for tie-breaking).

Input B (R package rfm, rfm_data_orders.csv, as-of 2006-12-31). Every row is one order; frequency = rows,
monetary = sum of revenue. Customers are ordered ordinally by the customer_id text.

Scoring with n = 5 bins per dimension; bin b in 1..n on ascending values; score = bin for F and M,
n+1-bin for R (5 = most recent). Three methods:
  (a) rank/NTILE: order by (value, input position); SQL NTILE(n) over ranks 0..m-1 (first m % n bins
      get one extra customer);
  (b) rank/qcut-of-rank: ranks 1..m in the same order, edges 1 + (m-1)*j/n, bin = smallest j >= 1 with
      rank <= edge;
  (c) value breakpoints: type-7 quantile edges of the sorted values at p = j/n (exact), bin = smallest j
      in 1..n with value <= e_j (ties share a bin; duplicate edges leave empty score levels).
Prints counts per policy, totals, per-method per-score counts, value edges, duplicate edges, empty
levels, a checksum S = sum(key * (100R + 10F + M)) (key = int(id) for A, 0-based ordinal position for
B), the sizes of cells 555 and 111, and the scores of a few named customers. A final sanity section
prints the three methods' ascending bins for two tiny hand-checkable inputs.
"""
import csv
import gzip
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction

N = 5


# ---------------------------------------------------------------- binning methods (ascending bins 1..n)

def ntile_bins(values, n):
    """(a) SQL NTILE(n) over the order (value asc, position asc). Returns bins in input order."""
    m = len(values)
    order = sorted(range(m), key=lambda i: (values[i], i))
    q, r = divmod(m, n)
    bins = [0] * m
    k = 0
    for b in range(1, n + 1):
        size = q + 1 if b <= r else q
        for _ in range(size):
            bins[order[k]] = b
            k += 1
    assert k == m
    return bins


def qcut_rank_bins(values, n):
    """(b) ranks 1..m in the same order; edges 1 + (m-1)*j/n; bin = smallest j >= 1 with rank <= e_j."""
    m = len(values)
    order = sorted(range(m), key=lambda i: (values[i], i))
    edges = [1 + Fraction((m - 1) * j, n) for j in range(n + 1)]
    bins = [0] * m
    for k0, i in enumerate(order):
        k = k0 + 1
        bins[i] = next(j for j in range(1, n + 1) if k <= edges[j])
    return bins


def type7_edges(values, n):
    """(c) exact type-7 quantiles of the values at p = j/n, j = 0..n."""
    xs = sorted(Fraction(v) for v in values)
    m = len(xs)
    edges = []
    for j in range(n + 1):
        h = Fraction((m - 1) * j, n)
        lo = h.numerator // h.denominator
        e = xs[lo]
        if h != lo:
            e = e + (h - lo) * (xs[lo + 1] - xs[lo])
        edges.append(e)
    return edges


def value_bins(values, n):
    edges = type7_edges(values, n)
    bins = [next(j for j in range(1, n + 1) if Fraction(v) <= edges[j]) for v in values]
    return bins, edges


def fmt(x):
    """Exact text of a Fraction: a terminating decimal when possible, else p/q."""
    x = Fraction(x)
    d = x.denominator
    k2 = k5 = 0
    while d % 2 == 0:
        d //= 2
        k2 += 1
    while d % 5 == 0:
        d //= 5
        k5 += 1
    if d != 1:
        return f"{x.numerator}/{x.denominator}"
    digits = max(k2, k5)
    scaled = x * 10 ** digits
    assert scaled.denominator == 1
    return str(Decimal(scaled.numerator).scaleb(-digits)) if digits else str(x.numerator)


# ---------------------------------------------------------------- scoring and report

def score_all(customers, n=N):
    """customers: list of (recency_days, frequency, monetary) in input order.
    Returns {method: (R, F, M score lists, extra)}, extra holds edges for method (c)."""
    rec = [c[0] for c in customers]
    frq = [c[1] for c in customers]
    mon = [c[2] for c in customers]
    out = {}
    for name, fn in (("a NTILE", ntile_bins), ("b qcut-of-rank", qcut_rank_bins)):
        out[name] = ([n + 1 - b for b in fn(rec, n)], fn(frq, n), fn(mon, n), None)
    rb, re_ = value_bins(rec, n)
    fb, fe = value_bins(frq, n)
    mb, me = value_bins(mon, n)
    out["c value type-7"] = ([n + 1 - b for b in rb], fb, mb, (re_, fe, me))
    return out


def report_scores(label, ids, keys, customers, named, n=N):
    results = score_all(customers, n)
    for method, (R, F, M, extra) in results.items():
        print(f"[{label}] method ({method})")
        for dim, sc in (("R", R), ("F", F), ("M", M)):
            counts = [sum(1 for s in sc if s == lvl) for lvl in range(1, n + 1)]
            print(f"  {dim} customers per score 1..{n}:", *counts)
        if extra is not None:
            for dim, edges, sc in zip("RFM", extra, (R, F, M)):
                print(f"  {dim} edges e0..e{n} (ascending values):", *(fmt(e) for e in edges))
                dups = [j for j in range(n) if edges[j] == edges[j + 1]]
                missing = [lvl for lvl in range(1, n + 1) if not any(s == lvl for s in sc)]
                print(f"  {dim} duplicate edges (j with e_j == e_j+1):", dups if dups else "none",
                      "| empty score levels:", missing if missing else "none")
        S = sum(k * (100 * r + 10 * f + m) for k, r, f, m in zip(keys, R, F, M))
        c555 = sum(1 for r, f, m in zip(R, F, M) if (r, f, m) == (5, 5, 5))
        c111 = sum(1 for r, f, m in zip(R, F, M) if (r, f, m) == (1, 1, 1))
        print("  checksum S", S)
        print("  cell 555", c555, "cell 111", c111)
        index = {cid: i for i, cid in enumerate(ids)}
        for cid in named:
            if cid in index:
                i = index[cid]
                print(f"  customer {cid}: R={R[i]} F={F[i]} M={M[i]}")
            else:
                print(f"  customer {cid}: not present")


# ---------------------------------------------------------------- input A: Online Retail

def input_a(path):
    asof = date(2011, 12, 10)
    counts = {"without customer": 0, "after as-of": 0, "cancelled": 0, "non-positive": 0}
    lines = counted = 0
    agg = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lines += 1
            cid = row["CustomerID"]
            if not cid or not cid.strip():
                counts["without customer"] += 1
                continue
            d = date.fromisoformat(row["InvoiceDate"][:10])
            if d > asof:
                counts["after as-of"] += 1
                continue
            if row["InvoiceNo"].startswith("C"):
                counts["cancelled"] += 1
                continue
            qty, price = Decimal(row["Quantity"]), Decimal(row["UnitPrice"])
            if qty <= 0 or price <= 0:
                counts["non-positive"] += 1
                continue
            counted += 1
            c = agg.get(cid)
            if c is None:
                c = agg[cid] = {"first": d, "last": d, "inv": set(), "mon": Decimal(0)}
            c["first"] = min(c["first"], d)
            c["last"] = max(c["last"], d)
            c["inv"].add(row["InvoiceNo"])
            c["mon"] += qty * price
    ids = sorted(agg, key=int)
    custs = [((asof - agg[i]["last"]).days, len(agg[i]["inv"]), agg[i]["mon"]) for i in ids]
    tenure = sum((asof - agg[i]["first"]).days for i in ids)
    print("== INPUT A: Online Retail, as-of", asof, "==")
    print("lines read", lines)
    for k, v in counts.items():
        print(f"removed {k}", v)
    print("lines counted", counted)
    print("customers", len(ids))
    print("total monetary", sum(c[2] for c in custs))
    print("sum recency_days", sum(c[0] for c in custs))
    print("sum frequency", sum(c[1] for c in custs))
    print("customers with frequency 1", sum(1 for c in custs if c[1] == 1))
    print("sum tenure_days (extra)", tenure)
    print("recency_days min/max", min(c[0] for c in custs), max(c[0] for c in custs),
          "| frequency max", max(c[1] for c in custs), "| monetary min/max",
          min(c[2] for c in custs), max(c[2] for c in custs))
    report_scores("A", ids, [int(i) for i in ids], custs,
                  ["12346", "12347", "12748", "14646", "17841", "18287"])


# ---------------------------------------------------------------- input B: R package rfm orders

def input_b(path):
    asof = date(2006, 12, 31)
    counts = {"missing id": 0, "date after as-of": 0, "revenue <= 0": 0}
    rows = 0
    agg = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rows += 1
            cid = row["customer_id"]
            if not cid or not cid.strip():
                counts["missing id"] += 1
                continue
            d = date.fromisoformat(row["order_date"])
            if d > asof:
                counts["date after as-of"] += 1
                continue
            rev = Decimal(row["revenue"])
            if rev <= 0:
                counts["revenue <= 0"] += 1
                continue
            c = agg.get(cid)
            if c is None:
                c = agg[cid] = {"first": d, "last": d, "n": 0, "mon": Decimal(0)}
            c["first"] = min(c["first"], d)
            c["last"] = max(c["last"], d)
            c["n"] += 1
            c["mon"] += rev
    ids = sorted(agg)
    custs = [((asof - agg[i]["last"]).days, agg[i]["n"], agg[i]["mon"]) for i in ids]
    tenure = sum((asof - agg[i]["first"]).days for i in ids)
    print()
    print("== INPUT B: rfm_data_orders, as-of", asof, "==")
    print("rows read", rows)
    for k, v in counts.items():
        print(f"removed {k}", v)
    print("rows counted", sum(c[1] for c in custs))
    print("customers", len(ids))
    print("total revenue", sum(c[2] for c in custs))
    print("sum recency_days", sum(c[0] for c in custs))
    print("sum frequency", sum(c[1] for c in custs))
    print("customers with frequency 1", sum(1 for c in custs if c[1] == 1))
    print("sum tenure_days (extra)", tenure)
    print("recency_days min/max", min(c[0] for c in custs), max(c[0] for c in custs),
          "| frequency min/max", min(c[1] for c in custs), max(c[1] for c in custs),
          "| revenue min/max", min(c[2] for c in custs), max(c[2] for c in custs))
    print("first customer (ordinal):", repr(ids[0]), "| last customer (ordinal):", repr(ids[-1]))
    report_scores("B", ids, list(range(len(ids))), custs, [ids[0], ids[-1]])


# ---------------------------------------------------------------- sanity section

def sanity():
    print()
    print("== SANITY: ascending bins in input order ==")
    for values, n in (([1, 1, 1, 2, 3, 5, 8], 5), ([3, 1, 2, 2, 2, 7, 7, 9, 1, 4], 4)):
        print("values", values, "n", n)
        print("  (a) NTILE          ", ntile_bins(values, n))
        print("  (b) qcut-of-rank   ", qcut_rank_bins(values, n))
        vb, edges = value_bins(values, n)
        print("  (c) value type-7   ", vb, "edges", [fmt(e) for e in edges])


if __name__ == "__main__":
    a_path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/online-retail/online_retail.csv.gz"
    b_path = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/r-packages/rfm/rfm_data_orders.csv"
    input_a(a_path)
    input_b(b_path)
    sanity()
