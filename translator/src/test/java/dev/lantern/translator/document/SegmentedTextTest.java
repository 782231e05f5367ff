package dev.lantern.translator.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.text.SentenceSplitter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SegmentedTextTest {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    private static String upper(SegmentedText segmented) {
        return segmented.rejoin(segmented.sentences().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
    }

    @Test
    void sentencesOfEveryLineWithTheLayoutKept() {
        String text = "  Dr. Smith arrived. She sat down.\r\n\r\n* * *\nA new paragraph starts here.  \n";
        SegmentedText segmented = SegmentedText.of(text, SPLITTER);
        assertEquals(List.of("Dr. Smith arrived.", "She sat down.", "A new paragraph starts here."),
                segmented.sentences());
        assertEquals(text.toUpperCase(Locale.ROOT), upper(segmented));
    }

    @Test
    void wordsTheSplitterSkipsAreStillTranslated() {
        // the splitter drops a news dateline; a translation must not
        SegmentedText segmented = SegmentedText.of("LONDON (Reuters) -- Prices rose on Monday.", SPLITTER);
        assertTrue(String.join("|", segmented.sentences()).contains("LONDON"), segmented.sentences().toString());
        assertEquals("LONDON (REUTERS) -- PRICES ROSE ON MONDAY.", upper(segmented));
    }

    @Test
    void overlongSentencesAreCutIntoPiecesTheModelCanTake() {
        String words = "word ".repeat(SegmentedText.MAX_WORDS_PER_SEGMENT * 2 + 3).strip() + ".";
        SegmentedText segmented = SegmentedText.of(words, SPLITTER);
        assertEquals(3, segmented.sentences().size());
        assertEquals(words, segmented.rejoin(segmented.sentences()));
    }

    @Test
    void blankTextHasNoSentencesAndTheCountsMustMatch() {
        SegmentedText blank = SegmentedText.of("\n  \n", SPLITTER);
        assertEquals(List.of(), blank.sentences());
        assertEquals("\n  \n", blank.rejoin(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SegmentedText.of("One. Two.", SPLITTER)
                .rejoin(List.of("Eins.")));
    }
}
