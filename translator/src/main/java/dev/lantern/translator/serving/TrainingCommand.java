package dev.lantern.translator.serving;

import dev.lantern.translator.LanguagePair;
import dev.lantern.translator.TranslatorConfig;

/**
 * How to make a missing model, as the 503 answer and the languages list tell it: the command of translator/TRAINING.md
 * for the pair, and where its output goes.
 */
public final class TrainingCommand {

    private TrainingCommand() {}

    /** The exact training command for {@code pair}, run from {@code translator/} after the build of TRAINING.md. */
    public static String of(LanguagePair pair) {
        // every direction shares the vocabulary of the shipped en-de model (TRAINING.md)
        String vocabulary = pair.id().equals("en-de") ? ""
                : " --vocabulary src/main/resources/" + TranslatorConfig.CLASSPATH_FOLDER + "en-de/bpe.txt";
        String other = pair.source().equals("en") ? pair.target() : pair.source();
        String tatoeba = switch (other) {
            case "de" -> " --tatoeba ../../shared/data/tatoeba/eng-deu-50k.tsv";
            case "fr" -> " --tatoeba ../../shared/data/tatoeba/eng-fra-18k.tsv";
            default -> "";
        };
        return "nice java -Dai.djl.offline=true -cp $CP dev.lantern.translator.training.TrainTranslator"
                + " --source " + pair.source() + " --target " + pair.target()
                + " --output target/translator-" + pair.id() + vocabulary + tatoeba
                + " --model-dim 256 --heads 4 --encoder-layers 3 --decoder-layers 3 --ffn 1024 --dropout 0.3"
                + " --max-tokens 4096 --lr 0.0015 --warmup 400 --schedule cosine --epochs 30 --label-smoothing 0.1"
                + " --time-limit-minutes 115 --threads 2";
    }

    /**
     * What a user is told (the 503 answer, the languages list): what is missing and where to look. The command
     * itself is for the operator's log and TRAINING.md, not for a page.
     */
    public static String advice(LanguagePair pair, String missing) {
        return "No " + pair.id() + " translation model is installed (" + missing + "). Lantern trains its own:"
                + " translator/TRAINING.md tells how; then set lantern.translator.models.\"" + pair.id()
                + "\".dir to the model folder.";
    }

    /** The operator's version: the exact command and where its output goes. */
    public static String recipe(LanguagePair pair) {
        return "To make the " + pair.id() + " model, run in translator/ (see TRAINING.md): " + of(pair)
                + " ; then copy target/translator-" + pair.id() + "/model/ to translator/src/main/resources/"
                + TranslatorConfig.CLASSPATH_FOLDER + pair.id() + "/ and rebuild, or set lantern.translator.models.\""
                + pair.id() + "\".dir to that folder.";
    }
}
