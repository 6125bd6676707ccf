#!/usr/bin/env bash
# Real services for meterkit's tests and demo, from Debian's packages, on loopback only:
# a private PostgreSQL 15, Keystone 22 and CloudKitty 17 (one keystone-protected
# instance in Keystone's catalog, one noauth). Recipe: shared/research/cloudkitty.md.
#
#   services.sh up [postgres|keystone|cloudkitty|all]...   start (idempotent, flock-safe)
#   services.sh down [postgres|keystone|cloudkitty|all]... stop by PID files (default all)
#   services.sh env                                        KEY=value lines of running services
#   services.sh status                                     one line per service
#   services.sh run -- CMD...                              run CMD, then stop what it started
#
# Workdir: ${MK_SERVICES_DIR:-<repo>/.services}. Logs: <workdir>/logs/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
DIR="${MK_SERVICES_DIR:-$REPO/.services}"
PY=/usr/bin/python3
PGBIN=/usr/lib/postgresql/15/bin
TIMEOUT="${MK_SERVICES_TIMEOUT:-300}"
REGION=RegionOne

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# ---------------------------------------------------------------- packages
PKGS_postgres="postgresql-15"
PKGS_keystone="python3-keystone python3-waitress python3-psycopg2"
PKGS_cloudkitty="cloudkitty-api python3-cloudkitty python3-cloudkittyclient python3-waitress python3-psycopg2"

missing_pkgs() { # one dpkg-query for all: it is on the warm path of every `up`
  local installed
  installed="$(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null | awk '$NF == "installed" {print $1}')"
  local p
  for p in "$@"; do grep -qx -- "$p" <<<"$installed" || echo "$p"; done
}

ensure_pkgs() {
  local missing
  # shellcheck disable=SC2046
  missing="$(missing_pkgs "$@" | sort -u | tr '\n' ' ')"
  missing="${missing% }"
  [ -z "$missing" ] && return 0
  is_root || die "missing Debian packages; as root run: apt-get install --no-install-recommends $missing"
  log "installing Debian packages: $missing"
  # The postinsts try to start system-wide daemons (uwsgi on :8889, a default cluster);
  # policy-rc.d exiting 101 is Debian's documented way to say "do not start services".
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  local rc=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        --no-install-recommends $missing
  } >>"$DIR/logs/apt.log" 2>&1 || rc=$?
  [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$rc" = 0 ] || die "apt-get failed (exit $rc), see $DIR/logs/apt.log"
}

# ---------------------------------------------------------------- state
# Ports are chosen once (below the kernel's ephemeral range, so an outgoing connection
# cannot squat them later) and kept in state.env with the other first-start choices.
pick_ports() {
  node -e '
    const net = require("node:net");
    const want = Number(process.argv[1]); const got = [];
    const next = () => {
      if (got.length === want) { console.log(got.join(" ")); return; }
      const port = 20000 + Math.floor(Math.random() * 12000);
      if (got.includes(port)) return next();
      const s = net.createServer();
      s.once("error", next);
      s.listen(port, "127.0.0.1", () => { got.push(port); s.close(next); });
    };
    next();' "$1"
}

load_state() {
  mkdir -p "$DIR/logs" "$DIR/run"
  if [ ! -s "$DIR/state.env" ]; then
    local ports pg_dir
    read -r -a ports <<<"$(pick_ports 4)"
    pg_dir="$DIR/pg"
    # PostgreSQL refuses to run as root, so its files belong to the postgres user, which
    # must reach them; a workdir under e.g. /root is not traversable, use a fresh /tmp dir then.
    # Unix socket paths are limited to 107 bytes.
    if ! pg_can_reach "$DIR" || [ "${#pg_dir}" -gt 80 ]; then
      pg_dir="$(mktemp -d /tmp/meterkit-pg.XXXXXX)"
    fi
    cat >"$DIR/state.env.tmp" <<EOF
PG_PORT=${ports[0]}
KS_PORT=${ports[1]}
CK_PORT=${ports[2]}
CKN_PORT=${ports[3]}
PG_DIR=$pg_dir
KS_ADMIN_PASSWORD=${MK_KEYSTONE_ADMIN_PASSWORD:-adminpass}
EOF
    mv "$DIR/state.env.tmp" "$DIR/state.env"
  fi
  # shellcheck disable=SC1091
  . "$DIR/state.env"
}

