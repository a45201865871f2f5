#!/usr/bin/env bash
# The quick start's second command: local PostgreSQL (a separate database, sigmasight_test), the Python oracles'
# packages, build, then every test (unit, then integration with real PostgreSQL and real Hangfire servers).
# Extra arguments go to `dotnet test` (e.g. --filter-class, see `dotnet test --help`); deploy/test.sh --help for usage.
# Without arguments the integration tests run as two shards at once, each on its own database (sigmasight_test and
# sigmasight_test_2): most of their time is spent waiting on Hangfire and PostgreSQL, not on the CPU.
# SIGMASIGHT_TEST_SHARDS=1 runs them as one process.
set -euo pipefail
usage() {
  cat <<'EOF'
usage: deploy/test.sh [dotnet test arguments...]

Starts this checkout's PostgreSQL (deploy/db.sh start) unless SIGMASIGHT_TEST_DB or SIGMASIGHT_DB is set, checks the
golden fixtures, builds, then runs the unit tests and the integration tests (two shards on sigmasight_test and
sigmasight_test_2; SIGMASIGHT_TEST_SHARDS=1 for one). Ends with "tests: N passed, N failed, N skipped".

Arguments go to every test project, e.g.
  deploy/test.sh --filter-class '*BlackScholesTests'
A project in which the filter selects no test is not a failure; the script fails only when no project ran one.
Exit code: 0 when every test passed, non-zero otherwise.
EOF
}
case "${1:-}" in -h | --help) usage; exit 0 ;; esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$here/ensure-deps.sh" --browser >&2
if [ -z "${SIGMASIGHT_TEST_DB:-}" ]; then
  if [ -n "${SIGMASIGHT_DB:-}" ]; then base="$SIGMASIGHT_DB"
  else "$here/db.sh" start >&2; base="$("$here/db.sh" url)"; fi
  SIGMASIGHT_TEST_DB="$(printf '%s' "$base" | sed -E 's/(^|;)Database=[^;]*/\1Database=sigmasight_test/')"
  if ! printf '%s' "$SIGMASIGHT_TEST_DB" | grep -q 'Database=sigmasight_test'; then SIGMASIGHT_TEST_DB="$SIGMASIGHT_TEST_DB;Database=sigmasight_test"; fi
  SIGMASIGHT_DB="$base" "$here/db.sh" psql -q -v ON_ERROR_STOP=1 -c "SELECT 1" >/dev/null
  exists="$(SIGMASIGHT_DB="$base" "$here/db.sh" psql -tAq -c "SELECT 1 FROM pg_database WHERE datname = 'sigmasight_test'")"
  [ "$exists" = "1" ] || SIGMASIGHT_DB="$base" "$here/db.sh" psql -q -c "CREATE DATABASE sigmasight_test" >/dev/null
  exists="$(SIGMASIGHT_DB="$base" "$here/db.sh" psql -tAq -c "SELECT 1 FROM pg_database WHERE datname = 'sigmasight_test_2'")"
  [ "$exists" = "1" ] || SIGMASIGHT_DB="$base" "$here/db.sh" psql -q -c "CREATE DATABASE sigmasight_test_2" >/dev/null
  SIGMASIGHT_TEST_DB_2="$(printf '%s' "$SIGMASIGHT_TEST_DB" | sed -E 's/(^|;)Database=sigmasight_test(;|$)/\1Database=sigmasight_test_2\2/')"
  export SIGMASIGHT_TEST_DB
fi
export SIGMASIGHT_REPO_ROOT="$root"

echo "==> golden fixtures reproduce from their oracles" >&2
"$here/check-fixtures.sh"

echo "==> build" >&2
dotnet build SigmaSight.sln -c Release -v quiet -nologo -clp:ErrorsOnly
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
run_tests() { # project, then dotnet test arguments; output to the log and the terminal
  local project="$1" rc; shift
  echo "==> test $project $*" >&2
  set +e
  dotnet test --project "$project" -c Release --no-build "$@" 2>&1 | tee -a "$log"
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" -eq 0 ] || status=$rc
}
# With a filter, a project may select no test at all: Microsoft.Testing.Platform then exits 8, which is not a failure
# here (the check at the end fails the script when no project ran a test).
if [ $# -gt 0 ]; then set -- "$@" --ignore-exit-code 8; fi
run_tests tests/SigmaSight.UnitTests "$@"
# The second shard: the classes that start processes or wait longest (about half of the time).
heavy=(--filter-class '*BadInputCatalogueTests' '*TwoHostsTests' '*DatabaseOutageTests' '*CrashTrialsTests'
  '*StrandedWorkTests' '*PoisonPortfolioTests' '*RecomputeRaceTests' '*HostQueuesTests' '*SecretLeakTests' '*DowJonesDemoTests'
  '*DashboardBrowserTests' '*QuietProgressTests' '*ScriptHelpTests' '*DbShDestroyTests' '*DatabaseUnreachableTests')
if [ $# -eq 0 ] && [ -n "${SIGMASIGHT_TEST_DB_2:-}" ] && [ "${SIGMASIGHT_TEST_SHARDS:-2}" != "1" ]; then
  echo "==> test tests/SigmaSight.IntegrationTests in two shards (databases sigmasight_test, sigmasight_test_2)" >&2
  shard2="$(mktemp)"
  trap 'rm -f "$log" "$shard2"' EXIT
  set +e
  SIGMASIGHT_TEST_DB="$SIGMASIGHT_TEST_DB_2" dotnet test --project tests/SigmaSight.IntegrationTests -c Release --no-build \
    "${heavy[@]}" >"$shard2" 2>&1 &
  pid2=$!
  filter_not=(--filter-not-class "${heavy[@]:1}")
  dotnet test --project tests/SigmaSight.IntegrationTests -c Release --no-build "${filter_not[@]}" 2>&1 | tee -a "$log"
  rc1=${PIPESTATUS[0]}
  wait "$pid2"; rc2=$?
  set -e
  echo "==> shard 2 (${heavy[*]:1})"
  tee -a "$log" <"$shard2"
  [ "$rc1" -eq 0 ] || status=$rc1
  [ "$rc2" -eq 0 ] || status=$rc2
else
  run_tests tests/SigmaSight.IntegrationTests "$@"
fi
sum() { grep -E "^\s*$1:\s*[0-9]+" "$log" | awk '{s+=$2} END {print s+0}'; }
passed="$(sum succeeded)"; failed="$(sum failed)"; skipped="$(sum skipped)"
# The failed tests again, last, with the first lines of each failure: CI keeps only the tail of a long log.
if grep -qE '^failed ' "$log"; then
  echo "==> failed tests"
  awk '/^failed /{n=8} n>0{print; n--}' "$log" | cut -c1-400
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "test.sh: no test ran" >&2; exit 1; fi
exit "$status"
