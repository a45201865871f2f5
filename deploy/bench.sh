#!/usr/bin/env bash
# The kernel benchmarks (issue 6): builds tests/SigmaSight.Benchmarks in Release and runs every kernel with
# BenchmarkDotNet (one launch, 3 warm-up and 10 measured iterations each; about 3 minutes on 2 cores). Prints
# BenchmarkDotNet's summary, then each kernel's mean and allocation beside its target with PASS/FAIL.
# Exit code 1 when a target is missed or a benchmark did not run cleanly. Needs no database.
# Arguments go to BenchmarkDotNet, e.g. deploy/bench.sh --filter '*Correlation*'. deploy/bench.sh import runs the
# price import benchmark instead (deploy/bench-import.sh).
# Full log and reports: artifacts/bench/. Other load on the machine inflates the figures.
set -euo pipefail
usage() {
  cat <<'EOF'
usage: deploy/bench.sh [BenchmarkDotNet arguments...]   e.g. deploy/bench.sh --filter '*Correlation*'
       deploy/bench.sh import                         the price import benchmark (deploy/bench-import.sh)

Builds tests/SigmaSight.Benchmarks in Release and runs every kernel with BenchmarkDotNet (about 3 minutes on 2 cores),
then prints each kernel's mean and allocation beside its target with PASS/FAIL. Needs no database.
Reports: artifacts/bench/. Exit code 1 when a target is missed or a benchmark did not run cleanly.
EOF
}
case "${1:-}" in -h | --help) usage; exit 0 ;; esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# deploy/bench.sh import: the price import benchmark (deploy/bench-import.sh).
if [[ ${1:-} == import ]]; then shift; exec "$here/bench-import.sh" "$@"; fi
root="$(cd "$here/.." && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out="$root/artifacts/bench"
log="$out/bench.log"
mkdir -p "$out"
echo "==> build" >&2
dotnet build tests/SigmaSight.Benchmarks -c Release -v quiet -nologo -clp:ErrorsOnly >&2
echo "==> run (full log: $log)" >&2
set +e
dotnet tests/SigmaSight.Benchmarks/bin/Release/net10.0/SigmaSight.Benchmarks.dll --artifacts "$out" "$@" 2>&1 \
  | tee "$log" \
  | awk '/^\/\/ Benchmark: /{print; fflush(); next} /^\/\/ \* Summary \*/{on=1} on{print; fflush()}'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  grep -m 5 -E 'Exception|error' "$log" >&2 || true
  echo "bench.sh: failed (exit $status); see $log" >&2
fi
exit "$status"
