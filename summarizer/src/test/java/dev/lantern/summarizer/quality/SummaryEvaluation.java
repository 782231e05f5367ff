package dev.lantern.summarizer.quality;

import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.quality.Rouge;
import dev.lantern.shared.testing.bench.BenchmarkOptions;
import dev.lantern.shared.text.Sentence;
import dev.lantern.shared.text.SentenceSplitter;
import dev.lantern.summarizer.ChosenSentence;
import dev.lantern.summarizer.LengthBudget;
import dev.lantern.summarizer.SummarizerConfig;
import dev.lantern.summarizer.embedding.EmbeddingModel;
import dev.lantern.summarizer.extractive.ExtractiveSummarizer;
import dev.lantern.summarizer.extractive.ScorerWeights;
import dev.lantern.summarizer.extractive.SentenceScorer;
import dev.lantern.summarizer.extractive.SentenceSelector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ROUGE-1/2/L F1 (rouge_score conventions, see {@code Rouge}) of Lantern's extractive summaries and of LEAD-3 (the
 * first three sentences, from the same splitter) on the same articles, in one run. With {@code --tune} it also
 * searches the scorer's weights on those articles (embedding each article once) and prints the best settings.
 *
 * <pre>
 * ./mvnw -q -pl summarizer exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lantern.summarizer.quality.SummaryEvaluation -Dexec.args="--from=300 --to=695"
 * </pre>
 *
 * Options (--name=value): --data=JSONL (default ../shared/data/summarization/cnndm-validation-rows300-994.jsonl from
 * the repository root), --from / --to (article range, default all), --model=all-minilm-l6-v2-q|all-minilm-l6-v2,
 * --sentences=N (summary length, default 3), --tune. Scorer weights are the defaults of {@code SummarizerConfig}
 * (override with -Dlantern.summarizer.scoring.*).
 */
public final class SummaryEvaluation {

    private SummaryEvaluation() {}

    public static void main(String[] args) throws Exception {
        DjlEnvironment.lockDown();
        Map<String, String> options = BenchmarkOptions.parse(args);
        Path repo = repositoryRoot();
        Path data = Path.of(options.getOrDefault("data",
                repo.resolve("../shared/data/summarization/cnndm-validation-rows300-994.jsonl").toString()));
        NewsCorpus all = NewsCorpus.read(data);
        int from = Integer.parseInt(options.getOrDefault("from", "0"));
        int to = Integer.parseInt(options.getOrDefault("to", String.valueOf(all.articles().size())));
        NewsCorpus corpus = all.slice(from, to);
        LengthBudget budget = LengthBudget.sentences(Integer.parseInt(options.getOrDefault("sentences", "3")));

        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources()
                .withMapping(SummarizerConfig.class);
        if (options.containsKey("model")) {
            builder.withDefaultValue("lantern.summarizer.model.resource", options.get("model"));
        }
        SummarizerConfig config = builder.build().getConfigMapping(SummarizerConfig.class);
        SentenceSplitter splitter = new SentenceSplitter();
        Path cache = repo.resolve("summarizer/target/model-cache");
        System.err.printf("%d articles (%d..%d) of %s; model %s; budget %s%n", corpus.articles().size(), from, to,
                data, config.model().resource(), budget);

        List<Document> documents = new ArrayList<>();
        long embedNanos = 0;
        int sentenceCount = 0;
        try (EmbeddingModel model = EmbeddingModel.load(config, cache, new SimpleMeterRegistry())) {
            for (NewsCorpus.Article article : corpus.articles()) {
                List<Sentence> sentences = splitter.split(article.text());
                long start = System.nanoTime();
                float[][] vectors = model.embed(sentences.stream().map(Sentence::text).toList()).join().vectors();
                embedNanos += System.nanoTime() - start;
                sentenceCount += sentences.size();
                documents.add(Document.of(sentences, vectors, article.reference()));
                if (documents.size() % 100 == 0) {
                    System.err.printf("embedded %d articles%n", documents.size());
                }
            }
        }
        System.err.printf("embedding: %d sentences in %.1f s (%.0f sentences/s)%n", sentenceCount, embedNanos / 1e9,
                sentenceCount / (embedNanos / 1e9));

        ScorerWeights weights = ScorerWeights.of(config.scoring());
        RougeTotals lantern = evaluate(documents, weights, budget);
        RougeTotals lead = new RougeTotals();
        for (Document d : documents) {
            String lead3 = d.sentences().stream().limit(3).map(Sentence::text).collect(Collectors.joining(" "));
            lead.add(Rouge.score(lead3, d.reference()));
        }
        System.out.printf("Articles %d..%d of %s (%d), model %s, %s%n", from, to, data.getFileName(),
                documents.size(), config.model().resource(), weights);
        System.out.println("| summarizer | ROUGE-1 | ROUGE-2 | ROUGE-L |");
        System.out.println("|---|---|---|---|");
        System.out.println(lantern.row("Lantern (" + budget.value() + " sentences)"));
        System.out.println(lead.row("LEAD-3"));
        System.out.printf("ROUGE-1 difference: %+.2f points%n", lantern.rouge1() - lead.rouge1());
        if (options.containsKey("tune")) {
            tune(documents, budget);
        }
    }

