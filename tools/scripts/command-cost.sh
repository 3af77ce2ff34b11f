#!/usr/bin/env bash
# The world thread's CPU per command under load: starts the server on a fresh data directory, runs an
# unmeasured loadgen round (the JIT warm-up), then a measured one, and divides the world thread's CPU time
# (/proc/PID/task/TID/stat) by the commands the server counted (backline_commands_total).
#
#   tools/scripts/command-cost.sh PLAYERS DURATION [WARMUP]      e.g. 100 30s 120s
# Set JFR=/tmp/x.jfr to also record the first measured round with JFR (60 s from when its players are in). Set
# MIXES="look go:3,say:1" to measure each mix in turn (loadgen --mix) after the one warm-up, instead of the default
# mix; RATE=10 sends 10 commands per second per player in the measured rounds (default 2).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
players=${1:?usage: command-cost.sh PLAYERS DURATION [WARMUP]}
duration=${2:?usage: command-cost.sh PLAYERS DURATION [WARMUP]}
warm=${3:-120s}
port=18090
cd "$ROOT"
if curl -s -o /dev/null "localhost:$port/metrics"; then
  echo "command-cost: something already answers on port $port (a server left from an earlier run?)" >&2
  exit 1
fi
data=$(mktemp -d /tmp/backline-command-cost-XXXX)
log=$data.log
BACKLINE_DATA_DIR=$data BACKLINE_PORT=$port BACKLINE_DEV=0 BACKLINE_HASH_MEMORY_KIB=256 \
  BACKLINE_ADDRESS_COMMANDS_PER_SECOND=1000000 BACKLINE_CHAT_BURST=100000 BACKLINE_CHAT_PER_MINUTE=1000000 \
  BACKLINE_LOG_COMMANDS=false ./backline start >"$log" 2>&1 &
