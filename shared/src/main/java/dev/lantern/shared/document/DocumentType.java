package dev.lantern.shared.document;

import java.util.Locale;
import java.util.Optional;

/** The kinds of document the text tasks read, with the file-name extensions that name them. */
public enum DocumentType {
    TEXT("text/plain", "txt", "text"),
    MARKDOWN("text/markdown", "md", "markdown"),
    HTML("text/html", "html", "htm", "xhtml"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    EPUB("application/epub+zip", "epub");

    private final String mediaType;
    private final String[] extensions;

    DocumentType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual extension, without the dot. */
    public String extension() {
        return extensions[0];
    }

    /** Plain text or Markdown: read without a parser, in every build. */
    public boolean plainText() {
        return this == TEXT || this == MARKDOWN;
    }

    /** The type a file name claims by its extension, if it names one of these. */
    public static Optional<DocumentType> named(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (DocumentType type : values()) {
            for (String candidate : type.extensions) {
                if (candidate.equals(extension)) {
                    return Optional.of(type);
                }
            }
        }
        return Optional.empty();
    }

    /** "a PDF", "a .docx file": how messages name the type. */
    public String describe() {
        return switch (this) {
            case TEXT -> "plain text";
            case MARKDOWN -> "Markdown";
            case HTML -> "HTML";
            case PDF -> "a PDF";
            default -> "a ." + extension() + " file";
        };
    }
}
