package dev.lantern.shared.text;

/**
 * One sentence of a document.
 *
 * @param index position among the document's sentences, from 0
 * @param text the sentence as it stands in the document, trimmed
 * @param start offset of its first character in the document (UTF-16 units, as Java and JavaScript count)
 * @param end offset just past its last character
 */
public record Sentence(int index, String text, int start, int end) {

    /** Whitespace-separated words, the unit of a word budget. */
    public int words() {
        return TextStatistics.words(text);
    }
}
