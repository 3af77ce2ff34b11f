#!/usr/bin/env bash
# The world thread's CPU per command under load: starts the server on a fresh data directory, runs an
# unmeasured loadgen round (the JIT warm-up), then a measured one, and divides the world thread's CPU time
# (/proc/PID/task/TID/stat) by the commands the server counted (backline_commands_total).
#
#   tools/scripts/command-cost.sh PLAYERS DURATION [WARMUP]      e.g. 100 30s 120s
# Set JFR=/tmp/x.jfr to also record the measured round with JFR.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
players=${1:?usage: command-cost.sh PLAYERS DURATION [WARMUP]}
duration=${2:?usage: command-cost.sh PLAYERS DURATION [WARMUP]}
warm=${3:-120s}
port=18090
cd "$ROOT"
data=$(mktemp -d /tmp/backline-command-cost-XXXX)
log=$data.log
BACKLINE_DATA_DIR=$data BACKLINE_PORT=$port BACKLINE_DEV=0 BACKLINE_HASH_MEMORY_KIB=256 \
  BACKLINE_ADDRESS_COMMANDS_PER_SECOND=1000000 BACKLINE_CHAT_BURST=100000 BACKLINE_CHAT_PER_MINUTE=1000000 \
  BACKLINE_LOG_COMMANDS=false ./backline start >"$log" 2>&1 &
until grep -q "Backline is up" "$log"; do sleep 0.2; done
pid=$(pgrep -n -f dev.backline.server.Main)
tid=$(for t in /proc/$pid/task/*; do if [[ "$(cat "$t/comm")" == world ]]; then basename "$t"; fi; done)
ticks() { awk '{print $14 + $15}' "$1"; }
commands() { curl -s "localhost:$port/metrics" | awk '/^backline_commands_total/ {print $2}'; }
./backline loadgen --url "http://127.0.0.1:$port" --players "$players" --rate 2 --duration "$warm" --quiet --run-id warm >/dev/null
if [[ -n "${JFR:-}" ]]; then
  "$(dirname "$(readlink -f /proc/$pid/exe)")/jcmd" "$pid" JFR.start duration=60s filename="$JFR" settings=profile >/dev/null || true
fi
w0=$(ticks "/proc/$pid/task/$tid/stat"); n0=$(commands)
./backline loadgen --url "http://127.0.0.1:$port" --players "$players" --rate 2 --duration "$duration" --quiet --run-id meas
w1=$(ticks "/proc/$pid/task/$tid/stat"); n1=$(commands)
echo "commands: $(echo "$n1 - $n0" | bc), world thread CPU: $(echo "($w1 - $w0) * 10" | bc) ms," \
  "per command: $(echo "scale=1; ($w1 - $w0) * 10000 / ($n1 - $n0)" | bc) µs"
kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
rm -rf "$data" "$log"
