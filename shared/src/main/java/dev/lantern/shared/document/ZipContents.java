package dev.lantern.shared.document;

import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.error.UnprocessableInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The entries of a zip-based document, found by unpacking every one of them once, counted: a zip bomb stops at
 * {@code maxUnpackedBytes}, before any parser sees it. Also what tells .docx, .odt and .epub apart.
 *
 * @param names every entry's name
 * @param mimetype the text of the {@code mimetype} entry that OpenDocument and EPUB files start with, or ""
 */
record ZipContents(Set<String> names, String mimetype) {

    private static final int MIMETYPE_MAX = 200;

    static ZipContents scan(byte[] bytes, long maxUnpackedBytes) {
        Set<String> names = new HashSet<>();
        String mimetype = "";
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                StringBuilder head = new StringBuilder();
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    unpacked += read;
                    if (unpacked > maxUnpackedBytes) {
                        throw new PayloadTooLargeException("The document unpacks to more than " + maxUnpackedBytes
                                + " bytes (lantern.documents.max-unpacked-bytes): it looks like a zip bomb.");
                    }
                    if (entry.getName().equals("mimetype") && head.length() < MIMETYPE_MAX) {
                        head.append(new String(buffer, 0, Math.min(read, MIMETYPE_MAX), StandardCharsets.US_ASCII));
                    }
                }
                if (entry.getName().equals("mimetype")) {
                    mimetype = head.toString().strip();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnprocessableInputException("The file is a damaged zip archive (" + e.getMessage() + ").");
        }
        if (names.isEmpty()) {
            throw new UnprocessableInputException("The file is an empty or damaged zip archive.");
        }
        return new ZipContents(Set.copyOf(names), mimetype);
    }
}
