package dev.lantern.captioner;

/** A classifier label of the whole image. */
public record Tag(String label, double probability) {}
