#!/usr/bin/env bash
# pg-test-stack.sh: a throwaway PostgreSQL 15 for the tests, shaped like Neon (TLS + SCRAM only).
#
# Promises:
#  - The server listens on 127.0.0.1 only, on a random free port in 20000-60000, with TLS on
#    (a CA and a server certificate made on the fly) and SCRAM-SHA-256 passwords; plain TCP is
#    rejected. The superuser is reachable only through the unix socket (peer auth, or trust when
#    the script does not run as root).
#  - Roles: neon_todo_owner (LOGIN CREATEDB, owns database neon_todo), neon_todo_alice and
#    neon_todo_bob (LOGIN), each with a fresh random password. pg_stat_statements is preloaded;
#    its view lives in the "postgres" database (neon_todo_owner may read all rows and reset it).
#  - Everything lives in one /tmp/neon-todo-pg.XXXXXX folder, removed again by "stop".
#  - Connection details go to STATE_DIR/env (mode 0600); no password is ever printed.
set -euo pipefail

readonly PG_BINDIR=/usr/lib/postgresql/15/bin
SELF=$(readlink -f "${BASH_SOURCE[0]}")
readonly SELF
readonly DB_NAME=neon_todo
readonly CA_NAME="Neon Todo Test CA"
# Which statements the server log records: none (default), ddl, mod or all. The role setup
# session never logs its statements, whatever this says.
readonly LOG_STATEMENT=${NEON_TODO_TEST_PG_LOG_STATEMENT:-none}
readonly NEON_HOST=ep-test-123456.us-east-2.aws.neon.tech
readonly NEON_POOLER_HOST=ep-test-123456-pooler.us-east-2.aws.neon.tech
readonly SERVER_SANS="DNS:localhost,DNS:ep-test-123456.us-east-2.aws.neon.tech,DNS:ep-test-123456-pooler.us-east-2.aws.neon.tech,IP:127.0.0.1"

usage() {
    cat <<'EOF'
Usage: pg-test-stack.sh COMMAND ...

  start STATE_DIR          Start a fresh PostgreSQL 15 (stopping any earlier one for STATE_DIR)
                           and write its connection details to STATE_DIR/env (mode 0600):
                             NEON_TODO_TEST_PG_URL        owner of database neon_todo
                             NEON_TODO_TEST_PG_ALICE_URL  plain role neon_todo_alice
                             NEON_TODO_TEST_PG_BOB_URL    plain role neon_todo_bob
                             NEON_TODO_TEST_PG_PORT, _DIR, _DATADIR, _CA, _BINDIR, _SOCKETDIR
                           URLs use TLS with sslmode=verify-full against the stack's own CA.
  stop STATE_DIR           Stop the server and remove its files (fine if nothing runs).
  psql STATE_DIR [ARGS]    Run psql as the superuser over the unix socket (database neon_todo
                           unless ARGS name another one).
  run -- COMMAND [ARGS]    Start a stack in a temporary STATE_DIR, run COMMAND with the env
                           file's variables (and NEON_TODO_TEST_STACK_DIR) exported, stop the
                           stack afterwards, and exit with COMMAND's status.
  --help                   This text.

Environment: NEON_TODO_TEST_PG_LOG_STATEMENT=none|ddl|mod|all (default none) sets log_statement
for the server log, which is $NEON_TODO_TEST_PG_DIR/postgresql.log.
Needs: postgresql-15 postgresql-contrib-15 openssl (Debian packages). Never prints passwords.
EOF
}

die() { echo "pg-test-stack: $*" >&2; exit 1; }

