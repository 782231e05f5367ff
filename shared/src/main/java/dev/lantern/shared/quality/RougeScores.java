package dev.lantern.shared.quality;

/** ROUGE-1, ROUGE-2 and ROUGE-L F1 of one summary against its reference, each 0..1. */
public record RougeScores(double rouge1, double rouge2, double rougeL) {}
