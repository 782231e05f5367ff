package dev.lantern.translator.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.translator.text.BpeTokenizer;
import dev.lantern.translator.text.BpeTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationModelTest {

    private static final List<String> TEXT = List.of("A dog runs on the grass.", "Ein Hund läuft auf dem Gras.",
            "Two children play in the snow.", "Zwei Kinder spielen im Schnee.");

    @Test
    void savesLoadsAndTranslatesInInputOrder(@TempDir Path dir) throws IOException {
        BpeTokenizer tokenizer = new BpeTrainer(300, 1).train(TEXT);
        TransformerConfig config = new TransformerConfig(tokenizer.vocabularySize(), 32, 4, 1, 1, 64, 0.1f, 40);
        List<String> sentences = List.of("Two dogs play.", "A dog.", "Children run on the grass in the snow.");
        SearchOptions beam = new SearchOptions(3, 1.0, 10);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            TranslationTransformer model = new TranslationTransformer(config);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
            TranslationModel original = new TranslationModel(model, tokenizer, manager);
            List<String> expected = original.translate(sentences, beam, 2);
            assertEquals(3, expected.size());
            // batching does not change the results, and each output belongs to its own input
            for (int i = 0; i < sentences.size(); i++) {
                assertEquals(expected.get(i), original.translate(List.of(sentences.get(i)), beam, 1).get(0));
            }

            TranslationModel.save(model, tokenizer, dir.resolve("fp32"), false);
            try (TranslationModel loaded = TranslationModel.load(dir.resolve("fp32"), Device.cpu())) {
                assertEquals(expected, loaded.translate(sentences, beam, 8));
                assertArrayEquals(original.sourceIds("A dog."), loaded.sourceIds("A dog."));
            }
            TranslationModel.save(model, tokenizer, dir.resolve("fp16"), true);
            long full = Files.size(dir.resolve("fp32").resolve(TranslationModel.PARAMETERS));
            long half = Files.size(dir.resolve("fp16").resolve(TranslationModel.PARAMETERS));
            assertTrue(half < full * 0.6, half + " bytes in fp16 vs " + full);
            try (TranslationModel loaded = TranslationModel.load(dir.resolve("fp16"), Device.cpu())) {
                assertEquals(3, loaded.translate(sentences, beam, 8).size());
                // the training model is still fp32 after saving a half copy
                assertEquals(DataType.FLOAT32, model.getParameters().get(0).getValue().getArray().getDataType());
            }
        }
        Files.writeString(dir.resolve("fp32").resolve(TranslationModel.CONFIG), "modelDim=32\n");
        assertThrows(IOException.class, () -> TranslationModel.load(dir.resolve("fp32"), Device.cpu()));
    }
}