# Exit 2 with the package to install when a tool is missing (this script installs nothing).
check_tools() {
    local tool
    for tool in initdb pg_ctl psql pg_isready postgres; do
        if [[ ! -x $PG_BINDIR/$tool ]]; then
            echo "pg-test-stack: PostgreSQL 15 not found ($PG_BINDIR/$tool is missing)." >&2
            echo "  Install it with: apt-get install postgresql-15 postgresql-contrib-15" >&2
            exit 2
        fi
    done
    if [[ ! -e /usr/lib/postgresql/15/lib/pg_stat_statements.so ]]; then
        echo "pg-test-stack: pg_stat_statements is missing." >&2
        echo "  Install it with: apt-get install postgresql-15 postgresql-contrib-15" >&2
        exit 2
    fi
    if ! command -v openssl >/dev/null; then
        echo "pg-test-stack: openssl is missing. Install it with: apt-get install openssl" >&2
        exit 2
    fi
    if ((EUID == 0)) && ! id -u postgres >/dev/null 2>&1; then
        echo "pg-test-stack: running as root needs the 'postgres' user (package postgresql-15)." >&2
        exit 2
    fi
}

# The OS user that runs the server: postgres when we are root (PostgreSQL refuses root).
server_user() { if ((EUID == 0)); then echo postgres; else id -un; fi; }

# Run a PostgreSQL tool as OS user $1, from /, with no PG* variables of the caller leaking in.
# HOME points at the stack's folder ($2) so psql history and the like stay inside it.
as_user() {
    local user=$1 home=$2
    shift 2
    local -a unset_args=()
    local var
    for var in $(compgen -e PG || true); do unset_args+=(-u "$var"); done
    if [[ $user == "$(id -un)" ]]; then
        (cd / && env "${unset_args[@]}" HOME="$home" "$@")
    elif ((EUID == 0)); then
        (cd / && runuser -u "$user" -- env "${unset_args[@]}" HOME="$home" "$@")
    else
        die "the stack belongs to '$user'; run this as that user or as root"
    fi
}

# Read STATE_DIR/env into the associative array STACK (no shell evaluation of the values).
declare -A STACK=()
load_env() {
    local file=$1/env key value
    STACK=()
    while IFS='=' read -r key value; do
        [[ $key =~ ^[A-Z_][A-Z0-9_]*$ ]] && STACK[$key]=$value
    done <"$file"
}

# Is a TCP port on 127.0.0.1 free? (Nothing accepts a connection there.)
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
    local i port
    for ((i = 0; i < 50; i++)); do
        port=$((20000 + SRANDOM % 40001))
        if port_is_free "$port"; then echo "$port"; return 0; fi
    done
    die "no free TCP port found in 20000-60000"
}

# Only ever delete folders that this script made.
remove_stack_dir() {
    local dir=$1
    [[ $dir =~ ^/tmp/neon-todo-pg\.[A-Za-z0-9]+$ ]] || die "refusing to remove unexpected folder '$dir'"
    rm -rf -- "$dir"
}