until grep -q "Backline is up" "$log"; do sleep 0.2; done
pid=$(pgrep -n -f dev.backline.server.Main)
trap 'kill -TERM "$pid" 2>/dev/null || true' EXIT
tid=$(for t in /proc/$pid/task/*; do if [[ "$(cat "$t/comm")" == world ]]; then basename "$t"; fi; done)
ticks() { awk '{print $14 + $15}' "$1" 2>/dev/null || echo 0; }  # 0 once the process is gone
commands() { curl -s "localhost:$port/metrics" | awk '/^backline_commands_total/ {print $2}'; }
# Hook names hold spaces ("on roomEnter"); they become '_', so a line is a key and its value.
hooks() {
  curl -s "localhost:$port/metrics" | awk '/^backline_script_(cpu_seconds|calls|allocated_bytes)_total/ { v = $NF; $NF = ""; k = $0; gsub(/ /, "_", k); print k, v }'
}
# The hooks that took the most script CPU between two hooks() listings, with their calls and the heap allocated per call.
top_hooks() {
  { echo "$1" | awk '{print $1, -$2}'; echo "$2"; } |
    awk '{ d[$1] += $2 } END { for (k in d) { split(k, a, "{"); if (k ~ /cpu/) cpu[a[2]] = d[k]; else if (k ~ /allocated/) heap[a[2]] = d[k]; else calls[a[2]] = d[k] }
           for (h in cpu) if (cpu[h] > 0) printf "  %8.1f ms %8d calls %8.1f KB/call  %s\n", cpu[h] * 1000, calls[h], (calls[h] > 0 ? heap[h] / 1024 / calls[h] : 0), h }' | sort -rn | head -8
}
./backline loadgen --url "http://127.0.0.1:$port" --players "$players" --rate 2 --duration "$warm" --quiet --run-id warm >/dev/null || true  # errors under load are not failures here
# JFR records the first measured round from the moment all its players are in, as the figures below do: the
# joins bring a burst of compilation of their own (new code paths, split functions), which would swamp it.
jfr_started=0
start_jfr() {
  if [[ -n "${JFR:-}" ]] && (( ! jfr_started )); then
    jfr_started=1
    "$(dirname "$(readlink -f /proc/$pid/exe)")/jcmd" "$pid" JFR.start duration=60s filename="$JFR" settings=profile >/dev/null || true
  fi
}
# CPU ticks of the compiler threads alive now: Truffle's (the pack's code) and HotSpot's (which compile Graal itself
# too). Compiler threads come and go, so a difference of two readings can be short (even negative) by a dead thread's.
jit() {
  local t sum=0
  for t in /proc/$pid/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in TruffleCompiler* | C1\ CompilerThre* | C2\ CompilerThre*) sum=$((sum + $(ticks "$t/stat"))) ;; esac
  done
  echo "$sum"
}
connected() { curl -s "localhost:$port/metrics" | awk '/^backline_players_connected/ {print int($2)}'; }
round=0
# One loadgen round; the figures cover only its window at full strength (joins and leaves cost the world
# thread too, but are not commands), from all players connected until a second before it stops sending.
measure() {
  local mix=$1 w0 n0 h0 w1 n1 h1 s0 s1 l0 l1 j0 j1 secs lg lgpid answers
  round=$((round + 1))
  secs=${duration%s}
  # The last round's players gone (a saturated round may still be draining its commands).
  for _ in $(seq 3000); do [[ "$(connected)" -eq 0 ]] && break; sleep 0.1; done
  ./backline loadgen --url "http://127.0.0.1:$port" --players "$players" --rate "${RATE:-2}" --duration "$duration" --quiet \
    --run-id "m$round" ${mix:+--mix "$mix"} > "$data.round" 2>&1 &
  lg=$!
  # All players in (a join the server refused, or a loadgen that gave up, ends the wait too).
  for _ in $(seq 1200); do
    [[ "$(connected)" -ge "$players" ]] || ! kill -0 "$lg" 2>/dev/null && break
    sleep 0.1
  done
  lgpid=$(pgrep -n -f dev.backline.tools.loadgen.Loadgen || true)
  [[ -n "$lgpid" ]] || { echo "${mix:-default mix}: the loadgen ended before its players were in"; return; }
  start_jfr
  w0=$(ticks "/proc/$pid/task/$tid/stat"); n0=$(commands); h0=$(hooks)
  s0=$(ticks "/proc/$pid/stat"); l0=$(ticks "/proc/$lgpid/stat"); j0=$(jit)
  sleep $((secs - 1))
  w1=$(ticks "/proc/$pid/task/$tid/stat"); n1=$(commands); h1=$(hooks)
  s1=$(ticks "/proc/$pid/stat"); l1=$(ticks "/proc/$lgpid/stat"); j1=$(jit)
  wait "$lg" || true
  grep -E '^(throughput|errors)' "$data.round" | sed 's/^/  /'
  # Answers in the window, from the loadgen's rate at full strength (pings are not commands the server counts).
  answers=$(awk -v s=$((secs - 1)) '/^throughput/ {printf "%d", $2 * s}' "$data.round")
  if [[ "$(echo "$n1 > $n0" | bc)" == 1 ]]; then
    echo "${mix:-default mix}: commands: $(echo "$n1 - $n0" | bc), world thread CPU: $(echo "($w1 - $w0) * 10" | bc) ms," \
      "per command: $(echo "scale=1; ($w1 - $w0) * 10000 / ($n1 - $n0)" | bc) µs"
  fi
  echo "  per answer (~$answers in the window): server process $(echo "scale=1; ($s1 - $s0) * 10000 / $answers" | bc) µs," \
    "loadgen process $( ((l1 > l0)) && echo "scale=1; ($l1 - $l0) * 10000 / $answers" | bc || echo "(ended before the window did)") µs of CPU;" \
    "the compiler threads took $( ((j1 >= j0)) && echo "$(echo "($j1 - $j0) * 10" | bc) ms" || echo "(unknown: one ended in the window)") of the server's $(echo "($s1 - $s0) * 10" | bc) ms"
  echo "  the pack hooks that took the most CPU:"
  top_hooks "$h0" "$h1"
}
if [[ -n "${MIXES:-}" ]]; then
  for mix in $MIXES; do measure "$mix"; done
else
  measure ""
fi
kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
rm -rf "$data" "$log" "$data.round"
