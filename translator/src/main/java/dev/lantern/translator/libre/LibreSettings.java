package dev.lantern.translator.libre;

import java.util.List;

/**
 * LibreTranslate's {@code GET /frontend/settings}, which clients read for the character limit and whether a key is
 * needed.
 *
 * @param charLimit the most characters one request may hold
 * @param frontendTimeout LibreTranslate's web page waits this many milliseconds after typing before it translates
 * @param apiKeys whether API keys are in use
 * @param keyRequired whether a request needs one
 * @param suggestions whether suggestions may be sent (never, here)
 * @param filesTranslation whether {@code /translate_file} is offered
 * @param supportedFilesFormat the file types {@code /translate_file} takes
 * @param language the languages a page starts with
 */
public record LibreSettings(int charLimit, int frontendTimeout, boolean apiKeys, boolean keyRequired,
        boolean suggestions, boolean filesTranslation, List<String> supportedFilesFormat, Defaults language) {

    /** The source and target a page starts with. */
    public record Defaults(Named source, Named target) {}

    /** A language code and its English name. */
    public record Named(String code, String name) {}
}
