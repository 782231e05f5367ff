package dev.lantern.translator.document;

import dev.lantern.shared.text.Sentence;
import dev.lantern.shared.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into the sentences a translation model takes and the layout around them (line and paragraph breaks,
 * the spaces between sentences, text with no letters such as "***"), so the translated sentences can be put back
 * in the same shape. Every line is split on its own: the models were trained on single sentences, and a line break
 * is never inside one.
 */
public final class SegmentedText {

    /** Sentences longer than this many words are cut into pieces of this size: the models know at most 128 tokens. */
    public static final int MAX_WORDS_PER_SEGMENT = 50;

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern WORDS = Pattern.compile("\\S+");

    /** A part of the layout: either text kept as it is, or the index of a sentence to translate. */
    private record Part(String verbatim, int sentence) {}

    private final List<String> sentences;
    private final List<Part> parts;

    private SegmentedText(List<String> sentences, List<Part> parts) {
        this.sentences = List.copyOf(sentences);
        this.parts = List.copyOf(parts);
    }

    public static SegmentedText of(String text, SentenceSplitter splitter) {
        List<String> sentences = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        Matcher lineBreak = LINE_BREAK.matcher(text);
        int lineStart = 0;
        while (true) {
            boolean more = lineBreak.find();
            int lineEnd = more ? lineBreak.start() : text.length();
            segmentLine(text.substring(lineStart, lineEnd), splitter, sentences, parts);
            if (!more) {
                break;
            }
            parts.add(new Part(lineBreak.group(), -1));
            lineStart = lineBreak.end();
        }
        return new SegmentedText(sentences, parts);
    }

    private static void segmentLine(String line, SentenceSplitter splitter, List<String> sentences, List<Part> parts) {
        int at = 0;
        for (Sentence sentence : splitter.split(line)) {
            gap(line.substring(at, sentence.start()), sentences, parts);
            addSentence(sentence.text(), sentences, parts);
            at = sentence.end();
        }
        gap(line.substring(at), sentences, parts);
    }

    /** Text between sentences: kept as it is, unless it has words that the splitter skipped (a dateline...). */
    private static void gap(String gap, List<String> sentences, List<Part> parts) {
        if (gap.isEmpty()) {
            return;
        }
        if (!LETTER.matcher(gap).find()) {
            parts.add(new Part(gap, -1));
            return;
        }
        int start = 0;
        int end = gap.length();
        while (Character.isWhitespace(gap.charAt(start))) {
            start++;
        }
        while (Character.isWhitespace(gap.charAt(end - 1))) {
            end--;
        }
        if (start > 0) {
            parts.add(new Part(gap.substring(0, start), -1));
        }
        addSentence(gap.substring(start, end), sentences, parts);
        if (end < gap.length()) {
            parts.add(new Part(gap.substring(end), -1));
        }
    }

    private static void addSentence(String sentence, List<String> sentences, List<Part> parts) {
        List<String> words = WORDS.matcher(sentence).results().map(m -> m.group()).toList();
        for (int from = 0; from < words.size(); from += MAX_WORDS_PER_SEGMENT) {
            if (from > 0) {
                parts.add(new Part(" ", -1));
            }
            parts.add(new Part(null, sentences.size()));
            sentences.add(String.join(" ", words.subList(from, Math.min(words.size(), from + MAX_WORDS_PER_SEGMENT))));
        }
    }

    /** The sentences to translate, in reading order. */
    public List<String> sentences() {
        return sentences;
    }

    /** The text with each sentence replaced by its translation ({@code translated} in the order of {@link #sentences()}). */
    public String rejoin(List<String> translated) {
        if (translated.size() != sentences.size()) {
            throw new IllegalArgumentException(translated.size() + " translations for " + sentences.size()
                    + " sentences");
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part.verbatim() != null ? part.verbatim() : translated.get(part.sentence()));
        }
        return out.toString();
    }
}
