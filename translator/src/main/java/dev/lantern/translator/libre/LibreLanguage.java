package dev.lantern.translator.libre;

import java.util.List;

/**
 * One entry of LibreTranslate's {@code GET /languages}.
 *
 * @param code ISO 639-1 code
 * @param name the language's English name
 * @param targets the codes it can be translated into (empty for a language that is only translated into)
 */
public record LibreLanguage(String code, String name, List<String> targets) {}
