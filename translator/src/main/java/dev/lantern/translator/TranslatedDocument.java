package dev.lantern.translator;

import dev.lantern.shared.document.DocumentType;

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
        Translation translation) {}
