#!/usr/bin/env bash
# Side by side: `customer-valuation rfm` against the equivalent pandas script (rfm.py) on one
# synthetic transaction file. Usage, from the repository root:
#   bash benchmarks/rfm-vs-pandas/run.sh [LINES] [RUNS]      (default 10000000 lines, 3 runs each)
# Installs Debian's python3-pandas when it is missing (needs root), generates the file once into
# $RFM_BENCH_DIR (default /tmp/rfm-vs-pandas), builds the tool in Release, runs the two in turn,
# checks that every customer's recency, frequency, monetary and scores agree, and prints the
# median wall times and their ratio. Nothing else should run on the machine meanwhile.
set -euo pipefail
cd "$(dirname "$0")/../.."
lines="${1:-10000000}"
runs="${2:-3}"
dir="${RFM_BENCH_DIR:-/tmp/rfm-vs-pandas}"
mkdir -p "$dir"
if ! /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-pandas > "$dir/apt.log" 2>&1 \
    || { apt-get update -q >> "$dir/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-pandas >> "$dir/apt.log" 2>&1; }
fi
data="$dir/transactions-$lines.csv"
[ -s "$data" ] || dotnet run benchmarks/rfm-vs-pandas/generate.cs -- "$data" "$lines"
dotnet build src/CustomerValuation.Cli -c Release -v q -nologo > "$dir/build.log"
exec /usr/bin/python3 benchmarks/rfm-vs-pandas/compare.py "$data" "$runs" "$dir"
