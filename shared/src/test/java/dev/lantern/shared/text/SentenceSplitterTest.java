package dev.lantern.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    private static List<String> texts(String text) {
        return SPLITTER.split(text).stream().map(Sentence::text).toList();
    }

    @Test
    void splitsPlainSentencesWithOffsets() {
        String text = "The cat sat down. Then it slept!  Did it dream?";
        List<Sentence> sentences = SPLITTER.split(text);
        assertEquals(List.of("The cat sat down.", "Then it slept!", "Did it dream?"),
                sentences.stream().map(Sentence::text).toList());
        for (Sentence s : sentences) {
            assertEquals(s.text(), text.substring(s.start(), s.end()));
        }
        assertEquals(List.of(0, 1, 2), sentences.stream().map(Sentence::index).toList());
    }

    @Test
    void abbreviationsAndInitialsDoNotEndSentences() {
        assertEquals(List.of("Mr. Smith met Dr. Jones on Jan. 5 at 10 a.m. in Washington.", "They talked."),
                texts("Mr. Smith met Dr. Jones on Jan. 5 at 10 a.m. in Washington. They talked."));
        assertEquals(List.of("George W. Bush spoke to Sen. Kennedy.", "It was brief."),
                texts("George W. Bush spoke to Sen. Kennedy. It was brief."));
    }

    @Test
    void quotesStayWithTheirSentence() {
        assertEquals(List.of("\"We will win,\" he said.", "\"Nobody doubts it.\"", "The crowd cheered."),
                texts("\"We will win,\" he said. \"Nobody doubts it.\" The crowd cheered."));
    }

    @Test
    void newsDatelinesAndBylinesAreSkipped() {
        String cnn = "New York (CNN) -- Korean Air's case is back. A lawsuit was filed.";
        List<Sentence> sentences = SPLITTER.split(cnn);
        assertEquals("Korean Air's case is back.", sentences.get(0).text());
        assertEquals(cnn.indexOf("Korean"), sentences.get(0).start());
        assertEquals(List.of("Spirit Airlines has a new fare deal."),
                texts("(CNN)Spirit Airlines has a new fare deal."));
        assertEquals(List.of("A man was arrested on Monday.", "He denies it."),
                texts("By . Daniel Bates . PUBLISHED: . 10:31 EST, 5 March 2013 . | . UPDATED: . 12:04 EST, "
                        + "5 March 2013 . A man was arrested on Monday. He denies it."));
        assertEquals(List.of("The vote is today."),
                texts("Last updated at 5:40 PM on 5th March 2011 . The vote is today."));
    }

    @Test
    void blankLinesEndSentencesAndFurnitureIsDropped() {
        assertEquals(List.of("A headline without a period", "The story begins here."),
                texts("A headline without a period\n\nThe story begins here.\n\nScroll down for video\n"));
        assertTrue(SPLITTER.split("   \n\n ").isEmpty());
    }

    @Test
    void wordsAreWhitespaceSeparated() {
        assertEquals(4, new Sentence(0, "U.S. troops  left today.", 0, 24).words());
    }
}
