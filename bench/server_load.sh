#!/usr/bin/env bash
# The 1,200-peer load run of docs/PERFORMANCE.md ("Server under load"), with the
# data disk's fdatasync p99 measured in the same run as the floor.
# usage: bench/server_load.sh [BUILD_DIR] [RUNS] [GAMES]
#   BUILD_DIR  holds bin/gb-server and bin/gb (default build); a build configured
#              with -DGB_BENCH_NULL_CIPHER=ON gives the figure without encryption
#   RUNS       how many runs (default 3); GAMES games of 6 clients (default 200)
# GB_LOAD_RT=1 runs the server and the generator under SCHED_FIFO (chrt, needs
# root), so that other work on a shared machine does not take their cores.
# GB_LOAD_TMP=DIR puts the data directory under DIR (default /var/tmp): /dev/shm
# takes the disk out, to compare two builds' CPU cost on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rt=()
if [ "${GB_LOAD_RT:-0}" = 1 ]; then rt=(chrt -f 50); fi
runs=${2:-3}
games=${3:-200}
port=17800
data=$(mktemp -d "${GB_LOAD_TMP:-/var/tmp}/gb-load.XXXXXX")
# The generator pins each run's new server key: keep its known_hosts out of the user's.
export XDG_DATA_HOME="$data.home"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data" "$data.home"' EXIT
echo "== $build, $games games x 6 clients, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
build/bin/gb_disk_bench --dir "$data" --count 1000
for run in $(seq 1 "$runs"); do
  rm -rf "$data"/* "$data.home"
  "${rt[@]}" "$build"/bin/gb-server --port "$port" --data "$data" --peers-per-address 4000 >"$data.log" 2>&1 &
  server=$!
  sleep 1
  "${rt[@]}" "$build"/bin/gb load --server 127.0.0.1:$port --data "$data" --games "$games" --clients-per-game 6 \
    --seconds 10 --rate 1 --one-host | grep -E "latency|p99|errors|inside" || true
  kill "$server"; wait "$server" 2>/dev/null || true
  echo "-- run $run done, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -f "$data.log"
