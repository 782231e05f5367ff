package dev.lantern.summarizer.extractive;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.text.Sentence;
import dev.lantern.shared.text.SentenceSplitter;
import dev.lantern.summarizer.ChosenSentence;
import dev.lantern.summarizer.LengthBudget;
import dev.lantern.summarizer.Summarizer;
import dev.lantern.summarizer.Summary;
import dev.lantern.summarizer.SummaryTimings;
import dev.lantern.summarizer.embedding.EmbeddingModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Extractive summaries: split into sentences, embed each, score by centrality and position, choose with MMR within
 * the budget, and give the chosen sentences back in document order.
 */
public final class ExtractiveSummarizer implements Summarizer {

    private final SentenceSplitter splitter;
    private final EmbeddingModel embeddings;
    private final SentenceScorer scorer;
    private final SentenceSelector selector;
    private final int maxTextSentences;

    /** {@code maxTextSentences} bounds the memory of one request: the scorer holds a similarity for every pair. */
    public ExtractiveSummarizer(SentenceSplitter splitter, EmbeddingModel embeddings, ScorerWeights weights,
            int maxTextSentences) {
        this.splitter = splitter;
        this.embeddings = embeddings;
        this.scorer = new SentenceScorer(weights);
        this.selector = new SentenceSelector(weights.redundancy(), weights.minWords());
        this.maxTextSentences = maxTextSentences;
    }

    @Override
    public String name() {
        return embeddings.name() + "-extractive";
    }

    @Override
    public CompletableFuture<Summary> summarize(String text, LengthBudget budget) {
        long start = System.nanoTime();
        List<Sentence> sentences = splitter.split(text);
        long split = System.nanoTime();
        if (sentences.isEmpty()) {
            throw new BadInputException("The text has no sentences to summarise (no letters or digits).");
        }
        if (sentences.size() > maxTextSentences) {
            throw new PayloadTooLargeException("The text has " + sentences.size() + " sentences; at most "
                    + maxTextSentences + " can be summarised at once.");
        }
        return embeddings.embed(sentences.stream().map(Sentence::text).toList()).thenApply(embedded -> {
            long embeddedAt = System.nanoTime();
            List<ChosenSentence> chosen = choose(sentences, embedded.vectors(), budget);
            SummaryTimings timings = new SummaryTimings(SummaryTimings.millis(split - start),
                    SummaryTimings.millis(embeddedAt - split), SummaryTimings.millis(System.nanoTime() - embeddedAt),
                    sentences.size(), embedded.passes());
            String summary = chosen.stream().map(ChosenSentence::text).collect(Collectors.joining(" "));
            return new Summary(summary, chosen, name(), null, timings);
        });
    }

    /** Scores and selects; separate from embedding so that evaluation can reuse vectors across weight settings. */
    public List<ChosenSentence> choose(List<Sentence> sentences, float[][] vectors, LengthBudget budget) {
        double[][] sim = SentenceScorer.similarities(vectors);
        int[] words = sentences.stream().mapToInt(Sentence::words).toArray();
        boolean[] quoted = new boolean[sentences.size()];
        for (int i = 0; i < quoted.length; i++) {
            quoted[i] = SentenceScorer.quotes(sentences.get(i).text());
        }
        double[] scores = scorer.score(sim, words, quoted);
        return selector.select(scores, sim, words, budget).stream().map(i -> {
            Sentence s = sentences.get(i);
            return new ChosenSentence(i, s.text(), Math.round(scores[i] * 1000) / 1000.0, s.start(), s.end());
        }).toList();
    }
}
