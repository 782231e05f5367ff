package dev.lantern.captioner;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.lantern.web.json.FourDecimals;

/** A classifier label of the whole image. */
public record Tag(String label, @JsonSerialize(using = FourDecimals.class) double probability) {}
