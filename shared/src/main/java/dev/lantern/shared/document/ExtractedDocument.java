package dev.lantern.shared.document;

/**
 * The text read from a document.
 *
 * @param type what the file turned out to hold
 * @param text its text, paragraphs on lines of their own
 */
public record ExtractedDocument(DocumentType type, String text) {

    public int characters() {
        return text.length();
    }
}
