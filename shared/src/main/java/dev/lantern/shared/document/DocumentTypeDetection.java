package dev.lantern.shared.document;

import dev.lantern.shared.error.UnsupportedMediaException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file holds, told by its bytes, and checked against what its name says: a name is a claim, the bytes decide,
 * and a file whose extension lies about its type is refused rather than parsed as something it is not.
 */
final class DocumentTypeDetection {

    private static final String ACCEPTED = ".txt, .md, .html, .pdf, .docx, .odt or .epub";

    private DocumentTypeDetection() {}

    /**
     * @param zip the entries of a zip-based file, or null if it is none
     * @throws UnsupportedMediaException when the bytes are no accepted type, or not the type the name claims
     */
    static DocumentType detect(byte[] bytes, String fileName, ZipContents zip) {
        DocumentType found = byContent(bytes, zip, DocumentType.named(fileName));
        Optional<DocumentType> claimed = DocumentType.named(fileName);
        if (claimed.isPresent() && claimed.get() != found && !(claimed.get().plainText() && found.plainText())) {
            throw new UnsupportedMediaException("The file is named " + fileName + " but holds " + found.describe()
                    + ": rename it or send the file you meant.");
        }
        return found;
    }

    static boolean isZip(byte[] bytes) {
        return startsWith(bytes, "PK\u0003\u0004");
    }

    private static DocumentType byContent(byte[] bytes, ZipContents zip, Optional<DocumentType> claimed) {
        if (startsWith(bytes, "%PDF-")) {
            return DocumentType.PDF;
        }
        if (zip != null) {
            if (zip.mimetype().equals(DocumentType.ODT.mediaType())) {
                return DocumentType.ODT;
            }
            if (zip.mimetype().equals(DocumentType.EPUB.mediaType())) {
                return DocumentType.EPUB;
            }
            if (zip.names().contains("[Content_Types].xml") && zip.names().contains("word/document.xml")) {
                return DocumentType.DOCX;
            }
            throw new UnsupportedMediaException("The file is a zip archive but no .docx, .odt or .epub; send "
                    + ACCEPTED + ".");
        }
        String text = utf8(bytes).orElseThrow(() -> new UnsupportedMediaException("The file is neither a "
                + ACCEPTED + " file nor UTF-8 text."));
        boolean markup = text.stripLeading().startsWith("<");
        if (looksLikeHtml(text) || markup && claimed.equals(Optional.of(DocumentType.HTML))) {
            return DocumentType.HTML;
        }
        return claimed.filter(DocumentType::plainText).orElse(DocumentType.TEXT);
    }

    /** The text of UTF-8 bytes (a byte-order mark dropped), or empty when they are not valid UTF-8. */
    static Optional<String> utf8(byte[] bytes) {
        int start = startsWith(bytes, "\u00ef\u00bb\u00bf") ? 3 : 0;
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), 1024)).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")
                && head.contains("<html");
    }

    /** Whether the bytes start with the characters of {@code prefix}, each taken as one byte. */
    private static boolean startsWith(byte[] bytes, String prefix) {
        if (bytes.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if ((bytes[i] & 0xff) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
