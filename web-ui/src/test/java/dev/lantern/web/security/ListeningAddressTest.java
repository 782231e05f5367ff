package dev.lantern.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Where the apps listen by default, and what the start-up line says about it. */
class ListeningAddressTest {

    @Test
    void everyAppListensOnLoopbackUnlessToldOtherwise() throws IOException {
        // web-ui's shared settings, which every app (the suite too) reads under its own application.properties
        Properties shared = new Properties();
        try (InputStream in = ListeningAddress.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shared.load(in);
        }
        assertEquals("127.0.0.1", shared.getProperty("quarkus.http.host"));
    }

    @Test
    void loopbackIsThisMachineOnly() {
        assertTrue(ListeningAddress.loopback("127.0.0.1"));
        assertTrue(ListeningAddress.loopback("localhost"));
        assertTrue(ListeningAddress.loopback("::1"));
        assertFalse(ListeningAddress.loopback("0.0.0.0"), "every interface");
        assertFalse(ListeningAddress.loopback("::"), "every interface");
        assertFalse(ListeningAddress.loopback("192.168.1.20"));
    }

    @Test
    void theStartUpLineGivesTheAddressAndHowToServeOthers() {
        assertEquals("Lantern listens on http://127.0.0.1:8080/: this machine only (QUARKUS_HTTP_HOST=0.0.0.0 serves "
                + "other machines)", ListeningAddress.line("127.0.0.1", 8080));
        assertEquals("Lantern listens on http://0.0.0.0:8081/: other machines can reach it",
                ListeningAddress.line("0.0.0.0", 8081));
        assertTrue(ListeningAddress.line("::1", 8080).contains("http://[::1]:8080/"));
        assertTrue(ListeningAddress.openWarning("0.0.0.0").contains("LANTERN_SECURITY_API_KEYS"));
    }
}
