#!/usr/bin/env bash
# The real-data demo, run by `deploy/demo.sh --data dowjones30 [--once] [--port N]` (arguments: once port).
# In its own database (sigmasight_dow of this checkout's cluster; SIGMASIGHT_DB, when set, is used as it is) it
#   1. imports data/dowjones30/prices.csv.gz (30 Dow stocks and the NYSE Composite NYA, 1990-12-31..2001-01-02)
#      with import-prices (a second import changes nothing),
#   2. imports three Dow portfolios (data/dowjones30/lots.csv, flows.csv) with import-portfolios,
#   3. backfills the last 60 trading days of 2000, taken from the file's own dates (never from today), through
#      Hangfire with the database-only provider (MarketData__Provider=database) and NYA as the market benchmark
#      (Analytics__MarketBenchmark=NYA). The data has no ETFs, so the database's factor model is the market factor
#      alone (data/dowjones30/factor-model.sql, run after migrate: the other factor definitions and the stress
#      scenarios that shock them are switched off), and every analytic family is computed.
# With once=true it exits with the run's status (0 only for Completed); otherwise it serves the dashboard with the
# same settings and the nightly schedule off (the data ends in 2001).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
once="${1:-false}"
port="${2:-5080}"
data="$root/data/dowjones30"
days=60

"$here/ensure-deps.sh" >&2
if [ -z "${SIGMASIGHT_DB:-}" ]; then
  "$here/db.sh" start >&2
  url="$("$here/db.sh" url)"
  if ! SIGMASIGHT_DB="$url" "$here/db.sh" psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'sigmasight_dow'" | grep -q 1; then
    SIGMASIGHT_DB="$url" "$here/db.sh" psql -qc "CREATE DATABASE sigmasight_dow" >&2
  fi
  SIGMASIGHT_DB="${url/Database=sigmasight;/Database=sigmasight_dow;}"
fi
export SIGMASIGHT_DB
export MarketData__Provider=database Analytics__MarketBenchmark=NYA Schedule__Enabled=false
cli="$here/sigmasight"

# The window: the last $days trading days of 2000 present in the file.
mapfile -t window < <(zcat "$data/prices.csv.gz" | awk -F, 'NR > 1 && $1 <= "2000-12-31" { print $1 }' | sort -u | tail -n "$days")
from="${window[0]}"
to="${window[${#window[@]}-1]}"
inception="$(awk -F, 'NR > 1 { print $2 }' "$data/flows.csv" | sort | head -1)"
if [ "${#window[@]}" -ne "$days" ] || [ "$inception" != "$from" ]; then
  echo "demo: the window $from..$to (${#window[@]} days) does not start on the portfolios' inception $inception ($data/flows.csv)" >&2
  exit 2
fi

echo "==> migrate (database sigmasight_dow)" >&2
"$cli" migrate
echo "==> the factor model of this data: the market factor alone ($data/factor-model.sql)" >&2
"$here/db.sh" psql -X -q -v ON_ERROR_STOP=1 -f "$data/factor-model.sql" >&2
echo "==> import the Dow Jones 30 closes ($data/prices.csv.gz)" >&2
"$cli" import-prices "$data/prices.csv.gz" --source dowjones30
echo "==> import the three Dow portfolios ($data/lots.csv, $data/flows.csv)" >&2
"$cli" import-portfolios --lots "$data/lots.csv" --flows "$data/flows.csv"
echo "==> backfill $from..$to ($days trading days of the data) through Hangfire, NYA as the market benchmark" >&2
set +e
"$cli" backfill --from "$from" --to "$to"
status=$?
set -e
if [ "$status" -eq 0 ]; then echo "==> the run Completed: every snapshot and every analytic family verified" >&2
else echo "==> the run did not complete cleanly (exit $status); see the summary above and /hangfire" >&2; fi
if [ "$once" = true ]; then exit "$status"; fi

echo "==> serving the dashboard at http://127.0.0.1:$port/hangfire (Ctrl+C to stop)" >&2
exec "$cli" serve --port "$port"
