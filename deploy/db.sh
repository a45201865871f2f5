#!/usr/bin/env bash
# The PostgreSQL database of this checkout.
#
#   deploy/db.sh start         start (initialising if needed) and create database "sigmasight"
#   deploy/db.sh url           print the Npgsql connection string (does not start anything)
#   deploy/db.sh stop          stop this checkout's private cluster
#   deploy/db.sh status        print state, data directory and port (exit 3 when not running)
#   deploy/db.sh psql [args]   run psql on the sigmasight database, schema sigmasight first on the search_path
#   deploy/db.sh destroy --yes stop this checkout's cluster and delete its data directory (every database in it)
#
# With SIGMASIGHT_DB set (an Npgsql connection string) that server is used as it is:
# start only checks that it is reachable, url prints it, stop does nothing.
#
# Otherwise a private cluster belongs to this checkout: data directory <checkout>/.pgdata, or
# /var/tmp/sigmasight-<hash> when the checkout is not traversable by the postgres user (root
# runs the server as "postgres"); <hash> = first 12 hex digits of sha256(realpath of checkout).
# It listens on 127.0.0.1 only, on a port of its own (15432 + hash mod 2000, or the next free
# one), recorded in <datadir>/sigmasight.port. Messages go to stderr, prefixed "db.sh:".
set -euo pipefail

readonly DB_NAME=sigmasight
readonly DB_USER=postgres
readonly PG_OS_USER=postgres
# psql sessions see the service's tables unqualified (portfolios, batch_runs, ...); hangfire.* stays qualified.
readonly SEARCH_PATH_OPTION='-c search_path=sigmasight,public'