# Stop the server of a data dir: fast shutdown, then immediate, then SIGKILL to its postmaster.
stop_server() {
    local datadir=$1 home=$2 owner pid
    [[ -f $datadir/postmaster.pid ]] || return 0
    owner=$(stat -c %U "$datadir")
    as_user "$owner" "$home" "$PG_BINDIR/pg_ctl" -D "$datadir" -w -t 20 -m fast stop >/dev/null 2>&1 && return 0
    as_user "$owner" "$home" "$PG_BINDIR/pg_ctl" -D "$datadir" -w -t 10 -m immediate stop >/dev/null 2>&1 && return 0
    pid=$(head -n1 "$datadir/postmaster.pid" 2>/dev/null || true)
    if [[ $pid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]]; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

cmd_stop() {
    local state=$1
    if [[ -f $state/env ]]; then
        load_env "$state"
        local dir=${STACK[NEON_TODO_TEST_PG_DIR]:-} datadir=${STACK[NEON_TODO_TEST_PG_DATADIR]:-}
        if [[ -n $dir && -d $dir/pooler ]]; then stop_pooler "$dir/pooler"; fi
        if [[ -n $datadir && -d $datadir ]]; then stop_server "$datadir" "$dir"; fi
        if [[ -n $dir && -d $dir ]]; then remove_stack_dir "$dir"; fi
        rm -f -- "$state/env"
    fi
    rmdir -- "$state" 2>/dev/null || true
    return 0
}

# Set by cmd_start while it works, so that a failure cleans up what it made.
START_DIR=""
START_DATADIR=""
start_failed() {
    local rc=$?
    if [[ -n $START_DIR ]]; then
        if [[ -f $START_DIR/postgresql.log ]]; then
            echo "pg-test-stack: start failed; server log tail:" >&2
            tail -n 20 "$START_DIR/postgresql.log" >&2 || true
        fi
        if [[ -f $START_DIR/setup.log ]]; then
            echo "pg-test-stack: setup log tail:" >&2
            tail -n 20 "$START_DIR/setup.log" >&2 || true
        fi
        [[ -d $START_DIR/pooler ]] && stop_pooler "$START_DIR/pooler"
        [[ -n $START_DATADIR ]] && stop_server "$START_DATADIR" "$START_DIR"
        remove_stack_dir "$START_DIR"
    fi
    exit $((rc == 0 ? 1 : rc))
}

# Make the CA and the server certificate (EC P-256: fast to generate).
make_certificates() {
    local dir=$1 user=$2
    local ext=$dir/server.ext
    (
        umask 077
        openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
            -keyout "$dir/ca.key" -out "$dir/ca.crt" -days 30 -subj "/CN=$CA_NAME" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign"
        openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
            -keyout "$dir/server.key" -out "$dir/server.csr" -subj "/CN=localhost"
        printf '%s\n' "basicConstraints=critical,CA:FALSE" \
            "keyUsage=critical,digitalSignature,keyEncipherment" \
            "extendedKeyUsage=serverAuth" "subjectAltName=$SERVER_SANS" >"$ext"
        openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" \
            -set_serial "0x$(openssl rand -hex 12)" -days 30 -extfile "$ext" -out "$dir/server.crt"
    ) >>"$dir/setup.log" 2>&1
    # Nobody needs the CA key again: no other certificate is ever signed with it.
    rm -f -- "$dir/ca.key" "$dir/server.csr" "$ext"
    chmod 0644 "$dir/ca.crt" "$dir/server.crt"
    chmod 0600 "$dir/server.key"
    chown "$user" "$dir/server.key" "$dir/server.crt" "$dir/ca.crt"
}

write_config() {
    local dir=$1 datadir=$2 port=$3 local_auth=$4
    cat >"$datadir/pg_hba.conf" <<EOF
# Written by pg-test-stack.sh: superuser over the unix socket only; TCP needs TLS + SCRAM.
local     all  all                $local_auth
hostssl   all  all  127.0.0.1/32  scram-sha-256
hostnossl all  all  0.0.0.0/0     reject
EOF
    cat >"$datadir/neon_todo_test.conf" <<EOF
# Written by pg-test-stack.sh: a disposable test server, tuned for speed, not for safety.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
unix_socket_permissions = 0700
ssl = on
ssl_cert_file = '$dir/server.crt'
ssl_key_file = '$dir/server.key'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
max_connections = 200
shared_preload_libraries = 'pg_stat_statements'
log_statement = '$LOG_STATEMENT'
log_line_prefix = '%m [%p] %q%u@%d '
EOF
    echo "port = $port" >"$datadir/neon_todo_port.conf"
    printf '%s\n' "include 'neon_todo_test.conf'" "include 'neon_todo_port.conf'" >>"$datadir/postgresql.conf"
}

# PgBouncer in transaction mode in front of the server, as Neon's "-pooler" endpoint: TLS to the
# client with the same certificate, TLS to the server, SCRAM both ways (the role secrets are copied
# from pg_authid into its auth file, so it can log in to the server as each role).
start_pooler() {
    local dir=$1 user=$2 pg_port=$3
    shift 3
    local -a psql_su=("$@")
    local pdir=$dir/pooler
    mkdir -p -- "$pdir"
    chown "$user" "$pdir"
    chmod 0700 "$pdir"
    # '"name" "SCRAM secret"' lines; never printed.
    (
        umask 077
        as_user "$user" "$dir" "${psql_su[@]}" -d postgres -Atc \
            "SELECT format('\"%s\" \"%s\"', rolname, rolpassword) FROM pg_authid WHERE rolname LIKE 'neon\\_todo\\_%'" \
            >"$pdir/userlist.txt" 2>>"$dir/setup.log"
    )
    chown "$user" "$pdir/userlist.txt"
    local port attempt
    for ((attempt = 0; attempt < 5; attempt++)); do
        port=$(pick_port)
        cat >"$pdir/pgbouncer.ini" <<EOF
; Written by pg-test-stack.sh: the pooled endpoint, like Neon's -pooler host.
[databases]
* = host=127.0.0.1 port=$pg_port
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
pool_mode = transaction
auth_type = scram-sha-256
auth_file = $pdir/userlist.txt
max_client_conn = 500
default_pool_size = 40
max_db_connections = 150
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
client_tls_sslmode = require
client_tls_cert_file = $dir/server.crt
client_tls_key_file = $dir/server.key
server_tls_sslmode = verify-full
server_tls_ca_file = $dir/ca.crt
logfile = $pdir/pgbouncer.log
pidfile = $pdir/pgbouncer.pid
log_connections = 0
log_disconnections = 0
EOF
        chown "$user" "$pdir/pgbouncer.ini"
        if as_user "$user" "$dir" pgbouncer -d -q "$pdir/pgbouncer.ini" >>"$dir/setup.log" 2>&1; then
            local i
            for ((i = 0; i < 50; i++)); do
                port_is_free "$port" || { echo "$port"; return 0; }
                sleep 0.1
            done
        fi
        stop_pooler "$pdir"
    done
    die "PgBouncer did not start (see $dir/setup.log and $pdir/pgbouncer.log)"
}

stop_pooler() {
    local pdir=$1 pid
    [[ -f $pdir/pgbouncer.pid ]] || return 0
    pid=$(cat "$pdir/pgbouncer.pid" 2>/dev/null || true)
    if [[ $pid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == pgbouncer ]]; then
        kill -TERM "$pid" 2>/dev/null || true
        local i
        for ((i = 0; i < 30; i++)); do [[ -d /proc/$pid ]] || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f -- "$pdir/pgbouncer.pid"
}

cmd_start() {
    local state=$1
    check_tools
    [[ $LOG_STATEMENT =~ ^(none|ddl|mod|all)$ ]] || die "NEON_TODO_TEST_PG_LOG_STATEMENT must be none, ddl, mod or all"
    # A stack already recorded for STATE_DIR (running or not): stop it and start afresh.
    if [[ -f $state/env ]]; then cmd_stop "$state"; fi
    mkdir -p -- "$state"

    local user local_auth
    user=$(server_user)
    if ((EUID == 0)); then local_auth=peer; else local_auth=trust; fi

    trap start_failed EXIT
    START_DIR=$(mktemp -d /tmp/neon-todo-pg.XXXXXX)
    local dir=$START_DIR datadir=$START_DIR/data log=$START_DIR/postgresql.log
    chmod 0755 "$dir"
    chown "$user" "$dir"
    : >"$dir/setup.log"
    chown "$user" "$dir/setup.log"

    make_certificates "$dir" "$user"
    as_user "$user" "$dir" "$PG_BINDIR/initdb" -D "$datadir" -U "$user" --auth-local="$local_auth" \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync --no-instructions \
        >>"$dir/setup.log" 2>&1
    START_DATADIR=$datadir

    # Start on a random free port; if another process takes it first, try another one.
    local port="" attempt started=0
    for ((attempt = 0; attempt < 5; attempt++)); do
        port=$(pick_port)
        write_config "$dir" "$datadir" "$port" "$local_auth"
        rm -f -- "$log"
        if as_user "$user" "$dir" "$PG_BINDIR/pg_ctl" -D "$datadir" -l "$log" -w -t 25 start \
            >>"$dir/setup.log" 2>&1; then
            started=1
            break
        fi
        grep -q 'could not bind\|could not create lock file\|Address already in use' "$log" 2>/dev/null \
            || die "PostgreSQL did not start"
        stop_server "$datadir" "$dir"
        # Undo the duplicated include lines before the next attempt writes them again.
        sed -i "/^include 'neon_todo_\(test\|port\)\.conf'$/d" "$datadir/postgresql.conf"
    done
    ((started)) || die "PostgreSQL could not bind a free port"

    local i
    for ((i = 0; i < 100; i++)); do
        "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -t 1 && break
        sleep 0.2
    done
    "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -t 1 || die "server does not answer on 127.0.0.1:$port"

    local -a psql_su=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U "$user")
    local version
    version=$(as_user "$user" "$dir" "${psql_su[@]}" -d postgres -Atc 'SHOW server_version' 2>>"$dir/setup.log")
    version=${version%% *}

    # Roles with random passwords. The SQL goes through stdin (never argv), and this session
    # logs no statement text even on error and keeps it out of pg_stat_statements, so the
    # passwords reach no log. The statistics start empty for the tests.
    local pw_owner pw_alice pw_bob
    pw_owner=$(openssl rand -hex 24)
    pw_alice=$(openssl rand -hex 24)
    pw_bob=$(openssl rand -hex 24)
    as_user "$user" "$dir" "${psql_su[@]}" -d postgres >>"$dir/setup.log" 2>&1 <<EOF
SET log_statement = 'none';
SET log_min_error_statement = 'panic';
SET log_min_duration_statement = -1;
SET pg_stat_statements.track_utility = off;
CREATE ROLE neon_todo_owner LOGIN CREATEDB NOSUPERUSER PASSWORD '$pw_owner';
CREATE ROLE neon_todo_alice LOGIN PASSWORD '$pw_alice';
CREATE ROLE neon_todo_bob LOGIN PASSWORD '$pw_bob';
CREATE DATABASE $DB_NAME OWNER neon_todo_owner;
CREATE EXTENSION pg_stat_statements;
GRANT pg_read_all_stats TO neon_todo_owner;
GRANT EXECUTE ON FUNCTION pg_stat_statements_reset(oid, oid, bigint) TO neon_todo_owner;
SELECT pg_stat_statements_reset();
EOF

    local pooler_port
    pooler_port=$(start_pooler "$dir" "$user" "$port" "${psql_su[@]}")

    # The env file: written 0600 in one go (temp file + rename). Clients use Neon-style host names
    # with hostaddr=127.0.0.1, so verify-full checks the name without DNS. PgBouncer (1.18) does not
    # offer SCRAM channel binding, so the pooled URLs ask for it only when offered (Neon's own
    # pooler sits behind its proxy, which does).
    local q="hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert=$dir/ca.crt"
    local pq="$q&channel_binding=prefer"
    local direct=$NEON_HOST:$port pooled=$NEON_POOLER_HOST:$pooler_port
    local tmp_env
    tmp_env=$(umask 077 && mktemp "$state/.env.XXXXXX")
    cat >"$tmp_env" <<EOF
NEON_TODO_TEST_PG_URL=postgresql://neon_todo_owner:$pw_owner@$direct/$DB_NAME?$q
NEON_TODO_TEST_PG_ALICE_URL=postgresql://neon_todo_alice:$pw_alice@$direct/$DB_NAME?$q
NEON_TODO_TEST_PG_BOB_URL=postgresql://neon_todo_bob:$pw_bob@$direct/$DB_NAME?$q
NEON_TODO_TEST_POOLER_URL=postgresql://neon_todo_owner:$pw_owner@$pooled/$DB_NAME?$pq
NEON_TODO_TEST_POOLER_ALICE_URL=postgresql://neon_todo_alice:$pw_alice@$pooled/$DB_NAME?$pq
NEON_TODO_TEST_POOLER_BOB_URL=postgresql://neon_todo_bob:$pw_bob@$pooled/$DB_NAME?$pq
NEON_TODO_TEST_POOLER_PORT=$pooler_port
NEON_TODO_TEST_PG_PORT=$port
NEON_TODO_TEST_PG_DIR=$dir
NEON_TODO_TEST_PG_DATADIR=$datadir
NEON_TODO_TEST_PG_CA=$dir/ca.crt
NEON_TODO_TEST_PG_BINDIR=$PG_BINDIR
NEON_TODO_TEST_PG_SOCKETDIR=$dir
EOF
    chmod 0600 "$tmp_env"
    mv -f -- "$tmp_env" "$state/env"

    trap - EXIT
    START_DIR=""
    echo "test stack: PostgreSQL $version on 127.0.0.1:$port (TLS, SCRAM), PgBouncer (transaction mode) on 127.0.0.1:$pooler_port, state in $state/env"
}

