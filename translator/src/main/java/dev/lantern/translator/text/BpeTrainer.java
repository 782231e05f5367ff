package dev.lantern.translator.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Learns BPE merges from text: count the pieces of {@link WordSplitter}, then repeatedly merge the most frequent
 * adjacent pair of symbols (ties: the pair of smaller ids, so training is deterministic). Only the words that hold
 * the merged pair are recounted, which makes an 8k vocabulary on Multi30k a matter of seconds.
 */
public final class BpeTrainer {

    private final int vocabularySize;
    private final int minCharacterCount;

    /**
     * @param vocabularySize    tokens wanted in all (specials, bytes, characters and merges)
     * @param minCharacterCount characters seen fewer times are left to the byte fallback
     */
    public BpeTrainer(int vocabularySize, int minCharacterCount) {
        this.vocabularySize = vocabularySize;
        this.minCharacterCount = minCharacterCount;
    }

    public BpeTokenizer train(Iterable<String> lines) {
        Map<String, Long> pieceCounts = new HashMap<>();
        for (String line : lines) {
            for (String piece : WordSplitter.split(line)) {
                pieceCounts.merge(piece, 1L, Long::sum);
            }
        }
        Map<Integer, Long> characterCounts = new HashMap<>();
        pieceCounts.forEach((piece, count) -> piece.codePoints()
                .forEach(cp -> characterCounts.merge(cp, count, Long::sum)));
        characterCounts.merge((int) WordSplitter.SPACE, (long) minCharacterCount, Math::max);
        int[] alphabet = characterCounts.entrySet().stream()
                .filter(e -> e.getValue() >= minCharacterCount)
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .mapToInt(Map.Entry::getKey)
                .toArray();
        Map<Integer, Integer> characterIds = new HashMap<>();
        for (int i = 0; i < alphabet.length; i++) {
            characterIds.put(alphabet[i], BpeTokenizer.FIRST_CHARACTER + i);
        }

        List<int[]> words = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        pieceCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            // characters outside the alphabet become -1: they never merge (the tokenizer spells them in bytes)
            words.add(e.getKey().codePoints().map(cp -> characterIds.getOrDefault(cp, -1)).toArray());
            counts.add(e.getValue());
        });

        Map<Long, Long> pairCounts = new HashMap<>();
        Map<Long, Set<Integer>> wordsWithPair = new HashMap<>();
        for (int w = 0; w < words.size(); w++) {
            addPairs(words.get(w), counts.get(w), w, pairCounts, wordsWithPair);
        }
        PriorityQueue<long[]> queue = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(e -> -e[0]).thenComparingLong(e -> e[1]));
        pairCounts.forEach((pair, count) -> queue.add(new long[] {count, pair}));

        List<int[]> merges = new ArrayList<>();
        int nextId = BpeTokenizer.FIRST_CHARACTER + alphabet.length;
        while (nextId < vocabularySize && !queue.isEmpty()) {
            long[] top = queue.poll();
            long pair = top[1];
            long current = pairCounts.getOrDefault(pair, 0L);
            if (current != top[0]) {
                continue; // stale entry; the current count was queued when it changed
            }
            if (current < 2) {
                break;
            }
            int left = (int) (pair >>> 32);
            int right = (int) pair;
            Map<Long, Long> changed = new HashMap<>();
            for (int w : new ArrayList<>(wordsWithPair.getOrDefault(pair, Set.of()))) {
                int[] before = words.get(w);
                int[] after = merge(before, left, right, nextId);
                if (after.length == before.length) {
                    continue;
                }
                addPairs(before, -counts.get(w), -1, pairCounts, null);
                addPairs(after, counts.get(w), w, pairCounts, wordsWithPair);
                forEachPair(before, p -> changed.put(p, 0L));
                forEachPair(after, p -> changed.put(p, 0L));
                words.set(w, after);
            }
            wordsWithPair.remove(pair);
            pairCounts.remove(pair);
            for (long p : changed.keySet()) {
                long count = pairCounts.getOrDefault(p, 0L);
                if (count > 0) {
                    queue.add(new long[] {count, p});
                } else {
                    pairCounts.remove(p);
                }
            }
            merges.add(new int[] {left, right});
            nextId++;
        }
        return new BpeTokenizer(alphabet, merges.toArray(new int[0][]));
    }

    private static int[] merge(int[] symbols, int left, int right, int merged) {
        int[] out = new int[symbols.length];
        int n = 0;
        for (int i = 0; i < symbols.length; i++) {
            if (i + 1 < symbols.length && symbols[i] == left && symbols[i + 1] == right) {
                out[n++] = merged;
                i++;
            } else {
                out[n++] = symbols[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static void addPairs(int[] symbols, long count, int word, Map<Long, Long> pairCounts,
            Map<Long, Set<Integer>> wordsWithPair) {
        forEachPair(symbols, pair -> {
            pairCounts.merge(pair, count, Long::sum);
            if (wordsWithPair != null) {
                wordsWithPair.computeIfAbsent(pair, p -> new HashSet<>()).add(word);
            }
        });
    }

    private static void forEachPair(int[] symbols, LongConsumer action) {
        for (int i = 0; i + 1 < symbols.length; i++) {
            if (symbols[i] >= 0 && symbols[i + 1] >= 0) {
                action.accept(BpeTokenizer.key(symbols[i], symbols[i + 1]));
            }
        }
    }
}
