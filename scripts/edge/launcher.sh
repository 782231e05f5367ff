#!/bin/sh
# Starts Lantern @APP@ on this box. JVM options come from conf/jvm.options, then JAVA_OPTS (a later one wins, e.g.
# JAVA_OPTS=-Xmx512m); settings from the environment (QUARKUS_HTTP_PORT=9000) or -D options in JAVA_OPTS. The java
# used is $JAVA_HOME/bin/java, else the one on the PATH (17 or newer). See README.txt.
set -eu
app_home=$(cd "$(dirname "$0")/.." && pwd -P)
java=java
[ -n "${JAVA_HOME:-}" ] && java=$JAVA_HOME/bin/java

# The JVM's class-data cache: recorded by the first run with this exact JDK (written when it stops), used by the
# later ones. JDK 25+: AOT cache (classes loaded and linked, method profiles); 19-24: dynamic AppCDS archive, made
# automatically; 17-18: dynamic AppCDS archive, recorded at exit. It lives in cache/, or in the folder named by
# LANTERN_CLASS_DATA_CACHE (empty: none); a run that cannot write there just starts slower.
java_release=$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")/release
java_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$java_release" 2>/dev/null || true)
class_data_dir=${LANTERN_CLASS_DATA_CACHE-$app_home/cache}
class_data=
if [ -n "$java_version" ] && [ -n "$class_data_dir" ] && [ -w "$class_data_dir" ]; then
  cache=$class_data_dir/@APP@-jdk-$java_version
  quiet="-Xlog:cds=off -Xlog:cds+dynamic=off" # a stale cache is just not used; no need to say so
  case ${java_version%%.*} in
    17|18) if [ -f "$cache.jsa" ]; then class_data="-XX:SharedArchiveFile=$cache.jsa $quiet"
           else class_data="-XX:ArchiveClassesAtExit=$cache.jsa $quiet"; fi ;;
    19|2[0-4]) class_data="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$cache.jsa $quiet" ;;
    *) if [ -f "$cache.aot" ]; then class_data="-XX:AOTCache=$cache.aot -Xlog:aot=off $quiet"
       else class_data="-XX:AOTCacheOutput=$cache.aot -Xlog:aot=off $quiet"; fi ;;
  esac
fi

# The natives were unpacked at build time; these tell each library where they are.
export ENGINE_CACHE_DIR="$app_home/natives"
export LANTERN_MODELS_CACHE="${LANTERN_MODELS_CACHE:-$app_home/models}"
# glibc's per-thread malloc arenas hold freed native memory of the engines' threads: two arenas keep RSS flat.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

options=$(sed -e 's/#.*//' "$app_home/conf/jvm.options" | tr '\n' ' ')
# shellcheck disable=SC2086 # options are lists of words
exec "$java" $options $class_data \
  -DENGINE_CACHE_DIR="$app_home/natives" \
  -Donnxruntime.native.path="$app_home/natives/onnxruntime" \
  -Dorg.bytedeco.javacpp.cachedir="$app_home/natives/javacpp" \
  -Djna.boot.library.path="$app_home/natives/jna" -Djna.nounpack=true -Djna.tmpdir="$app_home/natives/jna" \
  ${JAVA_OPTS:-} -jar "$app_home/app/quarkus-run.jar" "$@"
