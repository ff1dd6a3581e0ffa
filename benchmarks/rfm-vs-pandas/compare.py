"""Times `customer-valuation rfm` and rfm.py in turn on one file and checks that they agree.

Usage: python3 compare.py TRANSACTIONS.csv RUNS OUTPUT_DIR (run.sh calls it).
Each run is a fresh process, timed from start to exit (wall clock), reading the CSV and writing
one row per customer: the tool's startup and the interpreter's imports count on each side.
"""
import os
import platform
import statistics
import subprocess
import sys
import time

import pandas as pd

data, runs, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
as_of = "2025-12-31"
ours_csv, pandas_csv = os.path.join(out_dir, "ours.csv"), os.path.join(out_dir, "pandas.csv")
ours = ["dotnet", os.path.join(root, "src/CustomerValuation.Cli/bin/Release/net10.0/customer-valuation.dll"),
        "rfm", "--transactions", data, "--customer-column", "customer_id", "--date-column", "invoice_date",
        "--amount-column", "amount", "--order-column", "invoice_no", "--as-of", as_of,
        "--method", "qcut-rank", "--segments", "none", "--quiet", "--output", ours_csv]
theirs = [sys.executable, os.path.join(here, "rfm.py"), data, as_of, pandas_csv]


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


times = {"customer-valuation rfm": [], "pandas (rfm.py)": []}
for _ in range(runs):
    times["customer-valuation rfm"].append(timed(ours))
    times["pandas (rfm.py)"].append(timed(theirs))

a = pd.read_csv(ours_csv, dtype={"customer_id": "int64"}).set_index("customer_id")
b = pd.read_csv(pandas_csv, dtype={"customer_id": "int64"}).set_index("customer_id")
assert a.index.equals(b.index), "the two outputs list different customers"
for column in ["recency_days", "frequency", "r", "f"]:
    differ = int((a[column] != b[column]).sum())
    assert differ == 0, f"{column}: {differ} customers differ"
worst = float((a["monetary"] - b["monetary"]).abs().max())
assert worst < 0.005, f"monetary differs by up to {worst}"
# M: pandas sums the amounts as doubles, so two customers whose exact totals tie can get slightly
# different sums (0.1 + 0.2 != 0.3) and be ranked the other way round. The same qcut of ranks on
# the exact totals (as the tool writes them) must give exactly the tool's M.
exact_m = pd.qcut(a["monetary"].rank(method="first"), 5, labels=False) + 1
assert int((exact_m != a["m"]).sum()) == 0, "M differs from pandas' rule applied to the exact totals"
m_differ = int((a["m"] != b["m"]).sum())

lines = sum(1 for _ in open(data, "rb")) - 1
print(f"{lines:,} lines, {len(a):,} customers; {os.path.getsize(data) / 1e6:,.0f} MB; "
      f"{platform.python_version()} pandas {pd.__version__}; {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}")
print("outputs agree: every customer's recency, frequency, R and F equal; monetary within 0.005; "
      f"M equal to pandas' rule on the exact totals (pandas' own M differs for {m_differ} customers, ties its float sums break)")
for name, values in times.items():
    print(f"{name:24} median {statistics.median(values):6.2f} s   runs: {', '.join(f'{v:.2f}' for v in values)}")
ratio = statistics.median(times["customer-valuation rfm"]) / statistics.median(times["pandas (rfm.py)"])
print(f"ratio customer-valuation / pandas: {ratio:.3f}")
