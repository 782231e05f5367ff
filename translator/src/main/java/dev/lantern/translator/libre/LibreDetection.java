package dev.lantern.translator.libre;

import dev.lantern.shared.text.DetectedLanguage;

/**
 * A detected language in LibreTranslate's shape.
 *
 * @param confidence how sure detection is, 0..100 as LibreTranslate gives it
 * @param language ISO 639-1 code
 */
public record LibreDetection(double confidence, String language) {

    static LibreDetection of(DetectedLanguage detected) {
        return new LibreDetection(Math.round(detected.confidence() * 1000) / 10.0, detected.code());
    }
}
