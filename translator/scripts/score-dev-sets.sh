#!/usr/bin/env bash
# Scores a model folder on each dev set of a corpus folder, translating as the app does (beam 4, length penalty 1.0,
# no repeated 3-grams), and prints one Markdown row: corpus BLEU on Tatoeba dev, FLORES dev and Multi30k val.
#
#   scripts/score-dev-sets.sh MODEL_DIR CORPUS_DIR SOURCE TARGET [THREADS]
#
# Run from translator/ after the build steps in TRAINING.md (target/classes, target/cp.txt). CORPUS_DIR is a folder
# that make-corpus.py wrote (dev-{tatoeba,flores,multi30k}.<lang>.gz); SOURCE and TARGET are language codes.
set -euo pipefail
if [[ $# -lt 4 ]]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
model=$1 corpus=$2 source=$3 target=$4 threads=${5:-1}
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$PWD/../target/djl-cache} ENGINE_CACHE_DIR=${ENGINE_CACHE_DIR:-$PWD/../target/djl-cache}
cp="target/classes:$(cat target/cp.txt)"
row="| $model |"
for set in tatoeba flores multi30k; do
  line=$(java -Dai.djl.offline=true -cp "$cp" dev.lantern.translator.training.EvaluateTranslator "$model" \
      "$corpus/dev-$set.$source.gz" "$corpus/dev-$set.$target.gz" 4 1.0 - "$threads" 3 2>/dev/null | grep '^BLEU')
  row+=" $(awk '{print $3}' <<<"$line") |"
done
echo "| model | Tatoeba dev | FLORES dev | Multi30k val |"
echo "|---|---|---|---|"
echo "$row"