say() { printf 'db.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

ROOT="$(realpath "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/..")"
HASH="$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
readonly ROOT HASH
readonly LOCK_FILE="/var/tmp/sigmasight-$HASH.lock"

# ---------------------------------------------------------------- external server (SIGMASIGHT_DB)

# Prints the value of the first key of SIGMASIGHT_DB matching one of the given (lower-case,
# space-free) names. Values quoted with ";" inside are not supported.
conn_value() {
  local part key value alias
  local -a parts
  IFS=';' read -ra parts <<<"$SIGMASIGHT_DB"
  for part in "${parts[@]}"; do
    [[ $part == *=* ]] || continue
    key="${part%%=*}"
    key="${key// /}"
    key="${key,,}"
    value="${part#*=}"
    value="${value#"${value%%[![:space:]]*}"}"
    value="${value%"${value##*[![:space:]]}"}"
    for alias in "$@"; do
      if [[ $key == "$alias" ]]; then
        printf '%s' "$value"
        return 0
      fi
    done
  done
  return 1
}

ext_host() {
  local host
  host="$(conn_value host server || true)"
  host="${host%%,*}"
  # "host:port" (Npgsql multi-host syntax) -> host; bare IPv6 addresses have several colons.
  if [[ $host == *:* && $host != *:*:* ]]; then host="${host%%:*}"; fi
  printf '%s' "${host:-localhost}"
}

ext_port() {
  local host port
  host="$(conn_value host server || true)"
  host="${host%%,*}"
  port="$(conn_value port || true)"
  if [[ -z $port && $host == *:* && $host != *:*:* ]]; then port="${host##*:}"; fi
  printf '%s' "${port:-5432}"
}

# True when something accepts connections at host:port (pg_isready when installed).
ext_reachable() {
  local host=$1 port=$2
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$host" -p "$port" -t 5
  elif [[ $host == /* ]]; then
    [[ -S "$host/.s.PGSQL.$port" ]]
  else
    # shellcheck disable=SC2016 # $1/$2 expand in the child shell
    timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null
  fi
}

# libpq keyword/value string equivalent to SIGMASIGHT_DB, for psql.
ext_libpq() {
  local out="" value mode
  add() {
    local v=${2//\\/\\\\}
    out+="$1='${v//\'/\\\'}' "
  }
  add host "$(ext_host)"
  add port "$(ext_port)"
  if value="$(conn_value database db)"; then add dbname "$value"; fi
  if value="$(conn_value username userid username user)"; then add user "$value"; fi
  if value="$(conn_value password psw pwd)"; then add password "$value"; fi
  if mode="$(conn_value sslmode)"; then
    mode="${mode,,}"
    case "$mode" in
      verifyca) mode=verify-ca ;;
      verifyfull) mode=verify-full ;;
    esac
    add sslmode "$mode"
  fi
  printf '%s' "${out% }"
}

external_main() {
  local cmd=$1 host port i
  shift
  host="$(ext_host)"
  port="$(ext_port)"
  case "$cmd" in
    start)
      for i in 1 2 3 4 5 6 7 8 9 10; do
        if ext_reachable "$host" "$port"; then
          say "using SIGMASIGHT_DB server at $host:$port"
          return 0
        fi
        [[ $i == 10 ]] || sleep 1
      done
      die "SIGMASIGHT_DB server at $host:$port is not reachable"
      ;;
    url) printf '%s\n' "$SIGMASIGHT_DB" ;;
    stop) say "SIGMASIGHT_DB is set: not stopping an external server" ;;
    destroy) say "SIGMASIGHT_DB is set: not destroying an external server (unset it to destroy this checkout's cluster)" ;;
    status)
      printf 'external server (SIGMASIGHT_DB): %s:%s\n' "$host" "$port"
      if ext_reachable "$host" "$port"; then
        echo "state: running"
      else
        echo "state: not reachable"
        return 3
      fi
      ;;
    psql)
      command -v psql >/dev/null 2>&1 || die "psql not found on PATH"
      PGOPTIONS="$SEARCH_PATH_OPTION ${PGOPTIONS:-}" exec psql "$(ext_libpq)" "$@"
      ;;
  esac
}

# ---------------------------------------------------------------- private cluster

# Newest server binaries: initdb/pg_ctl on PATH, else /usr/lib/postgresql/<newest>/bin.
find_pg_bin() {
  local ctl dir
  if ctl="$(command -v pg_ctl 2>/dev/null)"; then
    dir="$(dirname "$(realpath "$ctl")")"
    if [[ -x $dir/initdb && -x $dir/postgres ]]; then
      printf '%s' "$dir"
      return 0
    fi
  fi
  dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [[ -x $dir/pg_ctl && -x $dir/initdb && -x $dir/postgres ]]; then
    printf '%s' "$dir"
    return 0
  fi
  return 1
}

install_postgres() {
  command -v apt-get >/dev/null 2>&1 ||
    die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found and apt-get is unavailable"
  ((EUID == 0)) ||
    die "PostgreSQL server binaries not found; install them (apt-get install postgresql) as root"
  say "PostgreSQL server not found: installing Debian's postgresql package"
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 </dev/null
  # Debian creates (and may start) a system cluster on 5432; it is not ours and not needed.
  if command -v pg_lsclusters >/dev/null 2>&1; then
    local ver name _port status _rest
    while read -r ver name _port status _rest; do
      if [[ $status == online ]]; then
        say "stopping the system cluster $ver/$name that the package started"
        pg_ctlcluster "$ver" "$name" stop >&2 || true
      fi
    done < <(pg_lsclusters -h 2>/dev/null)
  fi
}

ensure_pg_os_user() {
  if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    say "creating system user $PG_OS_USER to run the server"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$PG_OS_USER"
  fi
}

# Runs a command as the server's OS user (postgres when root, else the current user), from /
# so that an unreadable working directory does not matter.
as_pg() {
  if ((EUID == 0)); then
    (cd / && runuser -u "$PG_OS_USER" -- env LC_ALL=C "$@")
  else
    (cd / && env LC_ALL=C "$@")
  fi
}

choose_data_dir() {
  DATA_DIR="$ROOT/.pgdata"
  if ((EUID == 0)); then
    if ! id -u "$PG_OS_USER" >/dev/null 2>&1 ||
      ! (cd / && runuser -u "$PG_OS_USER" -- test -x "$ROOT") 2>/dev/null; then
      DATA_DIR="/var/tmp/sigmasight-$HASH"
    fi
  fi
  PORT_FILE="$DATA_DIR/sigmasight.port"
}

initialised() { [[ -f $DATA_DIR/PG_VERSION && -f $PORT_FILE ]]; }

recorded_port() {
  local port=""
  if [[ -f $PORT_FILE ]]; then read -r port <"$PORT_FILE" || true; fi
  [[ $port =~ ^[0-9]+$ ]] || return 1
  printf '%s' "$port"
}

server_running() {
  [[ -f $DATA_DIR/PG_VERSION ]] || return 1
  as_pg "$PG_BIN/pg_ctl" status -D "$DATA_DIR" >/dev/null 2>&1
}

# Waits (up to 15 s) until the running server accepts connections; fails if it never does or
# stops meanwhile (e.g. a server killed a moment ago, whose pid file is still there).
wait_accepting() {
  local i port
  for ((i = 0; i < 30; i++)); do
    server_running || return 1
    port="$(running_port)"
    if [[ -n $port ]] && "$PSQL" -X -q -h 127.0.0.1 -p "$port" -U "$DB_USER" -d postgres \
      -tAc 'SELECT 1' >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# Port the running server listens on, from its postmaster.pid (line 4).
running_port() { sed -n 4p "$DATA_DIR/postmaster.pid" 2>/dev/null; }

port_busy() {
  local port=$1
  if command -v ss >/dev/null 2>&1 && [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]; then
    return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

pick_port() {
  local base port
  base=$((15432 + 16#$HASH % 2000))
  for ((port = base; port < base + 200; port++)); do
    if ! port_busy "$port"; then
      printf '%s' "$port"
      return 0
    fi
  done
  die "no free port in $base..$((base + 199))"
}

# Writes stdin to a file in the data directory, owned by the server's user, atomically.
write_pg_file() {
  # shellcheck disable=SC2016 # $1 expands in the child shell
  as_pg sh -c 'cat >"$1.tmp" && mv -f "$1.tmp" "$1"' _ "$1"
}

# Settings owned by this script, rewritten on every start. This is a local dev/test cluster:
# durability is traded for speed (fsync, synchronous_commit and full_page_writes off), so a
# machine crash may corrupt it; never keep data here that cannot be recreated.
write_settings() {
  local port=$1 sock_dir="$DATA_DIR"
  # Unix socket paths ("<dir>/.s.PGSQL.<port>") are limited to 107 bytes; deep checkouts use /tmp.
  if ((${#sock_dir} > 90)); then sock_dir=/tmp; fi
  write_pg_file "$DATA_DIR/sigmasight.conf" <<EOF
# Written by deploy/db.sh on every start; edits are overwritten.
# Local dev/test cluster: fsync/synchronous_commit/full_page_writes are off for speed.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '${sock_dir//\'/\'\'}'
max_connections = 300
shared_buffers = 128MB
timezone = 'UTC'
log_timezone = 'UTC'
fsync = off
synchronous_commit = off
full_page_writes = off
# Little WAL: nothing replicates from or archives this cluster, so it needs only enough for crash recovery.
wal_level = minimal
max_wal_senders = 0
max_wal_size = 64MB
min_wal_size = 32MB
# Shared memory in 2 MB pages when the kernel has them reserved (reserve_huge_pages), else in 4 kB pages.
huge_pages = try
EOF
  printf '%s\n' "$port" | write_pg_file "$PORT_FILE"
}

init_cluster() {
  local out
  if ((EUID == 0)); then
    install -d -o "$PG_OS_USER" -g "$PG_OS_USER" -m 700 "$DATA_DIR"
  else
    install -d -m 700 "$DATA_DIR"
  fi
  if [[ ! -f $DATA_DIR/PG_VERSION ]]; then
    [[ -z "$(ls -A "$DATA_DIR")" ]] ||
      die "$DATA_DIR exists, is not empty and holds no cluster; move it away"
    say "initialising a new cluster in $DATA_DIR"
    if ! out="$(as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U "$DB_USER" --auth=trust \
      --encoding=UTF8 --locale=C 2>&1 9>&-)"; then
      printf '%s\n' "$out" >&2
      die "initdb failed"
    fi
  fi
  if ! grep -q "^include_if_exists = 'sigmasight.conf'" "$DATA_DIR/postgresql.conf"; then
    # shellcheck disable=SC2016 # $1 expands in the child shell
    printf "\ninclude_if_exists = 'sigmasight.conf'\n" |
      as_pg sh -c 'cat >>"$1"' _ "$DATA_DIR/postgresql.conf"
  fi
}

pg_psql() {
  "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U "$DB_USER" "${@:2}"
}

ensure_database() {
  local port=$1 exists
  exists="$(pg_psql "$port" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")"
  if [[ $exists != 1 ]]; then
    say "creating database $DB_NAME"
    pg_psql "$port" -d postgres -c "CREATE DATABASE $DB_NAME" >&2
  fi
}

# The server outlives this script: it must not keep our lock or a caller's pipes open.
close_inherited_fds() {
  local fd
  for fd in /proc/"$BASHPID"/fd/*; do
    fd="${fd##*/}"
    if [[ $fd =~ ^[0-9]+$ ]] && ((fd > 2)); then eval "exec $fd>&-"; fi
  done
}

# Huge pages for the server's shared memory. On a virtual machine that shadows the guest's page tables, every 4 kB page
# of shared buffers a backend touches costs it a mapping of its own: a 10,000-portfolio bench night spent a third to a half more
# core time a job than with 2 MB pages (README, "Session 24"). Only root reserves them (vm.nr_hugepages); otherwise, or
# when the kernel cannot find them, the server starts with 4 kB pages, as huge_pages = try allows.
reserve_huge_pages() {
  local need free total
  need="$(as_pg "$PG_BIN/postgres" -D "$DATA_DIR" -C shared_memory_size_in_huge_pages 2>/dev/null)" || return 0
  [[ $need =~ ^[0-9]+$ ]] && ((need > 0)) || return 0
  free="$(free_huge_pages)"
  if ((free < need)) && ((EUID == 0)); then
    total="$(awk '/^HugePages_Total:/ {print $2}' /proc/meminfo)"
    sysctl -qw vm.nr_hugepages="$((total + need - free))" >/dev/null 2>&1 || true
    free="$(free_huge_pages)"
  fi
  if ((free >= need)); then
    say "shared memory in $need huge pages"
  else
    say "shared memory in 4 kB pages: $need huge pages needed, $free free (root reserves them with vm.nr_hugepages)"
  fi
}

# Huge pages free and not promised to a mapping already.
free_huge_pages() {
  awk '/^HugePages_Free:/ {f = $2} /^HugePages_Rsvd:/ {r = $2} END {print f - r}' /proc/meminfo
}

start_server() {
  local port attempt
  for attempt in 1 2 3; do
    port="$(recorded_port || true)"
    if [[ -z $port ]] || port_busy "$port"; then
      [[ -z $port ]] || say "port $port is taken by another server (not this cluster); choosing another"
      port="$(pick_port)"
    fi
    write_settings "$port"
    reserve_huge_pages
    say "starting cluster $DATA_DIR on 127.0.0.1:$port"
    if (
      close_inherited_fds
      as_pg "$PG_BIN/pg_ctl" start -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w -t 60 </dev/null >&2
    ); then
      return 0
    fi
    if [[ $attempt == 3 ]] || ! port_busy "$port"; then break; fi
    say "port $port was taken meanwhile; retrying"
  done
  tail -n 20 "$DATA_DIR/server.log" >&2 || true
  die "could not start the cluster in $DATA_DIR (log: $DATA_DIR/server.log)"
}

with_lock() {
  [[ -e $LOCK_FILE ]] || : >>"$LOCK_FILE"
  chmod 0666 "$LOCK_FILE" 2>/dev/null || true
  exec 9<"$LOCK_FILE"
  flock -w 300 9 || die "timed out waiting for $LOCK_FILE"
}

cmd_start() {
  local port
  if ! PG_BIN="$(find_pg_bin)"; then
    install_postgres
    PG_BIN="$(find_pg_bin)" || die "no PostgreSQL server binaries even after installing"
  fi
  PSQL="$PG_BIN/psql"
  [[ -x $PSQL ]] || PSQL="$(command -v psql)" || die "psql not found"
  ((EUID != 0)) || ensure_pg_os_user
  choose_data_dir
  with_lock
  init_cluster
  if server_running && wait_accepting; then
    port="$(running_port)"
    [[ $port == "$(recorded_port || true)" ]] || printf '%s\n' "$port" | write_pg_file "$PORT_FILE"
    say "reusing the running cluster $DATA_DIR on 127.0.0.1:$port"
  elif server_running; then
    die "cluster $DATA_DIR has a live server that does not accept connections; see $DATA_DIR/server.log"
  else
    start_server
    port="$(recorded_port)"
  fi
  printf '%s\n' "$ROOT" | write_pg_file "$DATA_DIR/sigmasight.checkout"
  ensure_database "$port"
}

need_initialised() {
  initialised ||
    die "no cluster initialised for $ROOT (expected in $DATA_DIR); run deploy/db.sh start"
}

cmd_stop() {
  choose_data_dir
  if [[ ! -f $DATA_DIR/PG_VERSION ]]; then
    say "no cluster in $DATA_DIR; nothing to stop"
    return 0
  fi
  PG_BIN="$(find_pg_bin)" || die "PostgreSQL server binaries not found"
  with_lock
  if ! server_running; then
    say "cluster $DATA_DIR is not running"
    return 0
  fi
  as_pg "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m fast -w -t 60 </dev/null >&2 9>&-
}

# Stops the cluster and deletes its data directory; only with --yes, and only a directory that holds a cluster.
cmd_destroy() {
  choose_data_dir
  if [[ ! -e $DATA_DIR ]]; then
    say "no cluster in $DATA_DIR; nothing to destroy"
    return 0
  fi
  if [[ -n "$(ls -A "$DATA_DIR" 2>/dev/null)" && ! -f $DATA_DIR/PG_VERSION ]]; then
    die "$DATA_DIR holds no PostgreSQL cluster; not deleting it"
  fi
  if [[ ${1:-} != --yes ]]; then
    say "destroy deletes $DATA_DIR ($(du -sh "$DATA_DIR" 2>/dev/null | cut -f1)) with every database in it"
    say "run deploy/db.sh destroy --yes to do it"
    exit 64
  fi
  with_lock
  if PG_BIN="$(find_pg_bin)" && server_running; then
    as_pg "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m fast -w -t 60 </dev/null >&2 9>&-
  fi
  rm -rf -- "$DATA_DIR"
  rm -f -- "$LOCK_FILE"
  say "destroyed the cluster in $DATA_DIR"
}

cmd_status() {
  choose_data_dir
  local state="not initialised" rc=3
  if [[ -f $DATA_DIR/PG_VERSION ]]; then
    state="not running"
    if PG_BIN="$(find_pg_bin)" && server_running; then state=running rc=0; fi
  fi
  printf 'state: %s\ndata dir: %s\nport: %s\n' "$state" "$DATA_DIR" "$(recorded_port || echo -)"
  return "$rc"
}

cmd_url() {
  choose_data_dir
  need_initialised
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Include Error Detail=true\n' \
    "$(recorded_port)" "$DB_NAME" "$DB_USER"
}

cmd_psql() {
  choose_data_dir
  need_initialised
  PG_BIN="$(find_pg_bin)" || die "PostgreSQL server binaries not found"
  server_running || die "cluster $DATA_DIR is not running; run deploy/db.sh start"
  PSQL="$PG_BIN/psql"
  [[ -x $PSQL ]] || PSQL="$(command -v psql)" || die "psql not found"
  PGOPTIONS="$SEARCH_PATH_OPTION ${PGOPTIONS:-}" exec "$PSQL" -h 127.0.0.1 -p "$(recorded_port)" -U "$DB_USER" -d "$DB_NAME" "$@"
}

usage() {
  cat <<EOF
usage: deploy/db.sh start|url|stop|status|destroy [--yes]|psql [psql args...]

  start      start this checkout's PostgreSQL (initialising it if needed) and create database "sigmasight"
  url        print the Npgsql connection string
  stop       stop this checkout's cluster
  status     print state, data directory and port (exit 3 when not running)
  destroy    stop the cluster and delete its data directory (asks for --yes)
  psql       run psql on database sigmasight, schema sigmasight first on the search_path

The cluster's data directory: <checkout>/.pgdata, or /var/tmp/sigmasight-<hash> when the postgres user cannot enter
the checkout. With SIGMASIGHT_DB set, that server is used instead (stop and destroy then do nothing).
EOF
}

bad_usage() {
  usage >&2
  exit 64
}

main() {
  (($# >= 1)) || bad_usage
  local cmd=$1
  shift
  case "$cmd" in
    -h | --help | help)
      usage
      return 0
      ;;
    start | url | stop | status | psql | destroy) ;;
    *) bad_usage ;;
  esac
  if [[ $cmd == destroy ]] && (($# == 1)) && [[ $1 == --yes ]]; then
    :
  elif [[ $cmd != psql ]] && (($# > 0)); then
    bad_usage
  fi
  if [[ -n ${SIGMASIGHT_DB:-} ]]; then
    external_main "$cmd" "$@"
    return
  fi
  # Our private server is addressed explicitly; stray libpq settings must not redirect psql.
  unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGSERVICE PGSSLMODE PGREQUIRESSL \
    PGTARGETSESSIONATTRS PGDATA
  "cmd_$cmd" "$@"
}

main "$@"
