package dev.lantern.captioner.describe;

/** How much a caption says: one sentence, or a sentence and a short list of what else is visible. */
public enum Detail {
    SENTENCE,
    LIST
}
