#!/usr/bin/env bash
# Builds an app's native edge distribution, <app>/target/lantern-<app>-native-<platform>.tar.gz, from the native
# executable that `package -Pnative` has just built (<app>/target/*-runner). Maven runs it (parent pom, profile
# "native"); by hand:
#
#   scripts/make-native-distribution.sh <app folder> <version> <platform> <max heap> <young generation>
#
# The archive holds one folder, lantern-<app>-<version>-native/:
#   bin/lantern-<app>   the launcher (models folder, heap limit, JAVA_OPTS)
#   lib/                the executable and, beside it, the native libraries it loads from there (ONNX Runtime,
#                       libjpeg-turbo via Leptonica and JavaCPP, the Hugging Face tokenizers, taken from the app's
#                       jars; the JDK's AWT libraries, which native-image put beside the executable): nothing is
#                       unpacked at start
#   models/             where the model files are downloaded to (or copied to, offline)
# The libraries are also put beside target/*-runner, so that the integration tests run the executable as it is.
set -euo pipefail
app_dir=$(cd "$1" && pwd)
version=$2
platform=$3
max_heap=$4
young_heap=$5
app=$(basename "$app_dir")
target=$app_dir/target
runner=$(ls "$target"/*-runner)
jars=$(ls -d "$target"/*-native-image-source-jar/lib)
name=lantern-$app-$version-native
work=$target/edge-native
root=$work/$name

rm -rf "$work"
mkdir -p "$root"/{bin,lib,models}
# The libraries go beside the executable in target/ first, where GraalVM has put the JDK's own (AWT's) already.
# (Quarkus names a jar it has filtered modified-<name>.jar.)
for jar in "$jars"/*com.microsoft.onnxruntime.onnxruntime*.jar; do
  [ -e "$jar" ] && unzip -q -j -o "$jar" 'ai/onnxruntime/native/linux-*/*.so' -d "$target"
done
for jar in "$jars"/*org.bytedeco.*-linux-*.jar; do
  [ -e "$jar" ] && unzip -q -j -o "$jar" 'org/bytedeco/*/linux-*/lib*.so*' -d "$target"
done
for jar in "$jars"/*ai.djl.huggingface.tokenizers-*.jar; do
  [ -e "$jar" ] && unzip -q -j -o "$jar" "native/lib/$platform/cpu/libtokenizers.so" -d "$target"
done
cp "$target"/lib*.so* "$root/lib/"
# JavaCPP loads libleptonica.so and libgomp.so by their short names, and would otherwise add those links to lib/ at
# the first start
for lib in "$root"/lib/lib*.so.[0-9]*; do
  [ -e "${lib%%.so.*}.so" ] || ln -s "$(basename "$lib")" "${lib%%.so.*}.so"
done
# headless: no X11 window system, no text drawn into images
rm -f "$root"/lib/{libawt_xawt,libfontmanager,libfreetype}.so
cp "$runner" "$root/lib/lantern-$app"

sed -e "s/@APP@/$app/g" -e "s/@MAX_HEAP@/$max_heap/g" -e "s/@YOUNG_HEAP@/$young_heap/g" \
  "$(dirname "$0")/edge-native/launcher.sh" > "$root/bin/lantern-$app"
chmod +x "$root/bin/lantern-$app"
sed -e "s/@APP@/$app/g" -e "s/@VERSION@/$version/g" -e "s/@PLATFORM@/$platform/g" -e "s/@MAX_HEAP@/$max_heap/g" \
  "$(dirname "$0")/edge-native/README.txt" > "$root/README.txt"

archive=$target/lantern-$app-native-$platform.tar.gz
tar -C "$work" -czf "$archive" "$name"
echo "Native edge distribution: $archive ($(du -m "$archive" | cut -f1) MB; $(du -sm "$root" | cut -f1) MB unpacked)"
