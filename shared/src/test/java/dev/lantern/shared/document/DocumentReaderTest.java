package dev.lantern.shared.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.error.LanternException;
import dev.lantern.shared.testing.TestDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

    private static final List<String> TEXT = List.of("The red dog runs in the park.", "Two cats sleep on the sofa.");
    private static final DocumentReader READER = new DocumentReader(new DocumentLimits(2_000_000, 5_000_000, 50,
            100_000, Duration.ofSeconds(20), 2));

    @AfterAll
    static void close() {
        READER.close();
    }

    private static void readsBoth(ExtractedDocument document, DocumentType type) {
        assertEquals(type, document.type());
        assertTrue(document.text().contains("The red dog runs in the park."), document.text());
        assertTrue(document.text().contains("Two cats sleep on the sofa."), document.text());
        assertEquals(document.text().length(), document.characters());
    }

    @Test
    void readsEveryAcceptedType() {
        readsBoth(READER.read(TestDocuments.pdf(2, TEXT), "report.pdf"), DocumentType.PDF);
        readsBoth(READER.read(TestDocuments.docx(TEXT), "letter.docx"), DocumentType.DOCX);
        readsBoth(READER.read(TestDocuments.odt(TEXT), "letter.odt"), DocumentType.ODT);
        readsBoth(READER.read(TestDocuments.epub(TEXT), "book.epub"), DocumentType.EPUB);
        byte[] html = ("<!DOCTYPE html><html><head><title>Page</title><script>var hidden = 1;</script></head><body><p>"
                + String.join("</p><p>", TEXT) + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        ExtractedDocument page = READER.read(html, "page.html");
        readsBoth(page, DocumentType.HTML);
        assertFalse(page.text().contains("hidden"), page.text());
        byte[] text = String.join("\n\n", TEXT).getBytes(StandardCharsets.UTF_8);
        readsBoth(READER.read(text, "notes.txt"), DocumentType.TEXT);
        readsBoth(READER.read(text, "notes.md"), DocumentType.MARKDOWN);
    }

    private static LanternException refused(byte[] bytes, String name) {
        return assertThrows(LanternException.class, () -> READER.read(bytes, name));
    }

    @Test
    void aZipBombNamedDocxStopsAtTheUnpackedLimit() {
        LanternException e = refused(TestDocuments.zipBombDocx(20_000_000), "bomb.docx");
        assertEquals(LanternException.Kind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
    }

    @Test
    void anExternalEntityIsNeverResolved() {
        LanternException e = refused(TestDocuments.externalEntityDocx("file:///etc/hostname"), "xxe.docx");
        assertEquals(LanternException.Kind.UNPROCESSABLE, e.kind(), e.getMessage());
    }

    @Test
    void anEncryptedOrMalformedPdfIs422() {
        assertTrue(refused(TestDocuments.encryptedPdf(TEXT), "locked.pdf").getMessage().contains("encrypted"));
        LanternException broken = refused("%PDF-1.7\nnot really a PDF".getBytes(StandardCharsets.US_ASCII),
                "broken.pdf");
        assertEquals(LanternException.Kind.UNPROCESSABLE, broken.kind());
    }

    @Test
    void aPdfWithTooManyPagesIsRefusedBeforeItIsRead() {
        long start = System.nanoTime();
        LanternException e = refused(TestDocuments.pdf(60, List.of("Page.")), "long.pdf");
        assertEquals(LanternException.Kind.TOO_LARGE, e.kind());
        assertEquals("The PDF has 60 pages; at most 50 are read (lantern.documents.max-pages).", e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    @Test
    void anExtensionThatLiesIs415() {
        LanternException e = refused(TestDocuments.pdf(1, TEXT), "letter.docx");
        assertEquals(LanternException.Kind.UNSUPPORTED_MEDIA, e.kind());
        assertEquals("The file is named letter.docx but holds a PDF: rename it or send the file you meant.",
                e.getMessage());
        assertEquals(LanternException.Kind.UNSUPPORTED_MEDIA, refused(TestDocuments.docx(TEXT), "page.html").kind());
    }

    @Test
    void anEmptyFileOrOneWithoutTextIsRefused() {
        assertEquals(LanternException.Kind.BAD_INPUT, refused(new byte[0], "empty.txt").kind());
        assertEquals(LanternException.Kind.UNPROCESSABLE, refused(TestDocuments.docx(List.of("")), "empty.docx")
                .kind());
        assertEquals(LanternException.Kind.UNPROCESSABLE, refused(TestDocuments.pdf(1, List.of()), "blank.pdf")
                .kind());
    }

    @Test
    void tooManyCharactersOrBytesIs413() {
        try (DocumentReader small = new DocumentReader(new DocumentLimits(50_000, 5_000_000, 50, 100,
                Duration.ofSeconds(20), 1))) {
            LanternException chars = assertThrows(LanternException.class, () -> small.read(TestDocuments.docx(
                    List.of("word ".repeat(30))), "long.docx"));
            assertEquals("The document has more than 100 characters of text (lantern.documents.max-chars).",
                    chars.getMessage());
            LanternException bytes = assertThrows(LanternException.class, () -> small.read(new byte[50_001],
                    "big.txt"));
            assertEquals(LanternException.Kind.TOO_LARGE, bytes.kind());
        }
    }

    @Test
    void aParseOverTheTimeLimitIsStoppedAt422() {
        try (DocumentReader hasty = new DocumentReader(new DocumentLimits(50_000_000, 50_000_000, 5000, 10_000_000,
                Duration.ofMillis(1), 1))) {
            LanternException e = assertThrows(LanternException.class, () -> hasty.read(TestDocuments.pdf(200,
                    TEXT), "slow.pdf"));
            assertEquals(LanternException.Kind.UNPROCESSABLE, e.kind());
            assertTrue(e.getMessage().contains("took longer than"), e.getMessage());
        }
    }
}