pg_can_reach() { ! is_root || ! getent passwd postgres >/dev/null || runuser -u postgres -- test -x "$1"; }

# ---------------------------------------------------------------- processes
pid_of() { [ -s "$DIR/run/$1.pid" ] && head -n1 "$DIR/run/$1.pid" || true; }

# Alive = the PID file's process exists and its command line names our workdir
# (so a recycled PID after a reboot never counts as our service).
# Builtins only: these checks are the whole warm path.
pid_matches() { # PID MATCH
  local args=()
  [ -n "$1" ] && [ -r "/proc/$1/cmdline" ] && mapfile -d '' -t args <"/proc/$1/cmdline" 2>/dev/null &&
    [[ " ${args[*]} " == *"$2"* ]]
}
alive() {
  local pid=""
  [ -s "$DIR/run/$1.pid" ] && read -r pid <"$DIR/run/$1.pid"
  pid_matches "$pid" "$2"
}
pg_alive() {
  local pid=""
  [ -r "$PG_DIR/data/postmaster.pid" ] && read -r pid <"$PG_DIR/data/postmaster.pid" 2>/dev/null
  pid_matches "$pid" "$PG_DIR/data"
}
ks_alive() { alive keystone "$DIR/keystone/keystone.conf"; }
ck_alive() { alive "cloudkitty-$1" "$DIR/cloudkitty/$1.conf"; }

running() {
  [ -s "$DIR/state.env" ] || return 0
  load_state
  pg_alive && echo postgres
  ks_alive && echo keystone
  if ck_alive keystone || ck_alive noauth; then echo cloudkitty; fi
  return 0
}

http_ok() { # URL -> 0 when it answers 2xx/3xx
  "$PY" -c 'import sys,urllib.request
try: urllib.request.urlopen(sys.argv[1], timeout=2); sys.exit(0)
except Exception: sys.exit(1)' "$1"
}

wait_http() { # NAME URL LOG MATCH
  local deadline=$((SECONDS + TIMEOUT))
  until http_ok "$2"; do
    if [ -s "$DIR/run/$1.pid" ] && ! alive "$1" "$4"; then
      tail -n 30 "$3" >&2 || true
      die "$1 exited during start, see $3"
    fi
    [ "$SECONDS" -lt "$deadline" ] || die "$1 did not answer $2 within ${TIMEOUT}s, see $3"
    sleep 0.2
  done
}

# Daemons run in their own session, with no inherited lock fd or caller pipes, so a
# test runner that spawned `up` is never kept waiting and the flock is released.
spawn() { # NAME LOG CMD...
  local name="$1" logf="$2"; shift 2
  (cd "$DIR" && exec setsid "$@" --pid-file "$DIR/run/$name.pid" </dev/null >>"$logf" 2>&1 9>&-) &
  # Without job control the subshell is no group leader, so setsid execs in place and
  # $! is the server's PID (the server rewrites the same PID once it has loaded).
  echo "$!" >"$DIR/run/$name.pid"
}

# Our daemons are re-parented to PID 1 once `up` exits; a zombie waiting for it to reap
# counts as gone.
gone() {
  local stat=""
  [ -r "/proc/$1/stat" ] && read -r stat <"/proc/$1/stat" 2>/dev/null
  [ -z "$stat" ] || [[ "${stat##*) }" == Z* ]]
}

stop_pid() { # NAME MATCH
  local pid i; pid="$(pid_of "$1")"
  if alive "$1" "$2"; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do gone "$pid" && break; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
    log "stopped $1 (pid $pid)"
  fi
  rm -f "$DIR/run/$1.pid"
}

