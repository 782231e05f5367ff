package dev.lantern.shared.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Which local model files already matched their expected sha256, remembered by path, size and modification time in
 * one small file of the cache folder. Hashing every model at every start costs a second per 100 MB on a small box;
 * a file that is replaced or rewritten gets another size or time and is hashed again. The record is only a shortcut:
 * where it cannot be read or written, files are hashed as before.
 */
final class VerifiedChecksums {

    private static final Logger LOG = Logger.getLogger(VerifiedChecksums.class);

    private final Path record;
    /** The record as read at the first question, then as this process has added to it. */
    private Properties entries;

    VerifiedChecksums(Path cache) {
        this.record = cache.resolve("verified-sha256.properties");
    }

    /** True when {@code file}, as it is now, was found to have {@code sha256} before. */
    synchronized boolean known(Path file, String sha256) {
        String key = key(file);
        return key != null && (key + " " + sha256).equals(entries().getProperty(file.toAbsolutePath().toString()));
    }

    /** Notes that {@code file}, as it is now, has {@code sha256}. */
    synchronized void remember(Path file, String sha256) {
        String key = key(file);
        if (key == null) {
            return;
        }
        entries().setProperty(file.toAbsolutePath().toString(), key + " " + sha256);
        Path partial = null;
        try {
            Files.createDirectories(record.getParent());
            partial = Files.createTempFile(record.getParent(), "verified-sha256", ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                entries.store(out, "model files whose sha256 was checked: path = size modified-ms sha256");
            }
            try {
                Files.move(partial, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, record, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debugf("Cannot note the checked sha256 of %s in %s: %s", file, record, e);
            try {
                if (partial != null) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException ignored) {
                // a stray .part file in the cache is harmless
            }
        }
    }

    private Properties entries() {
        if (entries != null) {
            return entries;
        }
        entries = new Properties();
        if (Files.isRegularFile(record)) {
            try (InputStream in = Files.newInputStream(record)) {
                entries.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.debugf("Ignoring an unreadable %s: %s", record, e);
            }
        }
        return entries;
    }

    /** Size and modification time, or null when the file cannot be looked at. */
    private static String key(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null;
        }
    }
}