    /** Coarse grid over the scorer's weights; prints the ten best by ROUGE-1. */
    private static void tune(List<Document> documents, LengthBudget budget) {
        record Trial(ScorerWeights weights, double rouge1) {}
        List<Trial> trials = new ArrayList<>();
        for (double backward : new double[] {-0.5, 0}) {
            for (double threshold : new double[] {0.3, 0.4, 0.5}) {
                for (double position : new double[] {0.5, 1, 2}) {
                    for (double decay : new double[] {2, 3}) {
                        for (double length : new double[] {0.3, 0.5, 0.7}) {
                          for (double quote : new double[] {0, 0.2, 0.4, 0.8}) {
                            for (double redundancy : new double[] {0, 0.1, 0.2}) {
                                for (int minWords : new int[] {4}) {
                                    ScorerWeights w = new ScorerWeights(1, backward, threshold, position, decay,
                                            length, quote, redundancy, minWords);
                                    trials.add(new Trial(w, rouge1(documents, w, budget)));
                                }
                            }
                            }
                        }
                    }
                }
            }
        }
        trials.sort(Comparator.comparingDouble(Trial::rouge1).reversed());
        System.out.println("Best weights on these articles (ROUGE-1):");
        trials.stream().limit(15).forEach(t -> System.out.printf("%.2f %s%n", t.rouge1(), t.weights()));
    }

    /** Mean ROUGE-1 from cached tokens and similarities: the tuning loop's fast path. */
    private static double rouge1(List<Document> documents, ScorerWeights weights, LengthBudget budget) {
        SentenceScorer scorer = new SentenceScorer(weights);
        SentenceSelector selector = new SentenceSelector(weights.redundancy(), weights.minWords());
        double total = 0;
        for (Document d : documents) {
            List<String> tokens = new ArrayList<>();
            for (int i : selector.select(scorer.score(d.sim(), d.words(), d.quoted()), d.sim(), d.words(), budget)) {
                tokens.addAll(d.tokens().get(i));
            }
            total += Rouge.rouge1(tokens, d.referenceTokens());
        }
        return 100 * total / documents.size();
    }

    private static RougeTotals evaluate(List<Document> documents, ScorerWeights weights, LengthBudget budget) {
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer(new SentenceSplitter(), null, weights,
                Integer.MAX_VALUE);
        RougeTotals totals = new RougeTotals();
        for (Document d : documents) {
            String summary = summarizer.choose(d.sentences(), d.vectors(), budget).stream()
                    .map(ChosenSentence::text).collect(Collectors.joining(" "));
            totals.add(Rouge.score(summary, d.reference()));
        }
        return totals;
    }

    private record Document(List<Sentence> sentences, float[][] vectors, String reference, double[][] sim,
            int[] words, boolean[] quoted, List<List<String>> tokens, List<String> referenceTokens) {

        static Document of(List<Sentence> sentences, float[][] vectors, String reference) {
            return new Document(sentences, vectors, reference, SentenceScorer.similarities(vectors),
                    sentences.stream().mapToInt(Sentence::words).toArray(), quotedSentences(sentences),
                    sentences.stream().map(s -> Rouge.tokens(s.text())).toList(), Rouge.tokens(reference));
        }
    }

    private static boolean[] quotedSentences(List<Sentence> sentences) {
        boolean[] out = new boolean[sentences.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = SentenceScorer.quotes(sentences.get(i).text());
        }
        return out;
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("summarizer")) && Files.isDirectory(dir.resolve("apps")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository");
        }
        return dir;
    }
}
