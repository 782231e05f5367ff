package dev.lantern.translator.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTokenizerTest {

    private static final List<String> CORPUS = List.of(
            "Ein Mann mit einem orangefarbenen Hut, der etwas anstarrt.",
            "Zwei junge Männer stehen draußen im Grünen.",
            "Ein Mädchen in einem rosa Kleid läuft über die Straße.",
            "A man in an orange hat starring at something.",
            "Two young men are standing outside in the green.",
            "A girl in a pink dress is running across the street.",
            "Une fille en robe rose court à travers la rue.",
            "Les hommes âgés boivent du café ; « c'est l'été ».",
            "Drei Hunde spielen im Schnee, 2 Katzen schauen zu.");

    private static BpeTokenizer tokenizer;

    @BeforeAll
    static void train() {
        tokenizer = new BpeTrainer(400, 1).train(CORPUS);
    }

    @Test
    void roundTripsTrainingText() {
        for (String line : CORPUS) {
            assertEquals(line, tokenizer.decode(tokenizer.encode(line)));
        }
    }

    @Test
    void roundTripsUnseenUnicodeThroughBytes() {
        for (String text : List.of("Österreich: Ärger über Öl – „Zoë“ sagt 你好 🙂!", "naïve café São Paulo",
                "x+y=z #42 @home ~ok | 3.5€")) {
            assertEquals(text, tokenizer.decode(tokenizer.encode(text)));
        }
        // the emoji is not in the alphabet: four UTF-8 byte tokens
        int[] ids = tokenizer.encode("🙂");
        assertTrue(Arrays.stream(ids).filter(id -> id >= BpeTokenizer.FIRST_BYTE && id < BpeTokenizer.FIRST_CHARACTER)
                .count() == 4, Arrays.toString(ids));
    }

    @Test
    void normalisesSpacesAndUnicode() {
        assertEquals("Ein Mann läuft.", tokenizer.decode(tokenizer.encode("  Ein   Mann\tla\u0308uft. \n")));
        assertEquals(0, tokenizer.encode("   ").length);
        assertEquals("", tokenizer.decode(new int[0]));
    }

    @Test
    void frequentWordsBecomeOneTokenAndUmlautsStayCharacters() {
        int[] ids = tokenizer.encode("Ein in");
        assertEquals(2, ids.length, Arrays.toString(ids));
        assertEquals("\u2581Ein", tokenizer.token(ids[0]));
        int[] umlaut = tokenizer.encode("ä");
        assertEquals(List.of("\u2581", "ä"), Arrays.stream(umlaut).mapToObj(tokenizer::token).toList());
    }

    @Test
    void decodingSkipsSpecialTokens() {
        int[] body = tokenizer.encode("Zwei Hunde.");
        int[] framed = new int[body.length + 3];
        framed[0] = BpeTokenizer.BOS;
        System.arraycopy(body, 0, framed, 1, body.length);
        framed[body.length + 1] = BpeTokenizer.EOS;
        framed[body.length + 2] = BpeTokenizer.PAD;
        assertEquals("Zwei Hunde.", tokenizer.decode(framed));
        assertEquals("\u2047", tokenizer.decode(new int[] {BpeTokenizer.UNK}));
    }

    @Test
    void reachesTheVocabularySizeAndTrainsDeterministically() {
        // this small corpus runs out of pairs seen twice before 400 tokens: training stops there
        assertTrue(tokenizer.vocabularySize() > 330 && tokenizer.vocabularySize() <= 400);
        assertEquals(330, new BpeTrainer(330, 1).train(CORPUS).vocabularySize());
        BpeTokenizer again = new BpeTrainer(400, 1).train(CORPUS);
        for (String line : CORPUS) {
            assertArrayEquals(tokenizer.encode(line), again.encode(line));
        }
    }

    @Test
    void savesAndLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bpe.txt");
        tokenizer.save(file);
        BpeTokenizer loaded = BpeTokenizer.load(file);
        assertEquals(tokenizer.vocabularySize(), loaded.vocabularySize());
        for (String line : CORPUS) {
            assertArrayEquals(tokenizer.encode(line), loaded.encode(line));
        }
        assertTrue(Files.size(file) < 10_000);
        assertThrows(IOException.class, () -> BpeTokenizer.read(new BufferedReader(new StringReader("nope\n"))));
        assertThrows(IOException.class,
                () -> BpeTokenizer.read(new BufferedReader(new StringReader("lantern-bpe 1\nmerge 999 1000\n"))));
    }
}
