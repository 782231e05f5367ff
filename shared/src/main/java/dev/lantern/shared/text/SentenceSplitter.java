package dev.lantern.shared.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits English text into sentences with OpenNLP's sentence model (Universal Dependencies EWT, from Maven Central),
 * then repairs what that model gets wrong on news text: splits after abbreviations and initials ("Mr.", "Jan.",
 * "J."), quotes and brackets left alone on a line, and the agency clutter of CNN / Daily Mail articles ("(CNN) --",
 * "By . Reporter . PUBLISHED: ..."), which is skipped. Blank lines always end a sentence. Thread-safe.
 */
public final class SentenceSplitter {

    /** Loaded by its own name: every OpenNLP model jar also has a root {@code model.properties}, so those clash. */
    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    /** Abbreviations after which a period never ends a sentence (the next word is a name or a number). */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen",
            "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "st", "rev", "hon", "pres", "supt", "insp", "det",
            "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "mt", "ft", "fig", "approx", "est");
    private static final Pattern LAST_TOKEN = Pattern.compile("(\\S+)\\.[\"'”’)]*$");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
    /** "(CNN)", "New York (CNN) -- ", "LONDON, England (Reuters) --": the dateline before the story starts. */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*(?:[A-Z][\\p{L}.,' -]{0,60}?\\s*)?"
                    + "\\((?:CNN|Reuters|AP|AFP|EW\\.com|CNN Money|CNNMoney)\\)\\s*(?:--\\s*)?");
    /** Daily Mail by-lines and time stamps, written with " . " separators. */
    private static final Pattern BYLINE = Pattern.compile("^\\s*(?:(?:By\\s*\\.\\s*)?(?:[^.|]{1,80}?\\s+\\.\\s+)??"
            + "(?:PUBLISHED|UPDATED)\\s*:\\s*\\.[^|]*?\\d{4}\\s*\\.\\s*\\|?\\s*\\.?\\s*)+"
            + "|^\\s*By\\s+\\.\\s+[^.]{1,80}?\\s+\\.\\s+"
            + "|^\\s*(?:Last updated at|Published|Updated)[^.]{0,80}?\\d{4}\\s*\\.\\s+");
    /** Whole sentences that are page furniture, not story. */
    private static final Pattern FURNITURE = Pattern.compile(
            "^(?:By\\s*\\.\\s|PUBLISHED\\s*:|UPDATED\\s*:|Last updated at\\b|Scroll down for video|CLICK HERE\\b|"
                    + "READ MORE\\b|Follow us on\\b|Click here\\b).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern ONLY_CLOSERS = Pattern.compile("^[\"'”’)\\]]+$");

    private final SentenceModel model;

    public SentenceSplitter() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP sentence model " + MODEL_RESOURCE
                        + " is not on the classpath (org.apache.opennlp:opennlp-models-sentdetect-en)");
            }
            model = new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenNLP sentence model cannot be read", e);
        }
    }

    /** The sentences of {@code text} in order, with offsets into {@code text}; empty for blank text. */
    public List<Sentence> split(String text) {
        int from = storyStart(text);
        // a detector per call: SentenceDetectorME keeps per-call state, and creating one is cheap next to the model
        SentenceDetectorME detector = new SentenceDetectorME(model);
        List<int[]> pieces = new ArrayList<>();
        Matcher blank = BLANK_LINE.matcher(text);
        int blockStart = from;
        while (blockStart < text.length()) {
            int blockEnd = blank.find(blockStart) ? blank.start() : text.length();
            String block = text.substring(blockStart, blockEnd);
            List<int[]> blockPieces = new ArrayList<>();
            for (Span span : detector.sentPosDetect(block)) {
                blockPieces.add(new int[] {blockStart + span.getStart(), blockStart + span.getEnd()});
            }
            pieces.addAll(repair(text, blockPieces));
            blockStart = blockEnd == text.length() ? blockEnd : blank.end();
        }
        List<Sentence> sentences = new ArrayList<>(pieces.size());
        for (int[] piece : pieces) {
            int start = piece[0];
            int end = piece[1];
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            String sentence = text.substring(start, end);
            if (!HAS_LETTER_OR_DIGIT.matcher(sentence).find() || FURNITURE.matcher(sentence).matches()) {
                continue;
            }
            sentences.add(new Sentence(sentences.size(), sentence, start, end));
        }
        return sentences;
    }

    /** Where the story starts once the dateline and by-lines are skipped. */
    static int storyStart(String text) {
        int from = 0;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Pattern clutter : List.of(BYLINE, DATELINE)) {
                Matcher m = clutter.matcher(text).region(from, text.length());
                if (m.lookingAt() && m.end() > from) {
                    from = m.end();
                    moved = true;
                }
            }
        }
        return from;
    }

    /** Joins pieces that the model split wrongly. */
    private static List<int[]> repair(String text, List<int[]> pieces) {
        List<int[]> out = new ArrayList<>();
        for (int[] piece : pieces) {
            if (!out.isEmpty() && belongsToPrevious(text, out.get(out.size() - 1), piece)) {
                out.get(out.size() - 1)[1] = piece[1];
            } else {
                out.add(piece.clone());
            }
        }
        return out;
    }

    private static boolean belongsToPrevious(String text, int[] previous, int[] piece) {
        String before = text.substring(previous[0], previous[1]).strip();
        String next = text.substring(piece[0], piece[1]).strip();
        if (next.isEmpty() || ONLY_CLOSERS.matcher(next).matches()) {
            return true;
        }
        char first = next.charAt(0);
        boolean continues = Character.isLowerCase(first) || Character.isDigit(first)
                || (",;:".indexOf(first) >= 0);
        if (continues) {
            return true;
        }
        Matcher last = LAST_TOKEN.matcher(before);
        if (!last.find()) {
            return false;
        }
        String token = last.group(1).toLowerCase(Locale.ROOT).replaceFirst("^[\"'“‘(\\[]+", "");
        if (TITLES.contains(token)) {
            return true;
        }
        // a lone initial such as "George W." or "J. K."
        return token.length() == 1 && Character.isLetter(token.charAt(0)) && Character.isUpperCase(
                last.group(1).charAt(last.group(1).length() - 1));
    }
}
