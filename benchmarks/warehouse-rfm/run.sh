#!/usr/bin/env bash
# The generated RFM query against a hand-written NTILE query on PostgreSQL, side by side.
# Usage, from the repository root:  bash benchmarks/warehouse-rfm/run.sh [LINES] [RUNS]
# Starts a throw-away PostgreSQL with .ci/postgres (or uses $CV_POSTGRES), generates the synthetic
# file of benchmarks/rfm-vs-pandas once, loads it with psql's \copy, writes the generated query
# with `customer-valuation sql rfm --view`, and times `CREATE TABLE … AS` of each query in turn.
set -euo pipefail
cd "$(dirname "$0")/../.."
lines="${1:-10000000}"
runs="${2:-3}"
dir="${RFM_BENCH_DIR:-/tmp/warehouse-rfm}"
mkdir -p "$dir"
chmod o+x "$dir"
if [ -z "${CV_POSTGRES:-}" ]; then
  CV_POSTGRES="$(bash .ci/postgres start "$dir/pg")"
fi
# Npgsql's "Key=Value;…" to libpq's "key=value …".
conn="$(echo "$CV_POSTGRES" | tr ';' '\n' | sed -e 's/^Host=/host=/' -e 's/^Port=/port=/' -e 's/^Username=/user=/' -e 's/^Password=/password=/' -e 's/^Database=/dbname=/' | tr '\n' ' ')"
data="$dir/transactions-$lines.csv"
[ -s "$data" ] || dotnet run benchmarks/rfm-vs-pandas/generate.cs -- "$data" "$lines"
if [ "$(psql "$conn" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'bench' AND table_name = 'tx'")" != 1 ] \
   || [ "$(psql "$conn" -tAc "SELECT count(*) FROM bench.tx")" != "$lines" ]; then
  psql "$conn" -q -c "DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;
    CREATE TABLE bench.tx (customer_id text, invoice_no text, invoice_date timestamp, amount numeric);" \
    -c "\copy bench.tx FROM '$data' WITH (FORMAT csv, HEADER true)" -c "ANALYZE bench.tx"
fi
dotnet build src/CustomerValuation.Cli -c Release -v q -nologo > "$dir/build.log"
dotnet src/CustomerValuation.Cli/bin/Release/net10.0/customer-valuation.dll sql rfm --dialect postgres --table bench.tx \
  --customer-column customer_id --date-column invoice_date --amount-column amount --order-column invoice_no \
  --as-of 2025-12-31 --segments none --view bench.rfm_generated_view > "$dir/generated.sql"
psql "$conn" -q -c "DROP VIEW IF EXISTS bench.rfm_generated_view CASCADE" -f "$dir/generated.sql"
time_query() { # label, SQL file or statement: prints seconds
  local start end
  psql "$conn" -q -c "DROP TABLE IF EXISTS bench.rfm_handwritten, bench.rfm_generated"
  start=$(date +%s.%N)
  psql "$conn" -q -v ON_ERROR_STOP=1 "$@" > /dev/null
  end=$(date +%s.%N)
  awk "BEGIN { printf \"%.2f\", $end - $start }"
}
for i in $(seq 1 "$runs"); do
  g=$(time_query -c "CREATE TABLE bench.rfm_generated AS SELECT * FROM bench.rfm_generated_view")
  h=$(time_query -f benchmarks/warehouse-rfm/handwritten.sql)
  echo "run $i: generated ${g} s, hand-written ${h} s"
done
psql "$conn" -q -c "CREATE TABLE IF NOT EXISTS bench.rfm_generated AS SELECT * FROM bench.rfm_generated_view" \
  -c "CREATE TABLE IF NOT EXISTS bench.rfm_handwritten AS SELECT 1" > /dev/null
echo "customers: generated $(psql "$conn" -tAc "SELECT count(*) FROM bench.rfm_generated")"
echo "PostgreSQL $(psql "$conn" -tAc "SHOW server_version"), work_mem $(psql "$conn" -tAc "SHOW work_mem"), load $(cut -d' ' -f1 /proc/loadavg)"
