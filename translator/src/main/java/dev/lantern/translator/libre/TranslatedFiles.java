package dev.lantern.translator.libre;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lantern.translator.TranslatedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The documents that LibreTranslate's {@code /translate_file} translated, kept for its {@code /download_file} link: in
 * memory, for 30 minutes, 100 MB at most (the oldest go first), each under a random name that cannot be guessed.
 */
@ApplicationScoped
public class TranslatedFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, TranslatedDocument> files = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(30))
            .maximumWeight(100L << 20)
            .<String, TranslatedDocument>weigher((name, document) -> document.bytes().length)
            .build();

    /** Keeps the document; answers the name to fetch it by. */
    String keep(TranslatedDocument document) {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        String name = HexFormat.of().formatHex(token);
        files.put(name, document);
        return name;
    }

    Optional<TranslatedDocument> find(String name) {
        return Optional.ofNullable(files.getIfPresent(name));
    }
}
