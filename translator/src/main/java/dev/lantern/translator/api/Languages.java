package dev.lantern.translator.api;

import dev.lantern.translator.PairStatus;
import java.util.List;

/**
 * The answer of {@code GET /api/translate/languages}.
 *
 * @param pairs every configured pair with its state
 * @param maxChars the longest text accepted, in characters
 */
public record Languages(List<PairStatus> pairs, int maxChars) {}
