#!/usr/bin/env bash
# The systemd unit: `systemd-analyze verify` passes on it (with ExecStart
# pointing at the built gb-server), it has the hardening the issue asks for,
# and the command line it runs, with the shipped environment file's values,
# starts gb-server with its data in the state directory.
# usage: tests/packaging/service.sh GB_SERVER_BINARY
# Exits 77 (skipped) when systemd-analyze is not installed.
set -u
server=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
unit=$root/packaging/systemd/gb-server.service
defaults=$root/packaging/systemd/grand-bargain-server.default
tmp=$(mktemp -d /tmp/gb-service-XXXXXX)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

for want in DynamicUser=yes StateDirectory=grand-bargain ProtectSystem=strict NoNewPrivileges=yes PrivateTmp=yes \
            ProtectHome=yes RestrictAddressFamilies= SystemCallFilter=@system-service \
            EnvironmentFile=-/etc/default/grand-bargain-server "ExecStart=/usr/bin/gb-server "; do
  grep -q "^$want" "$unit" || fail "the unit has no $want"
done

if ! command -v systemd-analyze >/dev/null; then
  echo "SKIPPED: systemd-analyze is not installed (scripts/setup.sh --tests installs systemd)"
  exit 77
fi
sed "s#/usr/bin/gb-server#$server#" "$unit" >"$tmp/gb-server.service"
systemd-analyze verify --man=no "$tmp/gb-server.service" >"$tmp/verify.out" 2>&1 ||
  fail "systemd-analyze verify: $(cat "$tmp/verify.out")"
[ ! -s "$tmp/verify.out" ] || fail "systemd-analyze verify warns: $(cat "$tmp/verify.out")"

grep -q "^GB_PORT=7777$" "$defaults" || fail "the environment file does not set GB_PORT=7777"
grep -q "^GB_BIND=0.0.0.0$" "$defaults" || fail "the environment file does not set GB_BIND=0.0.0.0"
# The command line systemd would run, with the environment file's values (here
# GB_PORT 0, any free port, on loopback only) and the state directory in a
# temporary folder.
exec_line=$(sed -n 's/^ExecStart=//p' "$unit")
state=$tmp/var/lib/grand-bargain
mkdir -p "$state"
(
  set -a
  . "$defaults"
  GB_PORT=0
  GB_BIND=127.0.0.1
  set +a
  cmd=${exec_line//\/var\/lib\/grand-bargain/$state}
  cmd=${cmd//\/usr\/bin\/gb-server/$server}
  eval "exec $cmd"
) >/dev/null 2>"$tmp/server.log" &
pid=$!
for _ in $(seq 100); do grep -q "listening on" "$tmp/server.log" && break; sleep 0.1; done
grep -q "listening on 127.0.0.1:" "$tmp/server.log" || fail "gb-server from the unit's command line: $(cat "$tmp/server.log")"
grep -qF "data in $state" "$tmp/server.log" || fail "not in the state directory: $(cat "$tmp/server.log")"
[ -f "$state/admin.token" ] || fail "no admin.token in the state directory"
echo "ok"
