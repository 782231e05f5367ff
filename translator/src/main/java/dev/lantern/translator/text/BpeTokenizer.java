package dev.lantern.translator.text;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A byte-pair-encoding subword tokenizer. Ids: 0 {@code <pad>}, 1 {@code <bos>}, 2 {@code <eos>}, 3 {@code <unk>},
 * 4–259 the 256 byte values (a character outside the learned alphabet is spelled as its UTF-8 bytes, so any text
 * round-trips), then the alphabet's characters, then one token per merge in the order they were learned.
 * Thread-safe once built.
 */
public final class BpeTokenizer {

    public static final int PAD = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;
    public static final int UNK = 3;
    static final int FIRST_BYTE = 4;
    static final int FIRST_CHARACTER = FIRST_BYTE + 256;
    private static final String FORMAT = "lantern-bpe 1";
    private static final int WORD_CACHE_LIMIT = 200_000;

    private final List<String> tokens = new ArrayList<>();
    private final Map<Integer, Integer> characterIds = new HashMap<>();
    /** (left id, right id) → rank of the merge, which is also its token's id. */
    private final Map<Long, Integer> merges = new HashMap<>();
    private final int[] alphabet;
    private final int[][] mergePairs;
    private final Map<String, int[]> wordCache = new ConcurrentHashMap<>();

    BpeTokenizer(int[] alphabet, int[][] mergePairs) {
        this.alphabet = alphabet.clone();
        this.mergePairs = mergePairs.clone();
        tokens.addAll(List.of("<pad>", "<bos>", "<eos>", "<unk>"));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
        }
        for (int codePoint : alphabet) {
            characterIds.put(codePoint, tokens.size());
            tokens.add(Character.toString(codePoint));
        }
        for (int[] pair : mergePairs) {
            if (pair[0] >= tokens.size() || pair[1] >= tokens.size() || pair[0] < FIRST_CHARACTER
                    || pair[1] < FIRST_CHARACTER) {
                throw new IllegalArgumentException("merge " + pair[0] + " " + pair[1] + " names an unknown token");
            }
            merges.put(key(pair[0], pair[1]), tokens.size());
            tokens.add(tokens.get(pair[0]) + tokens.get(pair[1]));
        }
    }

    public int vocabularySize() {
        return tokens.size();
    }

    /** The token's text ("▁" marks a preceding space), for logs and tests. */
    public String token(int id) {
        return id >= 0 && id < tokens.size() ? tokens.get(id) : "<unk>";
    }

    /** Token ids of {@code text}, without BOS or EOS. */
    public int[] encode(String text) {
        List<int[]> words = new ArrayList<>();
        int total = 0;
        for (String piece : WordSplitter.split(text)) {
            int[] ids = wordCache.get(piece);
            if (ids == null) {
                ids = encodeWord(piece);
                if (wordCache.size() < WORD_CACHE_LIMIT) {
                    wordCache.put(piece, ids);
                }
            }
            words.add(ids);
            total += ids.length;
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] ids : words) {
            System.arraycopy(ids, 0, out, at, ids.length);
            at += ids.length;
        }
        return out;
    }

    /** Text of token ids; padding, BOS and EOS are skipped, an id outside the vocabulary reads as "⁇". */
    public String decode(int[] ids) {
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            if (id >= FIRST_BYTE && id < FIRST_CHARACTER) {
                bytes.write(id - FIRST_BYTE);
                continue;
            }
            flush(bytes, text);
            if (id == PAD || id == BOS || id == EOS) {
                continue;
            }
            text.append(id > UNK && id < tokens.size() ? tokens.get(id) : "\u2047");
        }
        flush(bytes, text);
        return text.toString().replace(WordSplitter.SPACE, ' ').strip();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder text) {
        if (bytes.size() > 0) {
            text.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    /** Classic BPE on one piece: merge the adjacent pair of lowest rank until none is left. */
    private int[] encodeWord(String piece) {
        List<Integer> symbols = new ArrayList<>();
        piece.codePoints().forEach(cp -> {
            Integer id = characterIds.get(cp);
            if (id != null) {
                symbols.add(id);
            } else {
                for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) {
                    symbols.add(FIRST_BYTE + (b & 0xff));
                }
            }
        });
        while (symbols.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            int bestAt = -1;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = merges.get(key(symbols.get(i), symbols.get(i + 1)));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    bestAt = i;
                }
            }
            if (bestAt < 0) {
                break;
            }
            symbols.set(bestAt, bestRank);
            symbols.remove(bestAt + 1);
        }
        return symbols.stream().mapToInt(Integer::intValue).toArray();
    }

    static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xffffffffL);
    }

    /** Writes the alphabet and the merges as a small text file that {@link #load} reads back. */
    public void save(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(FORMAT + "\n");
            out.write("# " + vocabularySize() + " tokens: 4 special, 256 bytes, " + alphabet.length + " characters, "
                    + mergePairs.length + " merges (ids of the two tokens merged)\n");
            for (int codePoint : alphabet) {
                out.write("char " + codePoint + "\n");
            }
            for (int[] pair : mergePairs) {
                out.write("merge " + pair[0] + " " + pair[1] + "\n");
            }
        }
    }

    public static BpeTokenizer load(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    public static BpeTokenizer read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (!FORMAT.equals(header)) {
            throw new IOException("not a Lantern BPE vocabulary (first line '" + header + "')");
        }
        List<Integer> alphabet = new ArrayList<>();
        List<int[]> merges = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" ");
            try {
                if (fields[0].equals("char") && fields.length == 2) {
                    alphabet.add(Integer.parseInt(fields[1]));
                } else if (fields[0].equals("merge") && fields.length == 3) {
                    merges.add(new int[] {Integer.parseInt(fields[1]), Integer.parseInt(fields[2])});
                } else {
                    throw new IOException("unreadable vocabulary line '" + line + "'");
                }
            } catch (NumberFormatException e) {
                throw new IOException("unreadable vocabulary line '" + line + "'", e);
            }
        }
        try {
            return new BpeTokenizer(alphabet.stream().mapToInt(Integer::intValue).toArray(),
                    merges.toArray(new int[0][]));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
