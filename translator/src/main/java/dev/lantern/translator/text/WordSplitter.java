package dev.lantern.translator.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text into the pieces BPE works inside: runs of letters, runs of digits, single other characters. A piece
 * that follows white space starts with {@link #SPACE} ("▁", as in SentencePiece), so decoding needs no rules about
 * where spaces go: any run of white space becomes one space, and the text is NFC-normalised.
 */
final class WordSplitter {

    static final char SPACE = '\u2581';
    private static final Pattern PIECE = Pattern.compile("(\\s*)([\\p{L}\\p{M}]+|\\p{N}+|[^\\s\\p{L}\\p{M}\\p{N}])");

    private WordSplitter() {}

    static List<String> split(String text) {
        String normalised = Normalizer.normalize(text.replace(SPACE, ' '), Normalizer.Form.NFC).strip();
        List<String> pieces = new ArrayList<>();
        Matcher m = PIECE.matcher(normalised);
        boolean first = true;
        while (m.find()) {
            boolean spaced = first || !m.group(1).isEmpty();
            pieces.add(spaced ? SPACE + m.group(2) : m.group(2));
            first = false;
        }
        return pieces;
    }
}
