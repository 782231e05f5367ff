package dev.lantern.summarizer.translator;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Pre- and post-processing of a sentence-transformer (all-MiniLM-L6-v2): tokenise a chunk of sentences, pad them to
 * the longest into {@code input_ids}, {@code attention_mask} and {@code token_type_ids}; then average each
 * sentence's token vectors over its real tokens (masked mean pooling) and L2-normalise. A chunk is already a batch,
 * so the translator has no batchifier. Arrays are made on the context's manager and freed with each pass.
 */
public final class SentenceEmbeddingTranslator implements Translator<SentenceChunk, Embeddings> {

    private static final String MASK = "mask";

    private final HuggingFaceTokenizer tokenizer;

    public SentenceEmbeddingTranslator(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, SentenceChunk chunk) {
        Encoding[] encodings = tokenizer.batchEncode(chunk.sentences());
        int rows = encodings.length;
        int width = 1;
        for (Encoding e : encodings) {
            width = Math.max(width, e.getIds().length);
        }
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] types = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] rowIds = encodings[r].getIds();
            long[] rowMask = encodings[r].getAttentionMask();
            long[] rowTypes = encodings[r].getTypeIds();
            System.arraycopy(rowIds, 0, ids, r * width, rowIds.length);
            System.arraycopy(rowMask, 0, mask, r * width, rowMask.length);
            System.arraycopy(rowTypes, 0, types, r * width, rowTypes.length);
        }
        ctx.setAttachment(MASK, new PaddingMask(mask, rows, width));
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(rows, width);
        NDArray inputIds = manager.create(ids, shape);
        inputIds.setName("input_ids");
        NDArray attentionMask = manager.create(mask, shape);
        attentionMask.setName("attention_mask");
        NDArray tokenTypes = manager.create(types, shape);
        tokenTypes.setName("token_type_ids");
        return new NDList(inputIds, attentionMask, tokenTypes);
    }

    @Override
    public Embeddings processOutput(TranslatorContext ctx, NDList list) {
        PaddingMask mask = (PaddingMask) ctx.getAttachment(MASK);
        NDArray hidden = list.get(0); // last_hidden_state [rows, width, dim]
        long[] shape = hidden.getShape().getShape();
        if (shape.length != 3 || shape[0] != mask.rows() || shape[1] != mask.width()) {
            throw new IllegalStateException("unexpected embedding output shape " + hidden.getShape());
        }
        return new Embeddings(meanPool(hidden.toFloatArray(), mask, (int) shape[2]));
    }

    /** Masked mean over tokens, then L2 normalisation, in plain Java (ONNX Runtime arrays lack these operations). */
    static float[][] meanPool(float[] hidden, PaddingMask mask, int dim) {
        float[][] out = new float[mask.rows()][dim];
        for (int r = 0; r < mask.rows(); r++) {
            float[] v = out[r];
            int tokens = 0;
            for (int t = 0; t < mask.width(); t++) {
                if (mask.values()[r * mask.width() + t] == 0) {
                    continue;
                }
                tokens++;
                int base = (r * mask.width() + t) * dim;
                for (int d = 0; d < dim; d++) {
                    v[d] += hidden[base + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                v[d] /= Math.max(tokens, 1);
                norm += v[d] * v[d];
            }
            float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < dim; d++) {
                v[d] *= scale;
            }
        }
        return out;
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }

    /** Which token positions are real (1) and which are padding (0), row-major. */
    record PaddingMask(long[] values, int rows, int width) {}
}
