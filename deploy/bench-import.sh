#!/usr/bin/env bash
# The price import benchmark (issue 8): deploy/bench.sh import (or deploy/bench-import.sh).
# On a fresh database sigmasight_bench of this checkout's cluster it runs deploy/sigmasight import-prices on
#   1. the Dow Jones 30 file (data/dowjones30/prices.csv.gz, ~78,400 rows)   target: < 3 s wall
#   2. the same file again                                                         target: 0 inserted, 0 changed
#   3. a generated 5,000,000-row file (2,500 symbols, valid trading days) into that database, which holds the Dow
#      rows: the merge into an indexed prices table                                target: peak RSS < 300 MB
#   4. the same 5,000,000-row file into a fresh database: the initial load         targets: >= 500,000 rows/s,
#                                                                                  peak RSS < 300 MB
# and prints each import's summary (rows, inserted, updated, unchanged, rejected, elapsed, rows/s, peak RSS
# = VmHWM of the importing process), the wall time of each process, and PASS/FAIL per target. Each import starts
# after a CHECKPOINT (when the role may run one).
# The generated file is cached in artifacts/bench/prices-5m.csv. Other load on the machine inflates the figures.
set -euo pipefail
usage() {
  cat <<'EOF'
usage: deploy/bench-import.sh   (or deploy/bench.sh import)

The price import benchmark: on a fresh database sigmasight_bench of this checkout's cluster, imports the Dow Jones 30
file, the same file again, a generated 5,000,000-row file into that database (the merge into an indexed table) and
the same file into a fresh database (the initial load), with deploy/sigmasight import-prices; prints each summary
and PASS/FAIL per target (< 3 s wall; 0 inserted on the re-import; >= 500,000 rows/s for the initial load; peak RSS
< 300 MB).
Exit code 1 when a target is missed.
EOF
}
case "${1:-}" in -h | --help) usage; exit 0 ;; esac
if [ $# -gt 0 ]; then echo "$(basename "$0"): unexpected argument $1 (try --help)" >&2; exit 64; fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
dow="${DOW_FILE:-$root/data/dowjones30/prices.csv.gz}"
big="$root/artifacts/bench/prices-5m.csv"
[[ -f $dow ]] || { echo "bench-import: $dow is missing" >&2; exit 2; }
mkdir -p "$root/artifacts/bench"

url="$("$here/db.sh" url)"
export SIGMASIGHT_DB="${url/Database=sigmasight;/Database=sigmasight_bench;}"
fresh() {
  SIGMASIGHT_DB="$url" "$here/db.sh" psql -qc "DROP DATABASE IF EXISTS sigmasight_bench" -c "CREATE DATABASE sigmasight_bench" >/dev/null 2>&1
  "$here/sigmasight" migrate >/dev/null
}
fresh
if [[ ! -f $big ]]; then
  echo "==> generating $big" >&2
  /usr/bin/python3 "$here/generate-prices.py" --rows 5000000 --symbols 2500 --out "$big"
fi

failed=0
verdict() { if [[ $1 == 1 ]]; then echo "  PASS $2"; else echo "  FAIL $2"; failed=1; fi; }
# Runs one import; sets $out (its output) and $wall (seconds of the whole process, start-up included).
# Each import starts from a checkpoint, so that it does not pay for writing out the previous one's pages.
import() {
  local start end
  SIGMASIGHT_DB="$url" "$here/db.sh" psql -qc "CHECKPOINT" >/dev/null 2>&1 || true
  start=$(date +%s%N)
  out="$("$here/sigmasight" import-prices "$1")"
  end=$(date +%s%N)
  wall=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
  printf '%s\n  process wall %s s (start-up included)\n' "$out" "$wall"
}
field() { grep -o "[0-9,.]* $1" <<<"$out" | head -1 | tr -d ', ' | sed "s/$1//"; }

echo "==> 1. Dow Jones 30 ($dow)"
import "$dow"
verdict "$(awk -v w="$wall" 'BEGIN { print (w < 3) ? 1 : 0 }')" "Dow Jones import under 3 s wall ($wall s)"
echo "==> 2. the same file again"
import "$dow"
verdict "$([[ $(field inserted) == 0 && $(field updated) == 0 ]] && echo 1 || echo 0)" "second import changes nothing"
echo "==> 3. generated 5,000,000 rows ($big) into the same database: the merge into an indexed table"
import "$big"
rate=$(grep -o '([0-9,]* rows/s)' <<<"$out" | tr -dc '0-9')
peak=$(grep -o 'peak RSS [0-9]* MB' <<<"$out" | tr -dc '0-9')
echo "  (no rate target: bounded by PostgreSQL's indexed insert, README \"Importing prices\"; $rate rows/s)"
verdict "$(( peak < 300 ))" "peak RSS under 300 MB ($peak MB)"
echo "==> 4. the same file into a fresh database: the initial load"
fresh
import "$big"
rate=$(grep -o '([0-9,]* rows/s)' <<<"$out" | tr -dc '0-9')
peak=$(grep -o 'peak RSS [0-9]* MB' <<<"$out" | tr -dc '0-9')
verdict "$(( rate >= 500000 ))" "5M rows at >= 500,000 rows/s ($rate rows/s)"
verdict "$(( peak < 300 ))" "peak RSS under 300 MB ($peak MB)"
exit "$failed"
