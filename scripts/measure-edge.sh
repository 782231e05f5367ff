#!/usr/bin/env bash
# Measures each app's edge distribution as an edge box would run it: archive size, time from launch to ready
# (/q/health/ready UP) at the first start of a freshly unpacked archive with a fresh home folder (that run also records
# the JVM's class-data cache) and at the second start, RSS when idle, RSS after 1,000 requests at 4 connections (the
# suite: 1,000 on each of its four APIs), and how many files the runs wrote to the home folder. With --baseline, the
# same for `java -jar <app>/target/quarkus-app/quarkus-run.jar` with the JVM's defaults first, in the same run. With
# --native, the same again for the app's native edge archive (`./mvnw package -Pnative`, README "Native executables"),
# and whether both archives give the same answers on the testdata: the classifier's top-1 label and the captioner's
# caption and boxes' labels on every image, the summarizer's chosen sentences of every article.
# Prints a Markdown table.
#
#   ./mvnw install -DskipTests -Pedge && scripts/measure-edge.sh [--baseline] [--native] [app ...]
#   (default apps: classifier captioner summarizer translator apps)
#
# With --steps <app>, what each part of the edge set-up gains: the median ready time of three starts (after one that
# records the class-data cache) for the plain `java -jar`, then the archive's launcher without class-data cache and
# with the optimising JIT, with the cache, with the quick JIT only (the shipped options), and on JDK 25 ($JDK25, default
# /usr/lib/jvm/temurin-25-jdk-amd64) with its AOT cache.
#
# Needs curl; model files come from LANTERN_MODELS_DIR (default ../shared/models). JAVA_HOME picks the JVM that the
# launcher runs (e.g. /usr/lib/jvm/temurin-25-jdk-amd64 for the JDK's AOT cache; the rows name it); JAVA_OPTS is
# passed to it. The baseline always runs the `java` on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
models=${LANTERN_MODELS_DIR:-$(cd ../shared/models && pwd)}
testdata=$(cd "$models/../testdata" && pwd)
baseline=false steps=false native=false
if [ "${1:-}" = --baseline ]; then baseline=true; shift; fi
if [ "${1:-}" = --native ]; then native=true; shift; fi
if [ "${1:-}" = --steps ]; then steps=true; shift; fi
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(classifier captioner summarizer translator apps)
port=18090
work=$(mktemp -d)
pid=0
trap '[ "$pid" -gt 0 ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

start() { # start <app> <dist folder, or "baseline"> <home>: launches, waits until ready; sets pid and ready_ms
  local app=$1 dist=$2 home=$3 t0
  t0=$(now_ms)
  if [ "$dist" = baseline ]; then
    HOME=$home LANTERN_MODELS_DIR=$models LANTERN_OFFLINE=true DJL_OFFLINE=true OPT_OUT_TRACKING=true \
      QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$port \
      java -Duser.home="$home" -Djava.io.tmpdir="$home/tmp" -jar "$repo/$app/target/quarkus-app/quarkus-run.jar" > "$work/$app.log" 2>&1 &
  else
    HOME=$home JAVA_OPTS="${JAVA_OPTS:-} -Duser.home=$home -Djava.io.tmpdir=$home/tmp" LANTERN_MODELS_DIR=$models LANTERN_OFFLINE=true \
      QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$port "$dist/bin/lantern-$app" > "$work/$app.log" 2>&1 &
  fi
  pid=$!
  until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
    kill -0 $pid 2>/dev/null || { echo "$app did not start; see its log:" >&2; tail -20 "$work/$app.log" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( $(now_ms) - t0 ))
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=0; }

request() { # request <app> <n>: the n-th typical request of <app>; the suite takes its four APIs in turn
  local api=$1
  [ "$api" = apps ] && api=$(( $2 % 4 ))
  case $api in
    classifier|0) curl -sf -o /dev/null -H 'Content-Type: image/jpeg' \
        --data-binary @"$testdata/images/n04065272_recreational_vehicle.JPEG" "http://127.0.0.1:$port/api/classify" ;;
    captioner|1) curl -sf -o /dev/null -H 'Content-Type: image/jpeg' \
        --data-binary @"$testdata/images/n03793489_mouse.JPEG" "http://127.0.0.1:$port/api/caption" ;;
    summarizer|2) curl -sf -o /dev/null -H 'Content-Type: text/plain' \
        --data-binary @"$testdata/texts/article-3.txt" "http://127.0.0.1:$port/api/summarize" ;;
    translator|3) curl -sf -o /dev/null -H 'Content-Type: application/json' \
        -d '{"text": "Two dogs are playing in the snow.", "source": "en", "target": "de"}' \
        "http://127.0.0.1:$port/api/translate" ;;
  esac
}
export -f request
export testdata port