# ---------------------------------------------------------------- postgres
pgrun() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_q() { "$PGBIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
createdb_once() { # NAME [TEMPLATE]
  [ "$(psql_q "select 1 from pg_database where datname = '$1'")" = 1 ] && return 0
  psql_q "create database \"$1\"${2:+ template \"$2\"}"
}

up_postgres() {
  pg_alive && return 0
  local t0=$SECONDS
  if [ ! -s "$PG_DIR/data/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"
    is_root && chown postgres: "$PG_DIR" && chmod 700 "$PG_DIR"
    pgrun "$PGBIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --no-locale --no-sync \
      >>"$DIR/logs/postgres-initdb.log" 2>&1 || die "initdb failed, see $DIR/logs/postgres-initdb.log"
    # A throwaway test cluster: durability off, enough connections for every
    # service's pool plus parallel test files.
    cat >>"$PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  fi
  [ "$PG_DIR" = "$DIR/pg" ] || ln -sfn "$PG_DIR/postgresql.log" "$DIR/logs/postgresql.log"
  [ "$PG_DIR" = "$DIR/pg" ] && ln -sfn "../pg/postgresql.log" "$DIR/logs/postgresql.log"
  pgrun "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgresql.log" -w -t "$TIMEOUT" start \
    </dev/null >>"$DIR/logs/postgres-ctl.log" 2>&1 9>&- ||
    { tail -n 20 "$PG_DIR/postgresql.log" >&2 || true; die "PostgreSQL did not start, see $DIR/logs/postgresql.log"; }
  head -n1 "$PG_DIR/data/postmaster.pid" >"$DIR/run/postgres.pid"
  log "postgres up on 127.0.0.1:$PG_PORT ($((SECONDS - t0))s)"
}

down_postgres() {
  [ -d "$PG_DIR/data" ] && pg_alive || { rm -f "$DIR/run/postgres.pid"; return 0; }
  pgrun "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >>"$DIR/logs/postgres-ctl.log" 2>&1 || true
  rm -f "$DIR/run/postgres.pid"
  log "stopped postgres"
}

# ---------------------------------------------------------------- keystone
up_keystone() {
  up_postgres
  ks_alive && return 0
  local t0=$SECONDS ks="$DIR/keystone"
  mkdir -p "$ks"
  cat >"$ks/keystone.conf" <<EOF
[DEFAULT]
use_stderr = true
[identity]
# bcrypt's minimum cost: every password check costs ~0.3 s at the default 12, and the
# tests log in a lot. Test credentials only.
password_hash_rounds = 4
[database]
connection = postgresql+psycopg2://postgres@/keystone?host=$PG_DIR&port=$PG_PORT
[token]
provider = fernet
[fernet_tokens]
key_repository = $ks/fernet-keys
[fernet_receipts]
key_repository = $ks/fernet-receipts
[credential]
key_repository = $ks/credential-keys
EOF
  [ -e "$ks/.bootstrapped" ] || createdb_once keystone
  # ks_serve.py runs keystone-manage db_sync/fernet_setup/credential_setup/bootstrap
  # itself on the first start (one keystone import instead of five).
  OS_BOOTSTRAP_PASSWORD="$KS_ADMIN_PASSWORD" spawn keystone "$DIR/logs/keystone.log" "$PY" "$HERE/py/ks_serve.py" \
    --config-file "$ks/keystone.conf" --port "$KS_PORT" --region "$REGION" --bootstrap-marker "$ks/.bootstrapped"
  wait_http keystone "http://127.0.0.1:$KS_PORT/v3" "$DIR/logs/keystone.log" "$ks/keystone.conf"
  if [ ! -e "$ks/.registered" ]; then
    KS_URL="http://127.0.0.1:$KS_PORT/v3" KS_ADMIN_PASSWORD="$KS_ADMIN_PASSWORD" KS_REGION="$REGION" \
      CK_URL="http://127.0.0.1:$CK_PORT" "$PY" "$HERE/py/ks_register.py" >>"$DIR/logs/keystone.log" 2>&1 ||
      die "registering users and the rating endpoint failed, see $DIR/logs/keystone.log"
    touch "$ks/.registered"
  fi
  log "keystone up on 127.0.0.1:$KS_PORT ($((SECONDS - t0))s)"
}

down_keystone() { stop_pid keystone "$DIR/keystone/keystone.conf"; }

# ---------------------------------------------------------------- cloudkitty
ck_conf() { # NAME AUTH_STRATEGY DATABASE
  local d="$DIR/cloudkitty" mode="$1"
  mkdir -p "$d/$mode-locks"
  sed "s#@HEALTHCHECK@#$d/healthcheck_disable#" "$HERE/py/api_paste.ini" >"$d/api_paste.ini"
  cat >"$d/$mode.conf" <<EOF
[DEFAULT]
auth_strategy = $2
api_paste_config = $d/api_paste.ini
# oslo.messaging's in-memory driver; ck_serve.py runs the rating RPC server in-process.
transport_url = fake://
# Without it oslo calls socket.getfqdn(), a DNS lookup at start.
host = localhost
use_stderr = true
debug = false
[database]
connection = postgresql+psycopg2://postgres@/$3?host=$PG_DIR&port=$PG_PORT
[storage]
backend = sqlalchemy
version = 1
[collect]
metrics_conf = $HERE/py/metrics.yml
[orchestrator]
coordination_url = file://$d/$mode-locks
[oslo_concurrency]
lock_path = $d/$mode-locks
EOF
  [ "$mode" = keystone ] && cat >>"$d/$mode.conf" <<EOF
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:$KS_PORT/v3
auth_url = http://127.0.0.1:$KS_PORT/v3
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = cloudkitty
password = ckpass
region_name = $REGION
EOF
  return 0
}

up_cloudkitty() {
  up_postgres
  if ck_alive keystone && ck_alive noauth; then
    up_keystone
    return 0
  fi
  # Keystone (bootstrap ~8 s on a cold workdir) and CloudKitty (schema, start) only share
  # PostgreSQL, so bring them up side by side; keystonemiddleware contacts Keystone lazily.
  local ks_job t0=$SECONDS d="$DIR/cloudkitty"
  up_keystone &
  ks_job=$!
  mkdir -p "$d"
  ck_conf keystone keystone cloudkitty
  ck_conf noauth noauth cloudkitty_noauth
  if [ ! -e "$d/.schema" ]; then
    # Migrate one template database once and copy it: dbsync + storage-init cost ~4 s each time.
    ck_conf template noauth cloudkitty_template
    createdb_once cloudkitty_template
    # The rating chains (dbsync) and the v1 storage tables (storage-init) are independent.
    cloudkitty-storage-init --config-file "$d/template.conf" </dev/null >"$DIR/logs/cloudkitty-storage-init.log" 2>&1 9>&- &
    local si_job=$!
    cloudkitty-dbsync --config-file "$d/template.conf" upgrade </dev/null >"$DIR/logs/cloudkitty-dbsync.log" 2>&1 9>&- ||
      die "cloudkitty-dbsync failed, see $DIR/logs/cloudkitty-dbsync.log"
    wait "$si_job" || die "cloudkitty-storage-init failed, see $DIR/logs/cloudkitty-storage-init.log"
    # hashmap starts disabled; enabling it through the API would need an admin token
    # for the keystone instance, the row is what the API's PUT writes anyway.
    "$PGBIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d cloudkitty_template -XAtq -v ON_ERROR_STOP=1 -c \
      "insert into modules_state (name, state, priority) values ('hashmap', true, 1)
       on conflict (name) do update set state = true" >/dev/null
    createdb_once cloudkitty cloudkitty_template
    createdb_once cloudkitty_noauth cloudkitty_template
    touch "$d/.schema"
  fi
  local mode port
  for mode in keystone noauth; do
    ck_alive "$mode" && continue
    port="$CK_PORT"; [ "$mode" = noauth ] && port="$CKN_PORT"
    spawn "cloudkitty-$mode" "$DIR/logs/cloudkitty-$mode.log" "$PY" "$HERE/py/ck_serve.py" \
      --config-file "$d/$mode.conf" --port "$port"
  done
  wait_http cloudkitty-keystone "http://127.0.0.1:$CK_PORT/" "$DIR/logs/cloudkitty-keystone.log" "$d/keystone.conf"
  wait_http cloudkitty-noauth "http://127.0.0.1:$CKN_PORT/" "$DIR/logs/cloudkitty-noauth.log" "$d/noauth.conf"
  wait "$ks_job" || die "keystone did not start (see above and $DIR/logs/keystone.log)"
  log "cloudkitty up on 127.0.0.1:$CK_PORT (keystone) and 127.0.0.1:$CKN_PORT (noauth) ($((SECONDS - t0))s)"
}

down_cloudkitty() {
  stop_pid cloudkitty-keystone "$DIR/cloudkitty/keystone.conf"
  stop_pid cloudkitty-noauth "$DIR/cloudkitty/noauth.conf"
}

# ---------------------------------------------------------------- commands
names_or_all() { # normalise, validate and order (dependencies first)
  local n out=""
  [ "$#" = 0 ] && set -- all
  for n in "$@"; do
    case "$n" in
      all) out="$out postgres keystone cloudkitty" ;;
      postgres | keystone | cloudkitty) out="$out $n" ;;
      *) die "unknown service '$n' (expected postgres, keystone, cloudkitty or all)" ;;
    esac
  done
  for n in postgres keystone cloudkitty; do [[ " $out " == *" $n "* ]] && echo "$n"; done
  return 0
}

