#!/usr/bin/env bash
# The quick start's second command: local PostgreSQL (a separate database, sigmasight_test), the Python oracles'
# packages, build, then every test (unit, then integration with real PostgreSQL and real Hangfire servers).
# Extra arguments go to `dotnet test` (e.g. --filter-class, see `dotnet test --help`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$here/ensure-deps.sh" >&2
if [ -z "${SIGMASIGHT_TEST_DB:-}" ]; then
  if [ -n "${SIGMASIGHT_DB:-}" ]; then base="$SIGMASIGHT_DB"
  else "$here/db.sh" start >&2; base="$("$here/db.sh" url)"; fi
  SIGMASIGHT_TEST_DB="$(printf '%s' "$base" | sed -E 's/(^|;)Database=[^;]*/\1Database=sigmasight_test/')"
  if ! printf '%s' "$SIGMASIGHT_TEST_DB" | grep -q 'Database=sigmasight_test'; then SIGMASIGHT_TEST_DB="$SIGMASIGHT_TEST_DB;Database=sigmasight_test"; fi
  SIGMASIGHT_DB="$base" "$here/db.sh" psql -q -v ON_ERROR_STOP=1 -c "SELECT 1" >/dev/null
  exists="$(SIGMASIGHT_DB="$base" "$here/db.sh" psql -tAq -c "SELECT 1 FROM pg_database WHERE datname = 'sigmasight_test'")"
  [ "$exists" = "1" ] || SIGMASIGHT_DB="$base" "$here/db.sh" psql -q -c "CREATE DATABASE sigmasight_test" >/dev/null
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
for project in tests/SigmaSight.UnitTests tests/SigmaSight.IntegrationTests; do
  echo "==> test $project" >&2
  set +e
  dotnet test --project "$project" -c Release --no-build "$@" 2>&1 | tee -a "$log"
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" -eq 0 ] || status=$rc
done
sum() { grep -E "^\s*$1:\s*[0-9]+" "$log" | awk '{s+=$2} END {print s+0}'; }
passed="$(sum succeeded)"; failed="$(sum failed)"; skipped="$(sum skipped)"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "test.sh: no test ran" >&2; exit 1; fi
exit "$status"