answers() { # answers <app> <file>: the running app's answer to each testdata input, one "input answer" a line: the
  # classifier's labels (top 5, most probable first), the captioner's caption and the labels of its boxes and tags,
  # the summarizer's chosen sentences
  local app=$1 input api
  case $app in
    classifier|captioner)
      api=classify; [ "$app" = captioner ] && api=caption
      for input in "$testdata"/images/*.JPEG; do
        printf '%s %s\n' "$(basename "$input")" "$(curl -sf -H 'Content-Type: image/jpeg' --data-binary @"$input" \
          "http://127.0.0.1:$port/api/$api" | grep -o '"caption":"[^"]*"\|"label":"[^"]*"' | tr '\n' ' ')"
      done ;;
    summarizer)
      for input in "$testdata"/texts/article-[0-9].txt; do
        printf '%s %s\n' "$(basename "$input")" "$(curl -sf -H 'Content-Type: text/plain' --data-binary @"$input" \
          "http://127.0.0.1:$port/api/summarize" | grep -o '"index":[0-9]*' | tr '\n' ' ')"
      done ;;
  esac > "$2"
}

measure() { # measure <label> <app> <dist folder, or "baseline"> <size MB>: one table row
  local label=$1 app=$2 dist=$3 size=$4 home="$work/home" requests=1000 first second idle loaded t0 seconds
  [ "$app" = apps ] && requests=4000
  mkdir -p "$home/tmp"
  start "$app" "$dist" "$home"; first=$ready_ms; stop
  start "$app" "$dist" "$home"; second=$ready_ms
  sleep 2; idle=$(rss_mb $pid)
  t0=$(now_ms)
  seq $requests | xargs -P 4 -I{} bash -c "request $app {}"
  seconds=$(( $(now_ms) - t0 ))
  loaded=$(rss_mb $pid)
  answers "$app" "$work/answers-${label//[^a-zA-Z0-9]/_}"
  stop
  awk -v label="$label" -v size="$size" -v first="$first" -v second="$second" -v idle="$idle" -v loaded="$loaded" \
    -v rate="$(( requests * 1000 / seconds ))" -v home="$(find "$home" -type f | wc -l)" \
    'BEGIN { printf "| %s | %d | %.2f | %.2f | %d | %d | %d | %d |\n", label, size, first / 1000, second / 1000, idle, loaded,
      rate, home }'
  rm -rf "$home"
}

ready_median() { # ready_median <app> <dist or "baseline"> <home>: one start to record caches, then the median of three
  local times=() i
  for i in 0 1 2 3; do
    start "$1" "$2" "$3"; stop
    [ $i -gt 0 ] && times+=("$ready_ms")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

if $steps; then
  app=${apps[0]}
  mkdir -p "$work/$app" "$work/home"
  tar -C "$work/$app" -xzf "$(ls "$app"/target/lantern-"$app"-*.tar.gz)"
  dist=$(ls -d "$work/$app"/lantern-"$app"-*/)
  echo "| $app: start-up step | ready (s), median of 3 |"
  echo "|---|---:|"
  row() { awk -v step="$1" -v ms="$2" 'BEGIN { printf "| %s | %.2f |\n", step, ms / 1000 }'; }
  row "java -jar quarkus-app, JVM defaults" "$(ready_median "$app" baseline "$work/home")"
  row "edge launcher (natives unpacked, engines loaded beside the boot, heap options), no class-data cache, optimising JIT" \
    "$(LANTERN_CLASS_DATA_CACHE='' JAVA_OPTS=-XX:TieredStopAtLevel=4 ready_median "$app" "$dist" "$work/home")"
  row "+ class-data cache (JDK 17 dynamic AppCDS)" "$(JAVA_OPTS=-XX:TieredStopAtLevel=4 ready_median "$app" "$dist" "$work/home")"
  row "+ quick JIT only: the shipped launcher" "$(ready_median "$app" "$dist" "$work/home")"
  row "the shipped launcher on JDK 25, with its AOT cache" \
    "$(JAVA_HOME=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64} ready_median "$app" "$dist" "$work/home")"
  exit 0
fi

jdk=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
echo "| app | size MB | ready, first start (s) | ready, second start (s) | RSS idle MB | RSS after load MB |" \
  "requests/s at 4 connections | files written to home or temp |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for app in "${apps[@]}"; do
  if $baseline; then
    measure "$app, java -jar quarkus-app" "$app" baseline "$(du -sm "$app/target/quarkus-app" | cut -f1)"
  fi
  archive=$(ls "$app"/target/lantern-"$app"-[0-9]*.tar.gz)
  mkdir -p "$work/$app"
  tar -C "$work/$app" -xzf "$archive"
  measure "$app, edge archive, JDK $jdk" "$app" "$(ls -d "$work/$app"/lantern-"$app"-*/)" "$(du -m "$archive" | cut -f1)"
  rm -rf "${work:?}/$app"
  if $native; then
    archive=$(ls "$app"/target/lantern-"$app"-native-*.tar.gz)
    mkdir -p "$work/$app"
    tar -C "$work/$app" -xzf "$archive"
    measure "$app, native edge archive" "$app" "$(ls -d "$work/$app"/lantern-"$app"-*-native/)" "$(du -m "$archive" | cut -f1)"
    rm -rf "${work:?}/$app"
  fi
done
if $native; then
  echo
  for app in "${apps[@]}"; do
    jvm=$(ls "$work"/answers-"$app"__edge_archive*)
    native_answers=$work/answers-${app}__native_edge_archive
    [ -e "$native_answers" ] || continue
    echo "$app: the JVM and the native archive gave the same answer on $(comm -12 <(sort "$jvm") <(sort "$native_answers") \
      | wc -l) of $(wc -l < "$jvm") testdata inputs"
    diff "$jvm" "$native_answers" >&2 || true
  done
fi