with_lock() {
  mkdir -p "$DIR"
  exec 9>"$DIR/.lock"
  flock -w "$((TIMEOUT * 5))" 9 || die "timed out waiting for the lock on $DIR/.lock"
}

cmd_up() {
  local names; names="$(names_or_all "$@")"
  with_lock
  mkdir -p "$DIR/logs"
  # Dependencies: cloudkitty needs keystone (its protected instance), keystone needs postgres.
  local n pkgs="$PKGS_postgres"
  grep -qx -e keystone -e cloudkitty <<<"$names" && pkgs="$pkgs $PKGS_keystone"
  grep -qx cloudkitty <<<"$names" && pkgs="$pkgs $PKGS_cloudkitty"
  ensure_pkgs $pkgs
  load_state
  # up_cloudkitty brings keystone up itself, in parallel with its own start.
  grep -qx cloudkitty <<<"$names" && names="$(grep -vx keystone <<<"$names")"
  for n in $names; do "up_$n"; done
}

cmd_down() {
  local names n; names="$(names_or_all "$@")"
  [ -s "$DIR/state.env" ] || return 0
  with_lock
  load_state
  for n in $(echo "$names" | tac); do "down_$n"; done
}

cmd_env() {
  local r; r="$(running)"
  [ -s "$DIR/state.env" ] && load_state
  echo "MK_SERVICES_DIR=$DIR"
  if grep -qx postgres <<<"$r"; then
    echo "MK_PG_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
    echo "MK_PG_SOCKET_DIR=$PG_DIR"
  fi
  if grep -qx keystone <<<"$r"; then
    echo "MK_KEYSTONE_URL=http://127.0.0.1:$KS_PORT/v3"
    echo "MK_KEYSTONE_ADMIN_USER=admin"
    echo "MK_KEYSTONE_ADMIN_PASSWORD=$KS_ADMIN_PASSWORD"
    echo "MK_KEYSTONE_ADMIN_PROJECT=admin"
    echo "MK_KEYSTONE_DEMO_USER=demo"
    echo "MK_KEYSTONE_DEMO_PASSWORD=demopass"
    echo "MK_KEYSTONE_DEMO_PROJECT=demo"
    echo "MK_KEYSTONE_REGION=$REGION"
    # What Keystone's catalog holds for CloudKitty (type rating), whether or not CloudKitty runs yet.
    echo "MK_KEYSTONE_RATING_URL=http://127.0.0.1:$CK_PORT"
  fi
  if grep -qx cloudkitty <<<"$r"; then
    ck_alive keystone && echo "MK_CLOUDKITTY_URL=http://127.0.0.1:$CK_PORT"
    ck_alive noauth && echo "MK_CLOUDKITTY_NOAUTH_URL=http://127.0.0.1:$CKN_PORT"
  fi
  return 0
}