cmd_psql() {
    local state=$1
    shift
    [[ -f $state/env ]] || die "no test stack for $state (run: pg-test-stack.sh start $state)"
    load_env "$state"
    local datadir=${STACK[NEON_TODO_TEST_PG_DATADIR]} dir=${STACK[NEON_TODO_TEST_PG_DIR]}
    [[ -d $datadir ]] || die "the test stack of $state is gone (its folder $dir no longer exists)"
    local owner
    owner=$(stat -c %U "$datadir")
    as_user "$owner" "$dir" env PGDATABASE="$DB_NAME" "$PG_BINDIR/psql" \
        -h "${STACK[NEON_TODO_TEST_PG_SOCKETDIR]}" -p "${STACK[NEON_TODO_TEST_PG_PORT]}" -U "$owner" "$@"
}

# run: stack up, command, stack down (always), command's exit status.
RUN_STATE=""
run_cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $RUN_STATE ]]; then
        "$SELF" stop "$RUN_STATE" >/dev/null 2>&1 || true
        rm -rf -- "$RUN_STATE"
    fi
    exit "$rc"
}

cmd_run() {
    [[ ${1:-} == -- ]] && shift
    (($# > 0)) || die "run needs a command: pg-test-stack.sh run -- COMMAND [ARGS...]"
    check_tools
    trap run_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    RUN_STATE=$(mktemp -d /tmp/neon-todo-stack.XXXXXX)
    "$SELF" start "$RUN_STATE" >&2 # keep the command's stdout its own
    load_env "$RUN_STATE"
    local key
    for key in "${!STACK[@]}"; do export "$key=${STACK[$key]}"; done
    export NEON_TODO_TEST_STACK_DIR="$RUN_STATE"
    local rc=0
    "$@" || rc=$?
    exit "$rc"
}

# STATE_DIR as an absolute path (it need not exist yet).
state_arg() {
    [[ -n ${1:-} ]] || { usage >&2; exit 1; }
    readlink -m -- "$1"
}

main() {
    local cmd=${1:-}
    (($# > 0)) && shift
    case $cmd in
        start) local s; s=$(state_arg "${1:-}"); cmd_start "$s" ;;
        stop) local s; s=$(state_arg "${1:-}"); cmd_stop "$s" ;;
        psql) local s; s=$(state_arg "${1:-}"); shift; cmd_psql "$s" "$@" ;;
        run) cmd_run "$@" ;;
        -h | --help | help) usage ;;
        *) usage >&2; exit 1 ;;
    esac
}

main "$@"
