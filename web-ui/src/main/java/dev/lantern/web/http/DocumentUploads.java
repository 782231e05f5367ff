package dev.lantern.web.http;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.PayloadTooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The document in a multipart field {@code file}, as the summarizer and the translator take it. */
public final class DocumentUploads {

    private DocumentUploads() {}

    /** The file's bytes; its size is checked before they are read. */
    public static byte[] bytes(FileUpload file, long maxBytes) {
        if (file == null) {
            throw new BadInputException("The multipart field 'file' is missing: send the document in it.");
        }
        if (file.size() > maxBytes) {
            throw new PayloadTooLargeException("The file has " + file.size() + " bytes; at most " + maxBytes
                    + " are accepted (lantern.documents.max-bytes).");
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's name as sent, or "the file" when the client gave none. */
    public static String name(FileUpload file) {
        String name = file.fileName();
        return name == null || name.isBlank() ? "the file" : name;
    }
}
