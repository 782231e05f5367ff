#!/usr/bin/env bash
# Builds an app's edge distribution, <app>/target/lantern-<app>-<version>-<platform>.tar.gz, from the Quarkus app that
# `package` has just built in <app>/target/edge-build (the aot-jar: see the parent pom, execution
# "edge-app"). Maven runs it (parent pom, execution "edge-distribution");
# by hand:
#
#   scripts/make-distribution.sh <app folder> <version> <platform> <initial heap> <max heap> <young generation>
#
# The archive holds one folder, lantern-<app>-<version>/:
#   bin/lantern-<app>   the launcher (JVM options from conf/jvm.options, class-data cache, natives, model folder)
#   conf/jvm.options    heap and GC for an edge box, one option per line; JAVA_OPTS adds to or overrides them
#   app/                the Quarkus app, its jars without the engines' native libraries...
#   natives/            ...which are unpacked here once, at build time, so no start unpacks anything
#   models/             where the model files are downloaded to (or copied to, offline)
#   cache/              the JVM's class-data cache, recorded by the first run with this JDK
set -euo pipefail
app_dir=$(cd "$1" && pwd)
version=$2
platform=$3
min_heap=$4
max_heap=$5
young_heap=$6
app=$(basename "$app_dir")
name=lantern-$app-$version
work=$app_dir/target/edge
root=$work/$name

rm -rf "$work"
mkdir -p "$root"/{bin,conf,natives,models,cache}
cp -r "$app_dir/target/edge-build" "$root/app"
lib=$root/app/lib/main

# The libraries' own loaders unpack their natives into the folders they are told to use: ENGINE_CACHE_DIR for DJL's
# engines and tokenizers, the JavaCPP cache for libjpeg-turbo.
ENGINE_CACHE_DIR=$root/natives DJL_OFFLINE=true OPT_OUT_TRACKING=true \
  java -Dai.djl.offline=true -DENGINE_CACHE_DIR="$root/natives" -Dorg.bytedeco.javacpp.cachedir="$root/natives/javacpp" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$lib/*:$root/app/lib/boot/*" dev.lantern.shared.engine.NativeLibraries
rm -f "$root/natives/javacpp/.lock"
# ONNX Runtime's loader unpacks to a temporary folder at every start unless onnxruntime.native.path names a folder
# that holds its two libraries.
for jar in "$lib"/com.microsoft.onnxruntime.onnxruntime*.jar; do
  [ -e "$jar" ] || continue
  mkdir -p "$root/natives/onnxruntime"
  unzip -q -j -o "$jar" 'ai/onnxruntime/native/linux-*/*.so' -d "$root/natives/onnxruntime"
  zip -q -d "$jar" 'ai/onnxruntime/native/*.so' > /dev/null
done
# JNA (the native-memory trim, DJL's device check) would unpack its dispatch library at every start into
# ~/.cache/JNA/temp: it is unpacked here once, and the launcher points jna.boot.library.path at it.
case $platform in
  linux-x86_64) jna_platform=linux-x86-64 ;;
  *) jna_platform=$platform ;;
esac
for jar in "$lib"/net.java.dev.jna.jna-*.jar; do
  [ -e "$jar" ] || continue
  mkdir -p "$root/natives/jna"
  unzip -q -j -o "$jar" "com/sun/jna/$jna_platform/libjnidispatch.so" -d "$root/natives/jna"
done
# What DJL unpacked is dropped from the jars: PyTorch's libraries are 440 MB, and DJL finds them in natives/ first.
for jar in "$lib"/ai.djl.pytorch.pytorch-native-*.jar; do
  [ -e "$jar" ] && zip -q -d "$jar" 'pytorch/*.so*' > /dev/null
done
for jar in "$lib"/ai.djl.pytorch.pytorch-jni-*.jar; do
  [ -e "$jar" ] && zip -q -d "$jar" 'jnilib/*' > /dev/null
done
# The tokenizers jar carries its library for five platforms (54 MB); DJL reads only its tokenizers.properties once
# natives/tokenizers holds this platform's copy.
for jar in "$lib"/ai.djl.huggingface.tokenizers-*.jar; do
  [ -e "$jar" ] && zip -q -d "$jar" 'native/lib/*/*' > /dev/null
done

sed -e "s/@APP@/$app/g" "$(dirname "$0")/edge/launcher.sh" > "$root/bin/lantern-$app"
chmod +x "$root/bin/lantern-$app"
sed -e "s/@MIN_HEAP@/$min_heap/g" -e "s/@MAX_HEAP@/$max_heap/g" -e "s/@YOUNG_HEAP@/$young_heap/g" \
  "$(dirname "$0")/edge/jvm.options" > "$root/conf/jvm.options"
sed -e "s/@APP@/$app/g" -e "s/@VERSION@/$version/g" -e "s/@PLATFORM@/$platform/g" \
  "$(dirname "$0")/edge/README.txt" > "$root/README.txt"

tar -C "$work" -czf "$app_dir/target/$name-$platform.tar.gz" "$name"
echo "Edge distribution: $app_dir/target/$name-$platform.tar.gz ($(du -m "$app_dir/target/$name-$platform.tar.gz" | cut -f1) MB;" \
  "$(du -sm "$root" | cut -f1) MB unpacked)"
