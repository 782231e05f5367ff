package dev.lantern.web.security;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The API keys of {@code lantern.security.api-keys} and {@code api-keys-file}, held only as SHA-256 hashes. A key
 * presented by a request is hashed and compared with every known hash in constant time, so neither the time taken nor
 * its length tells a caller how close a guess was. Keys are never logged.
 */
@Singleton
public class ApiKeys {

    /** Where a request's holder is kept once found, so that the rate limit and the gate hash the key once. */
    private static final String HOLDER = ApiKeys.class.getName() + ".holder";
    private static final String NONE = "";
    private static final String BEARER = "Bearer ";

    private final List<byte[]> hashes;

    @Inject
    ApiKeys(SecurityConfig config) {
        this(configured(config));
    }

    ApiKeys(List<String> keys) {
        this.hashes = keys.stream().map(ApiKeys::sha256).toList();
    }

    /** True when the APIs need a key. */
    boolean required() {
        return !hashes.isEmpty();
    }

    int count() {
        return hashes.size();
    }

    /**
     * Who holds the valid key the request presents ({@code key-1} for the first key, a name that is safe to use as a
     * rate-limit bucket), or empty when it presents none or a wrong one.
     */
    Optional<String> holderOf(RoutingContext context) {
        String holder = context.get(HOLDER);
        if (holder == null) {
            holder = holderOf(presented(context.request())).orElse(NONE);
            context.put(HOLDER, holder);
        }
        return holder.isEmpty() ? Optional.empty() : Optional.of(holder);
    }

    /** Who holds {@code key} ({@code key-1}...), or empty when it is null or not a known key. */
    Optional<String> holderOf(String key) {
        int index = indexOf(key);
        return index < 0 ? Optional.empty() : Optional.of("key-" + (index + 1));
    }

    /** The key sent as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}, or null. */
    static String presented(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        String key = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()) : request.getHeader("X-API-Key");
        return key == null || key.isBlank() ? null : key.trim();
    }

    /** The position of the key among the known ones, or -1; every known hash is compared, match or not. */
    int indexOf(String presented) {
        if (presented == null) {
            return -1;
        }
        byte[] hash = sha256(presented);
        int found = -1;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(hashes.get(i), hash) && found < 0) {
                found = i;
            }
        }
        return found;
    }

    private static List<String> configured(SecurityConfig config) {
        List<String> keys = new ArrayList<>(config.apiKeys().orElse(List.of()));
        config.apiKeysFile().ifPresent(file -> {
            List<String> fromFile = read(file);
            if (fromFile.isEmpty()) { // an operator who set a file meant the APIs to be closed
                throw new ConfigurationException("lantern.security.api-keys-file " + file + " holds no key");
            }
            keys.addAll(fromFile);
        });
        return keys.stream().map(String::trim).filter(key -> !key.isEmpty()).distinct().toList();
    }

    /**
     * One key a line; a missing or unreadable file stops the start rather than leaving the APIs open. Quarkus prints a
     * {@link ConfigurationException} without a cause as its message alone: one line naming the file, not a trace.
     */
    static List<String> read(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("lantern.security.api-keys-file: " + file.toAbsolutePath()
                    + " does not exist; the app does not start without its keys");
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException("lantern.security.api-keys-file: " + file.toAbsolutePath()
                    + " cannot be read (" + e.getMessage() + "); the app does not start without its keys");
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
