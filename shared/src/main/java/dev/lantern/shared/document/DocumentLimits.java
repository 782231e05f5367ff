package dev.lantern.shared.document;

import java.time.Duration;

/**
 * What one document may cost (lantern.documents.*).
 *
 * @param maxBytes the largest file accepted
 * @param maxUnpackedBytes the most that the parts of a zip-based document (.docx, .odt, .epub) may unpack to
 * @param maxPages the most pages a PDF may have
 * @param maxChars the most characters of text read from a document; a task's own limit may be lower
 * @param parseTimeout the longest one document may take to read
 * @param parsers how many documents are read at once; more wait for none and get a 503
 */
public record DocumentLimits(long maxBytes, long maxUnpackedBytes, int maxPages, int maxChars, Duration parseTimeout,
        int parsers) {

    public DocumentLimits {
        if (maxBytes < 1 || maxUnpackedBytes < 1 || maxPages < 1 || maxChars < 1 || parsers < 1
                || parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("document limits must be positive: " + maxBytes + ", "
                    + maxUnpackedBytes + ", " + maxPages + ", " + maxChars + ", " + parseTimeout + ", " + parsers);
        }
    }
}
