#!/bin/sh
# Starts Lantern @APP@ (native executable) on this box. Settings come from the environment (QUARKUS_HTTP_PORT=9000)
# or -D options in JAVA_OPTS, as for the JVM archive; -Xmx there overrides the heap limit. No Java is needed.
set -eu
app_home=$(cd "$(dirname "$0")/.." && pwd -P)
export LANTERN_MODELS_CACHE="${LANTERN_MODELS_CACHE:-$app_home/models}"
# glibc's per-thread malloc arenas hold freed native memory of the engines' threads: two arenas keep RSS flat.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# The executable loads ONNX Runtime's and libjpeg-turbo's libraries from its own folder, lib/. Its heap: the JVM
# archive's limit, and the same young generation, which holds the requests in flight.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of words
exec "$app_home/lib/lantern-@APP@" -Xmx@MAX_HEAP@ -Xmn@YOUNG_HEAP@ ${JAVA_OPTS:-} "$@"
