#!/usr/bin/env bash
# Measures each packaged app as an edge box would run it: size of <app>/target/quarkus-app, time from launch to ready
# (/q/health/ready UP) with a fresh home folder (first start) and again with that home (second start), RSS when idle,
# and RSS after 1,000 requests at 4 connections. Prints a Markdown table.
#
#   ./mvnw -q install -DskipTests && scripts/measure-edge.sh [app ...]     (default: classifier captioner summarizer translator apps)
#
# Needs curl; model files come from LANTERN_MODELS_DIR (default ../shared/models). JAVA_OPTS is passed to every JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
models=${LANTERN_MODELS_DIR:-$(cd ../shared/models && pwd)}
images=$(cd "$models/../testdata" && pwd)
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(classifier captioner summarizer translator apps)
port=18090
work=$(mktemp -d)
trap '[ "$pid" -gt 0 ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
pid=0

now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

start() { # start <app> <home>: launches, waits until ready; sets pid and ready_ms
  local app=$1 home=$2 t0
  t0=$(now_ms)
  HOME=$home LANTERN_MODELS_DIR=$models LANTERN_OFFLINE=true DJL_OFFLINE=true OPT_OUT_TRACKING=true \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$port \
    java -Duser.home="$home" ${JAVA_OPTS:-} -jar "$repo/$app/target/quarkus-app/quarkus-run.jar" > "$work/$app.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
    kill -0 $pid 2>/dev/null || { echo "$app did not start; see its log:" >&2; tail -20 "$work/$app.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( $(now_ms) - t0 ))
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=0; }

request() { # one typical request of <app>
  case $1 in
    classifier|apps) curl -sf -o /dev/null -H 'Content-Type: image/jpeg' \
        --data-binary @"$images/images/n04065272_recreational_vehicle.JPEG" "http://127.0.0.1:$port/api/classify" ;;
    captioner) curl -sf -o /dev/null -H 'Content-Type: image/jpeg' \
        --data-binary @"$images/images/n03793489_mouse.JPEG" "http://127.0.0.1:$port/api/caption" ;;
    summarizer) curl -sf -o /dev/null -H 'Content-Type: text/plain' \
        --data-binary @"$images/texts/article-3.txt" "http://127.0.0.1:$port/api/summarize" ;;
    translator) curl -sf -o /dev/null -H 'Content-Type: application/json' \
        -d '{"text": "Two dogs are playing in the snow.", "source": "en", "target": "de"}' \
        "http://127.0.0.1:$port/api/translate" ;;
  esac
}
export -f request
export images port

echo "| app | size MB | ready, first start (s) | ready, second start (s) | RSS idle MB | RSS after 1,000 requests MB | home folder after MB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for app in "${apps[@]}"; do
  size=$(du -sm "$app/target/quarkus-app" | cut -f1)
  home="$work/home-$app"; mkdir -p "$home"
  start "$app" "$home"; first=$ready_ms; stop
  start "$app" "$home"; second=$ready_ms
  sleep 2; idle=$(rss_mb $pid)
  seq 1000 | xargs -P 4 -I{} bash -c "request $app"
  loaded=$(rss_mb $pid)
  stop
  awk -v app="$app" -v size="$size" -v first="$first" -v second="$second" -v idle="$idle" -v loaded="$loaded" \
    -v home="$(du -sm "$home" | cut -f1)" \
    'BEGIN { printf "| %s | %d | %.2f | %.2f | %d | %d | %d |\n", app, size, first / 1000, second / 1000, idle, loaded, home }'
done