cmd_status() {
  local r n; r="$(running)"
  for n in postgres keystone cloudkitty; do
    if grep -qx "$n" <<<"$r"; then echo "$n running"; else echo "$n stopped"; fi
  done
}

cmd_run() {
  [ "${1:-}" = -- ] && shift
  [ "$#" -gt 0 ] || die "usage: services.sh run -- CMD [ARGS...]"
  local before after n stop="" rc=0
  before="$(running)"
  # Ctrl-C reaches the command; we still stop what it started, then report its status.
  trap 'true' INT TERM
  "$@" || rc=$?
  trap - INT TERM
  after="$(running)"
  for n in $after; do grep -qx "$n" <<<"$before" || stop="$stop $n"; done
  if [ -n "$stop" ]; then
    log "stopping services started during the run:$stop"
    # shellcheck disable=SC2086
    cmd_down $stop || log "warning: stopping services failed"
  fi
  return "$rc"
}

main() {
  local cmd="${1:-}"
  [ "$#" -gt 0 ] && shift
  case "$cmd" in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    env) cmd_env ;;
    status) cmd_status ;;
    run) cmd_run "$@" ;;
    *) die "usage: services.sh up|down [postgres|keystone|cloudkitty|all]... | env | status | run -- CMD..." ;;
  esac
}

main "$@"
