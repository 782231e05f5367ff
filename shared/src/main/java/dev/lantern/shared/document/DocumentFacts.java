package dev.lantern.shared.document;

/**
 * What an API says about the document it read, beside its answer.
 *
 * @param fileName the uploaded file's name
 * @param type what it turned out to hold: txt, md, html, pdf, docx, odt or epub
 * @param characters how many characters of text it had
 */
public record DocumentFacts(String fileName, String type, int characters) {

    public static DocumentFacts of(String fileName, ExtractedDocument document) {
        return new DocumentFacts(fileName, document.type().extension(), document.characters());
    }
}
