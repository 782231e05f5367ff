package dev.lantern.translator.libre;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** API keys on, and a rate limit low enough to reach: a public LibreTranslate-compatible deployment. */
public class LibreKeysOn implements QuarkusTestProfile {

    public static final String KEY = "libre-key-3c9a41f7";
    /** Used by the rate-limit test only, so that the other tests' requests do not count against it. */
    public static final String LIMITED_KEY = "limited-key-80d2e6";
    /** The whole minute's allowance at once, so the bucket refills one request a minute: no refill in the test. */
    public static final int BURST = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("lantern.security.api-keys", KEY + "," + LIMITED_KEY,
                "lantern.security.rate-limit.requests-per-minute", Integer.toString(BURST),
                "lantern.security.rate-limit.burst", Integer.toString(BURST));
    }
}
