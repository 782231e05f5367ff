package dev.lantern.summarizer.extractive;

import dev.lantern.summarizer.SummarizerConfig;

/**
 * The few numbers of the extractive scorer (see {@link SentenceScorer} and {@link SentenceSelector}).
 *
 * @param forwardWeight weight of edges to later sentences
 * @param backwardWeight weight of edges to earlier sentences
 * @param edgeThreshold fraction of a document's similarity range below which a similarity is no edge
 * @param positionWeight weight of the position prior
 * @param positionDecay exponent of the position prior 1 / (1 + index)^decay
 * @param lengthWeight penalty per sentence length relative to the document's mean length
 * @param quoteWeight penalty for a sentence that holds a direct quotation
 * @param redundancy MMR trade-off between score (0) and novelty (1)
 * @param minWords sentences shorter than this are chosen only when nothing else is left
 */
public record ScorerWeights(double forwardWeight, double backwardWeight, double edgeThreshold, double positionWeight,
        double positionDecay, double lengthWeight, double quoteWeight, double redundancy, int minWords) {

    public static ScorerWeights of(SummarizerConfig.Scoring s) {
        return new ScorerWeights(s.forwardWeight(), s.backwardWeight(), s.edgeThreshold(), s.positionWeight(),
                s.positionDecay(), s.lengthWeight(), s.quoteWeight(), s.redundancy(), s.minWords());
    }
}
