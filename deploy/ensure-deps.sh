#!/usr/bin/env bash
# Installs (with apt, as root) what the tests and the demo need when it is missing:
# the Python oracles' modules for /usr/bin/python3, and checks that the .NET SDK is present.
# With --browser (deploy/test.sh): also Debian's chromium, which the browser test drives through Playwright.
# The PostgreSQL server is installed on demand by deploy/db.sh start.
set -euo pipefail
usage() {
  cat <<'EOF'
usage: deploy/ensure-deps.sh [--browser]

Installs with apt (as root) the Python oracles' modules for /usr/bin/python3 when they are missing, and checks that
the .NET SDK is present. deploy/db.sh start installs the PostgreSQL server on demand.
  --browser  also Debian's chromium (deploy/test.sh: the browser test drives it with Playwright)
EOF
}
case "${1:-}" in -h | --help) usage; exit 0 ;; esac
browser=false
if [ "${1:-}" = --browser ]; then browser=true; shift; fi
if [ $# -gt 0 ]; then echo "$(basename "$0"): unexpected argument $1 (try --help)" >&2; exit 64; fi

say() { printf 'ensure-deps: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

ROOT="$(realpath "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/..")"
readonly ROOT
readonly PYTHON=/usr/bin/python3
# Submodules, not bare names: a half-removed package can leave an importable namespace behind.
readonly MODULES=(numpy scipy.stats pandas statsmodels.api psycopg2)
readonly PACKAGES=(python3-numpy python3-scipy python3-pandas python3-statsmodels python3-psycopg2)

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not available; install by hand: $*"
  ((EUID == 0)) || die "not root; install by hand: apt-get install $*"
  if ((apt_updated == 0)); then
    say "apt-get update"
    apt-get update -q >&2
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2 </dev/null
}

missing_python_packages() {
  local i
  if [[ ! -x $PYTHON ]]; then
    printf '%s\n' python3 "${PACKAGES[@]}"
    return
  fi
  for i in "${!MODULES[@]}"; do
    "$PYTHON" -I -c "import ${MODULES[i]}" >/dev/null 2>&1 || printf '%s\n' "${PACKAGES[i]}"
  done
}

ensure_python() {
  local -a missing
  local modules_csv
  modules_csv="$(IFS=,; printf '%s' "${MODULES[*]}")"
  if [[ -x $PYTHON ]] && "$PYTHON" -I -c "import $modules_csv" >/dev/null 2>&1; then
    say "python modules present: ${MODULES[*]}"
    return
  fi
  mapfile -t missing < <(missing_python_packages)
  say "missing: ${missing[*]}"
  apt_install "${missing[@]}"
  "$PYTHON" -I -c "import $modules_csv" || die "python modules still missing after installing"
  say "python modules installed"
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    die "dotnet not found on PATH: install the .NET 10 SDK (see global.json) and retry"
  local version
  version="$(cd "$ROOT" && dotnet --version 2>&1)" ||
    die "dotnet cannot resolve the SDK that global.json asks for: $version"
  say "dotnet SDK $version"
}

ensure_browser() {
  if [[ -x /usr/bin/chromium ]]; then
    say "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
    return
  fi
  apt_install chromium
  [[ -x /usr/bin/chromium ]] || die "chromium still missing after installing"
}

ensure_python
ensure_dotnet
if $browser; then ensure_browser; fi
