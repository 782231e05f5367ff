package dev.lantern.summarizer;

import java.util.List;

/**
 * A summary of one text.
 *
 * @param summary the chosen sentences joined with spaces, in document order
 * @param sentences the chosen sentences, in document order
 * @param model what produced it
 * @param language the ISO 639-1 code of the text
 * @param timings where the time went
 */
public record Summary(String summary, List<ChosenSentence> sentences, String model, String language,
        SummaryTimings timings) {

    /** The same summary with the language the service detected. */
    public Summary withLanguage(String code) {
        return new Summary(summary, sentences, model, code, timings);
    }
}
