package dev.lantern.shared.model;

import dev.lantern.shared.error.ModelUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * Finds the local copy of a model file: first in an offline mirror folder (may be read-only), then in a writable
 * cache, and last by downloading it from its canonical URL into the cache. This is the only code in Lantern that
 * reaches the network, and only when {@code offline} is false.
 */
public final class ModelStore {

    private static final Logger LOG = Logger.getLogger(ModelStore.class);
    private static final long PROGRESS_EVERY_BYTES = 8L << 20;

    private final Optional<Path> mirror;
    private final Path cache;
    private final boolean offline;
    /** Built at the first download: its TLS set-up costs ~250 ms of start-up that mirror and cache hits never use. */
    private HttpClient http;
    /** Files already verified in this process: checksumming a 100 MB file twice per start is wasted time. */
    private final ConcurrentMap<RemoteFile, Path> resolved = new ConcurrentHashMap<>();
    /** ...and in earlier runs, as long as the file is unchanged. */
    private final VerifiedChecksums verified;

    public ModelStore(Optional<Path> mirror, Path cache, boolean offline) {
        this.mirror = mirror;
        this.cache = cache;
        this.offline = offline;
        this.verified = new VerifiedChecksums(cache);
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20))
                    .build();
        }
        return http;
    }

    /**
     * Returns a verified local path of {@code file}.
     *
     * @throws ModelUnavailableException when the file is in no folder and may not or cannot be downloaded, or when
     *     its checksum differs from the expected one
     */
    public Path resolve(RemoteFile file) {
        Path known = resolved.get(file);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            return resolved.computeIfAbsent(file, this::locate);
        }
    }

    /**
     * Returns verified local paths of {@code files}, in order. Every file is tried before any failure is reported, so
     * that a machine without its model files learns them all from one message (and one start), not one a retry.
     *
     * @throws ModelUnavailableException naming each file that is missing or wrong, with its URL and sha256
     */
    public List<Path> resolveAll(List<RemoteFile> files) {
        List<Path> paths = new ArrayList<>(files.size());
        List<ModelUnavailableException> failures = new ArrayList<>();
        for (RemoteFile file : files) {
            try {
                paths.add(resolve(file));
            } catch (ModelUnavailableException e) {
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(failures.size() + " model files are not available.");
            for (int i = 0; i < failures.size(); i++) {
                message.append(" (").append(i + 1).append(") ").append(failures.get(i).getMessage());
            }
            throw new ModelUnavailableException(message.toString(), failures.get(0));
        }
        return paths;
    }

    private Path locate(RemoteFile file) {
        String name = file.fileName();
        if (mirror.isPresent()) {
            Path candidate = mirror.get().resolve(name);
            if (Files.isRegularFile(candidate)) {
                verify(file, candidate);
                LOG.infof("Model file %s: using mirror copy %s", name, candidate);
                return candidate;
            }
        }
        Path cached = cache.resolve(name);
        if (Files.isRegularFile(cached)) {
            verify(file, cached);
            LOG.infof("Model file %s: using cached copy %s", name, cached);
            return cached;
        }
        if (offline) {
            throw new ModelUnavailableException(missingMessage(file, "downloads are off (lantern.offline=true)"));
        }
        return download(file, cached);
    }

    private Path download(RemoteFile file, Path target) {
        String name = file.fileName();
        Path partial = null;
        try {
            Files.createDirectories(cache);
            partial = Files.createTempFile(cache, name, ".part");
            HttpRequest request = HttpRequest.newBuilder(file.url()).timeout(Duration.ofMinutes(30)).GET().build();
            HttpResponse<InputStream> response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            LOG.infof("Model file %s: downloading %s (%s)", name, file.url(), total < 0 ? "size unknown" : mib(total));
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(response.body(), digest);
                    OutputStream out = Files.newOutputStream(partial)) {
                copyWithProgress(name, in, out, total);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (file.hasChecksum() && !file.sha256().equals(actual)) {
                throw new ModelUnavailableException(mismatchMessage(file, file.url().toString(), actual));
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            verified.remember(target, actual);
            LOG.infof("Model file %s: saved to %s (sha256 %s)", name, target, actual);
            return target;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ModelUnavailableException(missingMessage(file, "the download failed: " + reason), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException(missingMessage(file, "the download was interrupted"), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void copyWithProgress(String name, InputStream in, OutputStream out, long total) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long done = 0;
        long nextReport = PROGRESS_EVERY_BYTES;
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            done += n;
            if (done >= nextReport) {
                nextReport += PROGRESS_EVERY_BYTES;
                String percent = total > 0 ? String.format(" (%d%%)", done * 100 / total) : "";
                LOG.infof("Model file %s: %s of %s%s", name, mib(done), total > 0 ? mib(total) : "?", percent);
            }
        }
    }

    private void verify(RemoteFile file, Path path) {
        if (!file.hasChecksum()) {
            LOG.warnf("Model file %s has no expected sha256 configured; using %s unchecked", file.fileName(), path);
            return;
        }
        if (verified.known(path, file.sha256())) {
            return;
        }
        String actual = sha256Of(path);
        if (!file.sha256().equals(actual)) {
            throw new ModelUnavailableException(mismatchMessage(file, path.toString(), actual));
        }
        verified.remember(path, actual);
    }

    private String missingMessage(RemoteFile file, String why) {
        StringBuilder where = new StringBuilder();
        mirror.ifPresent(m -> where.append(m).append(" (mirror) or "));
        where.append(cache).append(" (cache)");
        return "Model file " + file.fileName() + " is not available: " + why + ". Download " + file.url()
                + (file.hasChecksum() ? " (sha256 " + file.sha256() + ")" : "")
                + " and put it in " + where + ", or set LANTERN_MODELS_DIR to a folder that holds it.";
    }

    private static String mismatchMessage(RemoteFile file, String where, String actual) {
        return "Model file " + file.fileName() + " from " + where + " has sha256 " + actual + " but " + file.sha256()
                + " was expected. Replace the file, or if this copy is the one you want, set "
                + file.sha256Setting() + "=" + actual + ".";
    }

    static String sha256Of(Path path) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new ModelUnavailableException("Model file " + path + " cannot be read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a stray .part file in the cache is harmless and is replaced by the next download
            }
        }
    }
}
