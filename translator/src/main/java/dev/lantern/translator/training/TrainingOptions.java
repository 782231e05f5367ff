package dev.lantern.translator.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Settings of a training run, from {@code --name value} arguments; every one has a default. */
public record TrainingOptions(
        Path data, String source, String target, Path output, Path tatoeba, String vocabularyLanguages,
        int vocabularySize, Path vocabulary,
        int modelDim, int heads, int encoderLayers, int decoderLayers, int feedForwardDim, float dropout,
        int maxPositions, int maxTrainLength,
        int maxTokens, float learningRate, int warmupSteps, String schedule, float labelSmoothing, float clipNorm,
        int epochs,
        double timeLimitMinutes, int logEvery, double checkpointMinutes, int validationBeam, int validationLimit,
        int threads, String device, long seed, int trainLimit, int keepEpochs, Path initializeFrom) {

    static final String USAGE = """
            TrainTranslator --source en --target de [--name value ...]
              --data DIR              line-aligned {train,val}.{lang}.gz (default: shared/data/multi30k beside
                                      the repository, from the repository root or a module folder)
              --output DIR            checkpoints, best model, log (default target/translator-<src>-<tgt>)
              --tatoeba FILE          also train on an English<TAB>other file (e.g. eng-deu-50k.tsv), all but
                                      every 50th pair, which is held out and scored after each epoch
              --initialize-from DIR   start from this model folder's weights and vocabulary (same shape)
              --vocabulary FILE       use this BPE vocabulary instead of training one
              --vocabulary-languages  languages whose train text trains the joint BPE (default en,de,fr)
              --vocabulary-size N     BPE tokens in all (default 8000)
              --model-dim 256 --heads 4 --encoder-layers 3 --decoder-layers 3 --ffn 1024 --dropout 0.1
              --max-positions 128     longest sequence the model accepts (tokens)
              --max-train-length 100  drop training pairs with a longer side (tokens)
              --max-tokens 4096       padded tokens per batch (rows x longest side)
              --lr 0.001 --warmup 1000 --schedule inverse-sqrt|cosine --label-smoothing 0.1
              --clip-norm 1.0         scale gradients down to this global L2 norm (0 = off)
              --epochs 30             stop after this many epochs
              --time-limit-minutes M  or after M minutes (then validate and stop), 0 = none
              --log-every 50 --checkpoint-minutes 10
              --validation-beam 1     beam size of the per-epoch BLEU (1 = greedy)
              --validation-limit N    validate on the first N val pairs (default all)
              --train-limit N         train on the first N pairs only (smoke tests)
              --keep-epochs N         keep the weights of the last N epochs in last/epochs for averaging
              --threads N             PyTorch intra-op threads on CPU (default: all cores)
              --device auto|cpu|gpu --seed 1
            """;

    public static TrainingOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'\n" + USAGE);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        Args a = new Args(values);
        String source = a.text("source", "en");
        String target = a.text("target", "de");
        TrainingOptions options = new TrainingOptions(
                Path.of(a.text("data", defaultData())), source, target,
                Path.of(a.text("output", "target/translator-" + source + "-" + target)),
                a.has("tatoeba") ? Path.of(a.text("tatoeba", null)) : null,
                a.text("vocabulary-languages", "en,de,fr"), a.integer("vocabulary-size", 8000),
                a.has("vocabulary") ? Path.of(a.text("vocabulary", null)) : null,
                a.integer("model-dim", 256), a.integer("heads", 4), a.integer("encoder-layers", 3),
                a.integer("decoder-layers", 3), a.integer("ffn", 1024), a.decimal("dropout", 0.1f),
                a.integer("max-positions", 128), a.integer("max-train-length", 100),
                a.integer("max-tokens", 4096), a.decimal("lr", 1e-3f), a.integer("warmup", 1000),
                a.text("schedule", "inverse-sqrt"), a.decimal("label-smoothing", 0.1f), a.decimal("clip-norm", 1f),
                a.integer("epochs", 30),
                a.decimal("time-limit-minutes", 0), a.integer("log-every", 50), a.decimal("checkpoint-minutes", 10),
                a.integer("validation-beam", 1), a.integer("validation-limit", Integer.MAX_VALUE),
                a.integer("threads", Runtime.getRuntime().availableProcessors()), a.text("device", "auto"),
                a.integer("seed", 1), a.integer("train-limit", Integer.MAX_VALUE), a.integer("keep-epochs", 0),
                a.has("initialize-from") ? Path.of(a.text("initialize-from", null)) : null);
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + values.keySet() + "\n" + USAGE);
        }
        if (!options.schedule.equals("inverse-sqrt") && !options.schedule.equals("cosine")) {
            throw new IllegalArgumentException("--schedule must be inverse-sqrt or cosine");
        }
        return options;
    }

    private static String defaultData() {
        for (String candidate : new String[] {"../shared/data/multi30k", "../../shared/data/multi30k"}) {
            if (Files.isDirectory(Path.of(candidate))) {
                return candidate;
            }
        }
        return "../shared/data/multi30k";
    }

    /** Takes values out of the map as they are read, so that what is left over is unknown. */
    private record Args(Map<String, String> values) {
        boolean has(String key) {
            return values.containsKey(key);
        }

        String text(String key, String fallback) {
            String value = values.remove(key);
            return value == null ? fallback : value;
        }

        int integer(String key, int fallback) {
            String value = values.remove(key);
            return value == null ? fallback : Integer.parseInt(value);
        }

        float decimal(String key, float fallback) {
            String value = values.remove(key);
            return value == null ? fallback : Float.parseFloat(value);
        }
    }
}
