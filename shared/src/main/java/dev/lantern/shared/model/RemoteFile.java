package dev.lantern.shared.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A file that a model needs, named by its canonical public URL and the sha256 of the bytes expected.
 *
 * @param url canonical download address (Hugging Face {@code resolve} URL, model zoo, release asset)
 * @param sha256 expected checksum, lower-case hex; blank means "do not check" (discouraged, logged)
 * @param sha256Setting the configuration key that holds {@code sha256}, named in error messages
 */
public record RemoteFile(URI url, String sha256, String sha256Setting) {

    public RemoteFile {
        Objects.requireNonNull(url, "url");
        sha256 = sha256 == null ? "" : sha256.trim().toLowerCase(Locale.ROOT);
        if (!sha256.isEmpty() && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 of " + url + " must be 64 hex digits, got '" + sha256 + "'");
        }
    }

    public static RemoteFile of(String url, String sha256, String sha256Setting) {
        return new RemoteFile(URI.create(url), sha256, sha256Setting);
    }

    /** The file name under which the file is kept in the mirror and the cache: the last segment of the URL path. */
    public String fileName() {
        String path = url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isBlank() || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("cannot take a file name from " + url);
        }
        return name;
    }

    public boolean hasChecksum() {
        return !sha256.isEmpty();
    }
}
