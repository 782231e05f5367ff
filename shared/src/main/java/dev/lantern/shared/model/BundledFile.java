package dev.lantern.shared.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * A model file shipped on the class path, copied into the model cache because the engines load models from files.
 * The copy is made again whenever the shipped file differs from it, by size or by CRC-32: a retrained model of the
 * same size in an upgraded jar must not be shadowed by the old copy. A jar entry records its CRC, so a start that
 * finds the copy current reads only the copy (about 10 ms for 15 MB).
 */
public final class BundledFile {

    private BundledFile() {
    }

    /** Copies {@code resource} to {@code target} unless an identical copy is there already; returns target. */
    public static Path copy(URL resource, Path target) throws IOException {
        if (Files.isRegularFile(target) && isCopyOf(resource, target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = open(resource).getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    private static boolean isCopyOf(URL resource, Path copy) throws IOException {
        URLConnection connection = open(resource);
        // the stream is opened (and closed) even when the jar entry's CRC is used: closing it closes the jar
        try (InputStream in = connection.getInputStream()) {
            long size = connection.getContentLengthLong();
            if (size < 0 || size != Files.size(copy)) {
                return false;
            }
            long shipped = connection instanceof JarURLConnection jar && jar.getJarEntry().getCrc() != -1
                    ? jar.getJarEntry().getCrc() : crcOf(in);
            return shipped == crcOf(copy);
        }
    }

    private static long crcOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return crcOf(in);
        }
    }

    private static long crcOf(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            crc.update(buffer, 0, n);
        }
        return crc.getValue();
    }

    /** A connection of its own: a cached jar connection would keep the jar open after its stream is closed. */
    private static URLConnection open(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        connection.setUseCaches(false);
        return connection;
    }
}
