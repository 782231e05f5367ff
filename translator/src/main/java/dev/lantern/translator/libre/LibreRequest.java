package dev.lantern.translator.libre;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.shared.error.BadInputException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of a LibreTranslate request, read alike from JSON and from a form.
 *
 * @param texts the texts of {@code q}, one for a string
 * @param batch whether {@code q} was an array (or a repeated form field), so that the answer is one too
 * @param source a language code, or {@code auto}; null when absent
 * @param target a language code; null when absent
 * @param html whether {@code format} is {@code html}
 * @param apiKey {@code api_key} (or the {@code apiKey} that the npm {@code libretranslate} client sends); may be null
 */
record LibreRequest(List<String> texts, boolean batch, String source, String target, boolean html, String apiKey) {

    static LibreRequest of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadInputException("Invalid request: send a JSON object such as {\"q\": \"Hello!\", \"source\":"
                    + " \"en\", \"target\": \"de\"}.");
        }
        JsonNode q = body.get("q");
        List<String> texts = new ArrayList<>();
        if (q != null && q.isArray()) {
            for (JsonNode item : q) {
                if (!item.isTextual()) {
                    throw new BadInputException("Invalid request: every item of q must be a string.");
                }
                texts.add(item.textValue());
            }
        } else if (q != null && !q.isNull()) {
            if (!q.isTextual()) {
                throw new BadInputException("Invalid request: q must be a string or an array of strings.");
            }
            texts.add(q.textValue());
        }
        String key = text(body, "api_key");
        return new LibreRequest(texts, q != null && q.isArray(), text(body, "source"), text(body, "target"),
                html(text(body, "format")), key != null ? key : text(body, "apiKey"));
    }

    static LibreRequest of(MultivaluedMap<String, String> form) {
        List<String> texts = form.getOrDefault("q", List.of());
        String key = form.getFirst("api_key");
        return new LibreRequest(List.copyOf(texts), texts.size() > 1, form.getFirst("source"), form.getFirst("target"),
                html(form.getFirst("format")), key != null ? key : form.getFirst("apiKey"));
    }

    /** The texts, or a 400 when {@code q} is missing or holds only blanks. */
    List<String> requireTexts() {
        if (texts.isEmpty() || texts.stream().allMatch(String::isBlank)) {
            throw new BadInputException("Invalid request: missing q parameter");
        }
        return texts;
    }

    /** The target, or a 400 when it is missing. */
    String requireTarget() {
        if (target == null || target.isBlank()) {
            throw new BadInputException("Invalid request: missing target parameter");
        }
        return target.trim().toLowerCase(Locale.ROOT);
    }

    /** The source code, null for {@code auto}; a 400 when it is missing. */
    String sourceOrAuto() {
        if (source == null || source.isBlank()) {
            throw new BadInputException("Invalid request: missing source parameter (a language code, or auto)");
        }
        String code = source.trim().toLowerCase(Locale.ROOT);
        return code.equals("auto") ? null : code;
    }

    private static boolean html(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("text")) {
            return false;
        }
        if (format.equalsIgnoreCase("html")) {
            return true;
        }
        throw new BadInputException("Invalid request: format is text or html, not '" + format + "'");
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadInputException("Invalid request: " + field + " must be a string.");
        }
        return value.textValue();
    }
}
