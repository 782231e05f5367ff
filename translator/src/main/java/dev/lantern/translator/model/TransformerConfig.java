package dev.lantern.translator.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The shape of a translation Transformer, saved next to its weights so a checkpoint says what it is.
 *
 * @param vocabularySize joint source/target vocabulary; the embedding is shared by encoder, decoder and output
 * @param maxPositions   longest sequence (tokens) either side; the sinusoidal table is this long
 */
public record TransformerConfig(int vocabularySize, int modelDim, int heads, int encoderLayers, int decoderLayers,
        int feedForwardDim, float dropout, int maxPositions) {

    public TransformerConfig {
        if (modelDim % heads != 0) {
            throw new IllegalArgumentException("model dimension " + modelDim + " is not a multiple of " + heads
                    + " heads");
        }
        if (vocabularySize < 5 || encoderLayers < 1 || decoderLayers < 1 || feedForwardDim < 1 || maxPositions < 2) {
            throw new IllegalArgumentException("not a usable Transformer: " + this);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
        }
    }

    public int headDim() {
        return modelDim / heads;
    }

    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("vocabularySize", Integer.toString(vocabularySize));
        p.setProperty("modelDim", Integer.toString(modelDim));
        p.setProperty("heads", Integer.toString(heads));
        p.setProperty("encoderLayers", Integer.toString(encoderLayers));
        p.setProperty("decoderLayers", Integer.toString(decoderLayers));
        p.setProperty("feedForwardDim", Integer.toString(feedForwardDim));
        p.setProperty("dropout", Float.toString(dropout));
        p.setProperty("maxPositions", Integer.toString(maxPositions));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Lantern translation Transformer (pre-norm, shared embeddings, sinusoidal positions)");
        }
    }

    public static TransformerConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            return new TransformerConfig(integer(p, "vocabularySize"), integer(p, "modelDim"), integer(p, "heads"),
                    integer(p, "encoderLayers"), integer(p, "decoderLayers"), integer(p, "feedForwardDim"),
                    Float.parseFloat(p.getProperty("dropout", "0")), integer(p, "maxPositions"));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static int integer(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return Integer.parseInt(value.trim());
    }
}
