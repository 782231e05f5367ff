#!/usr/bin/env bash
# Prints the GraalVM home that `./mvnw -Pnative` should use (for GRAALVM_HOME), or says why there is none:
#   1. $GRAALVM_HOME, where it holds bin/native-image (a GraalVM or Mandrel 25 of your own);
#   2. else the toolchain beside the checkout, ../shared/toolchains/graalvm-25, assembled once (about 20 s, 370 MB) into
#      $LANTERN_GRAALVM_DIR (default ~/.cache/lantern/graalvm-25).
# Exit status 0: the home is on stdout. 3: no toolchain here, so the native build and its tests are to be skipped
# (a user's clone: install GraalVM or Mandrel 25 and set GRAALVM_HOME).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${GRAALVM_HOME:-}" ] && [ -x "$GRAALVM_HOME/bin/native-image" ]; then
  echo "$GRAALVM_HOME"
  exit 0
fi
toolchain=$repo/../shared/toolchains/graalvm-25
if [ ! -x "$toolchain/assemble.sh" ]; then
  echo "No native-image toolchain: GRAALVM_HOME is not set and $toolchain is absent. To build the native" \
    "executables, install GraalVM or Mandrel for JDK 25 and set GRAALVM_HOME to it." >&2
  exit 3
fi
home=${LANTERN_GRAALVM_DIR:-$HOME/.cache/lantern/graalvm-25}
if [ ! -x "$home/bin/native-image" ]; then
  MVN=${MVN:-$repo/mvnw} "$toolchain/assemble.sh" "$home" >&2
fi
echo "$home"
