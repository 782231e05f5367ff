package dev.lantern.translator.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    private static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>The  title</title>"
            + "<style>p { color: red }</style></head>\n<body>\n  <!-- a comment -->\n"
            + "  <p class=\"green\" data-x='1 &amp; 2'>Fish &amp; chips&nbsp;here.</p>\n"
            + "  <p>One <b>bold</b> word.</p><script>var s = \"no\";</script>\n"
            + "  <pre>keep  this</pre><p translate=\"no\">Brand</p><span class=\"notranslate\">Name</span>\n"
            + "</body></html>\n";

    @Test
    void findsTheTextAReaderSeesAndNotCodeOrWhatIsMarkedToKeep() {
        assertEquals(List.of("The title", "Fish & chips here.", "One", "bold", "word."), HtmlText.parse(PAGE)
                .runs());
    }

    @Test
    void putsTranslationsBackAndKeepsEverythingElseByteForByte() {
        String translated = HtmlText.parse(PAGE).rejoin(List.of("Der Titel", "Fisch & Pommes <hier>.", "Ein",
                "fettes", "Wort."));
        assertEquals("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Der Titel</title>"
                + "<style>p { color: red }</style></head>\n<body>\n  <!-- a comment -->\n"
                + "  <p class=\"green\" data-x='1 &amp; 2'>Fisch &amp; Pommes &lt;hier&gt;.</p>\n"
                + "  <p>Ein <b>fettes</b> Wort.</p><script>var s = \"no\";</script>\n"
                + "  <pre>keep  this</pre><p translate=\"no\">Brand</p><span class=\"notranslate\">Name</span>\n"
                + "</body></html>\n", translated);
    }

    @Test
    void aFragmentStaysAFragment() {
        HtmlText fragment = HtmlText.parse("<p class=\"green\">Hello!</p>");
        assertEquals("Hello!", fragment.text());
        assertEquals("<p class=\"green\">¡Hola!</p>", fragment.rejoin(List.of("¡Hola!")));
    }

    @Test
    void wantsOneTranslationPerRun() {
        assertThrows(IllegalArgumentException.class, () -> HtmlText.parse("<p>a</p><p>b</p>").rejoin(List.of("x")));
    }
}
