package dev.lantern.summarizer.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.lantern.shared.document.DocumentFacts;
import dev.lantern.summarizer.Summary;

/**
 * The answer for an uploaded document: the usual summary, and what was read.
 *
 * @param document the file's name, the type it held and how many characters of text it had
 * @param summary the summary, its fields at the top level as for a text
 */
public record SummarizedDocument(DocumentFacts document, @JsonUnwrapped Summary summary) {}
