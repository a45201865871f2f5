#!/usr/bin/env bash
# The quick start's first command: local PostgreSQL, build, migrate, seed the demo, backfill the demo range
# through Hangfire, then serve the dashboard until Ctrl+C.
#   deploy/demo.sh            run the demo batch, then serve http://127.0.0.1:5080/hangfire
#   deploy/demo.sh --once     exit after the run with its status as exit code (0 only for Completed)
#   deploy/demo.sh --port N   serve on another port (also: SIGMASIGHT_PORT)
#   deploy/demo.sh --data dowjones30 [--once]
#                             the real-data demo instead: the Dow Jones 30 closes (data/dowjones30) imported into
#                             database sigmasight_dow, three Dow portfolios, NYA as the market benchmark, the
#                             database-only price provider, and the last 60 trading days of 2000 backfilled
set -euo pipefail
usage() {
  cat <<'EOF'
usage: deploy/demo.sh [--once] [--port N] [--data synthetic|dowjones30]

Starts this checkout's PostgreSQL (unless SIGMASIGHT_DB is set), builds, migrates, seeds the five demo portfolios,
backfills the demo range through Hangfire, then serves the dashboard at http://127.0.0.1:5080/hangfire until Ctrl+C.
  --once     exit after the run; the exit code is the run's status (0 only for Completed)
  --port N   serve on port N (also: SIGMASIGHT_PORT)
  --data dowjones30
             the real-data demo instead: the Dow Jones 30 closes imported into database sigmasight_dow, three Dow
             portfolios, NYA as the market benchmark, the last 60 trading days of 2000 backfilled
EOF
}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
once=false
data=synthetic
port="${SIGMASIGHT_PORT:-5080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --once) once=true ;;
    --port) port="$2"; shift ;;
    --port=*) port="${1#--port=}" ;;
    --data) [ $# -ge 2 ] || { echo "demo.sh: --data needs a data set (synthetic or dowjones30)" >&2; exit 64; }; data="$2"; shift ;;
    --data=*) data="${1#--data=}" ;;
    -h|--help) usage; exit 0 ;;
    *) echo "demo.sh: unknown option $1 (try --help)" >&2; exit 64 ;;
  esac
  shift
done
case "$data" in
  synthetic) ;;
  dowjones30) exec "$here/demo-dowjones30.sh" "$once" "$port" ;;
  *) echo "demo.sh: unknown data set '$data' (synthetic or dowjones30)" >&2; exit 64 ;;
esac

"$here/ensure-deps.sh" >&2
if [ -z "${SIGMASIGHT_DB:-}" ]; then
  "$here/db.sh" start >&2
  SIGMASIGHT_DB="$("$here/db.sh" url)"
  export SIGMASIGHT_DB
fi
cli="$here/sigmasight"

echo "==> migrate" >&2
"$cli" migrate
echo "==> seed the demo portfolios" >&2
"$cli" seed-demo
echo "==> backfill the demo range through Hangfire (inception .. last completed NYSE trading day)" >&2
set +e
"$cli" backfill
status=$?
set -e
if [ "$status" -eq 0 ]; then echo "==> the run Completed: every snapshot verified" >&2
else echo "==> the run did not complete cleanly (exit $status); see the summary above and /hangfire" >&2; fi
if $once; then exit "$status"; fi

echo "==> serving the dashboard at http://127.0.0.1:$port/hangfire (Ctrl+C to stop)" >&2
exec "$cli" serve --port "$port"
