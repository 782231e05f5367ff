package dev.lantern.web.security;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Says at start where the app can be reached, and warns when it listens beyond this machine with the APIs open. The
 * default address is 127.0.0.1 ({@code quarkus.http.host} in web-ui's {@code microprofile-config.properties}), so a
 * laptop shows nothing to its network until its user sets {@code QUARKUS_HTTP_HOST=0.0.0.0}.
 */
@ApplicationScoped
public class ListeningAddress {

    private static final Logger LOG = Logger.getLogger(ListeningAddress.class);

    @Inject
    ApiKeys keys;

    /** Quarkus fires the event asynchronously once the server listens, so only an asynchronous observer sees it. */
    void started(@ObservesAsync HttpServerStart start) {
        String host = start.options().getHost();
        // the options hold the configured port; where that is "any free one" (tests), the one taken is not there
        int port = start.options().getPort() > 0 ? start.options().getPort()
                : ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(0);
        LOG.info(line(host, port));
        if (!loopback(host) && !keys.required()) {
            LOG.warn(openWarning(host));
        }
    }

    /** The start-up line: the address, and whether other machines can reach it. */
    static String line(String host, int port) {
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
        return loopback(host)
                ? "Lantern listens on " + url + ": this machine only (QUARKUS_HTTP_HOST=0.0.0.0 serves other machines)"
                : "Lantern listens on " + url + ": other machines can reach it";
    }

    static String openWarning(String host) {
        return "The APIs are open to every machine that reaches " + host + ", without a key: set "
                + "LANTERN_SECURITY_API_KEYS (see README, Running in public), or QUARKUS_HTTP_HOST=127.0.0.1 to serve "
                + "this machine only";
    }

    /** True for an address of this machine alone (127.0.0.0/8, ::1, localhost); 0.0.0.0 is every interface. */
    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
