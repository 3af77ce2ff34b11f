#!/usr/bin/env bash
# Times second starts of the server: from launch to "Backline is up", with the CPU the process used by then,
# then SIGTERM and wait for the exit. The first run creates the world in DATA if it is new.
#
#   tools/scripts/startup-times.sh DATA [RUNS]            ./backline start (the Graal JIT flags)
#   tools/scripts/startup-times.sh DATA [RUNS] --no-jit [JVM flags...]
#       the server jar without the JIT flags (GraalJS interpreted), e.g. with -XX:AOTCacheOutput=F.aot once,
#       then -XX:AOTCache=F.aot, to measure what the JDK's AOT cache would give (docs/benchmarks.md, start-up)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:?usage: startup-times.sh DATA [RUNS] [--no-jit JVM flags...]}
runs=${2:-3}
shift $(( $# >= 2 ? 2 : 1 ))
mode=jit
if [[ "${1:-}" == --no-jit ]]; then
  mode=no-jit
  shift
fi
cd "$ROOT"
for ((i = 1; i <= runs; i++)); do
  log=$(mktemp /tmp/backline-startup-XXXX.log)
  start=$(date +%s.%N)
  if [[ $mode == jit ]]; then
    BACKLINE_DATA_DIR=$data BACKLINE_PORT=0 ./backline start >"$log" 2>&1 &
  else
    # The jar is what `./backline start` builds: run the JIT mode once first.
    java=${JAVA_HOME:+$JAVA_HOME/bin/java}
    java=${java:-$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)}
    cp="$ROOT/server/target/server-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/server/target/runtime-classpath.txt")"
    BACKLINE_DATA_DIR=$data BACKLINE_PORT=0 "$java" --enable-native-access=ALL-UNNAMED \
      --sun-misc-unsafe-memory-access=allow -Dpolyglot.engine.WarnInterpreterOnly=false "$@" \
      -cp "$cp" dev.backline.server.Main >"$log" 2>&1 &
  fi
  launcher=$!
  until grep -q "Backline is up" "$log"; do
    sleep 0.02
    if ! kill -0 "$launcher" 2>/dev/null; then
      echo "run $i did not start:" >&2
      tail -5 "$log" >&2
      exit 1
    fi
  done
  end=$(date +%s.%N)
  pid=$(pgrep -n -f "dev.backline.server.Main")
  cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$pid/stat")
  printf 'run %d: %.2f s to "Backline is up", %s s of CPU\n' "$i" "$(echo "$end - $start" | bc)" "$cpu"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$log"
done
