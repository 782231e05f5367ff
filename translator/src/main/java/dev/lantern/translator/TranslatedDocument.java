package dev.lantern.translator;

import dev.lantern.shared.document.DocumentType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A translated document, ready to download.
 *
 * @param fileName its name: the original's with the target language before the extension ({@code letter.de.docx})
 * @param mediaType what it holds
 * @param bytes its content
 * @param read the type of the file sent
 * @param characters how many characters of text the file sent had
 * @param translation how the text was translated (its {@code translation} is the translated text, or HTML)
 */
public record TranslatedDocument(String fileName, String mediaType, byte[] bytes, DocumentType read, int characters,
        Translation translation) {

    /** The {@code Content-Disposition} that downloads it under its name: an ASCII form, and the exact one in UTF-8. */
    public String contentDisposition() {
        return "attachment; filename=\"" + fileName.replaceAll("[^\\x20-\\x7e]", "_") + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
