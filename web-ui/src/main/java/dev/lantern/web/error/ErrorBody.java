package dev.lantern.web.error;

/** The JSON body of every error answer: {@code {"error": "...", "status": 400}}. */
public record ErrorBody(String error, int status) {}
