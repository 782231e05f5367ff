package dev.lantern.translator;

import dev.lantern.shared.document.DocumentReader;
import dev.lantern.shared.document.DocumentType;
import dev.lantern.shared.document.DocxParagraphs;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.translator.document.HtmlText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Translates an uploaded document into a document: plain text and Markdown into the same format, HTML into HTML with
 * its markup kept ({@link HtmlTranslation}), a .docx into a .docx with its paragraphs and their styles kept
 * ({@link DocxParagraphs}); a PDF, .odt or .epub gives its translated text. The translator's {@code max-chars} applies
 * to the document's text, not its file size.
 */
@ApplicationScoped
public class DocumentTranslation {

    @Inject
    DocumentReader documents;

    @Inject
    TranslationService translator;

    @Inject
    HtmlTranslation html;

    /** As {@link TranslationService#translate}, for a file; the reader's refusals come first. */
    public CompletableFuture<TranslatedDocument> translate(byte[] bytes, String fileName, String source,
            String target) {
        DocumentType type = documents.detect(bytes, fileName);
        return switch (type) {
            case TEXT, MARKDOWN -> {
                String text = DocumentReader.plain(bytes);
                yield text(text, fileName, type, text.length(), source, target);
            }
            case HTML -> {
                String page = DocumentReader.plain(bytes);
                int characters = checkLength(HtmlText.parse(page).text().length(), fileName, type);
                yield html.translate(page, source, target).thenApply(done -> document(fileName, type, characters,
                        done, type, done.translation().getBytes(StandardCharsets.UTF_8)));
            }
            case DOCX -> {
                DocumentReader.requireParsers(); // before DocxParagraphs loads: it needs POI
                DocxParagraphs docx = DocxParagraphs.open(bytes);
                String text = String.join("\n", docx.texts());
                int characters = checkLength(text.length(), fileName, type);
                yield translator.translate(text, source, target).thenApply(done -> document(fileName, type,
                        characters, done, type, docx.write(done.translation().lines().toList())));
            }
            case PDF, ODT, EPUB -> {
                String text = documents.read(bytes, fileName).text();
                yield text(text, fileName, type, text.length(), source, target);
            }
        };
    }

    /** A document whose translation is its text: back as the same text format, or as plain text. */
    private CompletableFuture<TranslatedDocument> text(String text, String fileName, DocumentType type,
            int characters, String source, String target) {
        checkLength(characters, fileName, type);
        DocumentType out = type == DocumentType.MARKDOWN ? DocumentType.MARKDOWN : DocumentType.TEXT;
        return translator.translate(text, source, target).thenApply(done -> document(fileName, type, characters,
                done, out, done.translation().getBytes(StandardCharsets.UTF_8)));
    }

    private int checkLength(int characters, String fileName, DocumentType type) {
        if (characters > translator.maxChars()) {
            throw new PayloadTooLargeException("The document " + fileName + " (" + type.describe() + ") has "
                    + characters + " characters of text; at most " + translator.maxChars() + " are translated"
                    + " (lantern.translator.limits.max-chars).");
        }
        return characters;
    }

    private static TranslatedDocument document(String fileName, DocumentType read, int characters, Translation done,
            DocumentType out, byte[] bytes) {
        return new TranslatedDocument(outputName(fileName, done.target(), out), out.mediaType()
                + (out.plainText() || out == DocumentType.HTML ? "; charset=UTF-8" : ""), bytes, read, characters,
                done);
    }

    /** "letter.docx" into German: "letter.de.docx"; "report.pdf": "report.de.txt". */
    static String outputName(String fileName, String target, DocumentType out) {
        String base = fileName.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        int dot = base.lastIndexOf('.');
        return (dot > 0 ? base.substring(0, dot) : base) + "." + target + "." + out.extension();
    }
}
