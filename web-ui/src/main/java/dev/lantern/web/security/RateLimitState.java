package dev.lantern.web.security;

/**
 * How the rate limit counts at this moment: {@code counted} is "off", "per replica", "shared through Redis at ..." or
 * why Redis is not in use; {@code up} is false only while a fail-closed limit refuses the APIs.
 */
record RateLimitState(boolean up, String counted, String rule) {}
