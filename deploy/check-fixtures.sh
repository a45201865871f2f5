#!/usr/bin/env bash
# Regenerates every golden fixture with its independent Python oracle (tests/oracles) and fails when any checked-in
# file changes: the fixtures must be reproducible byte for byte from the scripts beside them.
set -euo pipefail
usage() {
  cat <<'EOF'
usage: deploy/check-fixtures.sh

Regenerates every golden fixture with its independent Python oracle (tests/oracles) and fails (exit 1) when any
checked-in file under tests/SigmaSight.UnitTests/TestData changes.
EOF
}
case "${1:-}" in -h | --help) usage; exit 0 ;; esac
if [ $# -gt 0 ]; then echo "$(basename "$0"): unexpected argument $1 (try --help)" >&2; exit 64; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check-fixtures: not a git checkout, skipped" >&2
  exit 0
fi
fixtures=tests/SigmaSight.UnitTests/TestData
if [ -n "$(git status --porcelain -- "$fixtures")" ]; then
  echo "check-fixtures: $fixtures has uncommitted changes; commit or stash them first" >&2
  exit 1
fi
# numpy picks its exp/log/... loops by the CPU at run time (its AVX-512 loops round differently in the last bit from its
# AVX2 and SSE loops), so the same script wrote other bytes on a machine with AVX-512. Every script here runs with
# numpy's baseline (SSE3) loops only: the bytes then depend on the scripts and the packages, not on the CPU.
# (BLAS is Debian's reference netlib build, which has no CPU dispatch.)
NPY_DISABLE_CPU_FEATURES="$(/usr/bin/python3 -c 'from numpy.core._multiarray_umath import __cpu_dispatch__ as d, __cpu_features__ as f
print(" ".join(x for x in d if f[x]))')"
export NPY_DISABLE_CPU_FEATURES
/usr/bin/python3 tests/oracles/nyse_calendar.py --out "$fixtures/calendar/nyse_trading_days_2001_2035.txt" \
  --from 2001-01-01 --to 2035-12-31 >/dev/null
for script in black_scholes_golden realized_vol_golden symbol_stats_golden portfolio_risk_golden fmp_bodies; do
  /usr/bin/python3 "tests/oracles/$script.py" >/dev/null
done
if ! git diff --exit-code --stat -- "$fixtures"; then
  echo "check-fixtures: regenerating the fixtures changed the files above (git diff shows how)" >&2
  exit 1
fi
echo "check-fixtures: 6 oracle scripts reproduce every fixture byte for byte" >&2
