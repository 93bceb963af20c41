package dev.imagesync.catalog;

import java.net.URI;

/**
 * The Redis URL Backend.AI's components compose from {@code config/redis/addr} and {@code config/redis/password}.
 * {@link #toString()} hides the password; only {@link #toUri()} carries it, for connecting.
 *
 * @param host     host name or IP (IPv6 without brackets)
 * @param port     TCP port
 * @param password the password, or null
 * @param database the database index
 */
public record RedisUrl(String host, int port, String password, int database) {

    public static final int DEFAULT_PORT = 6379;

    /** Parses {@code host:port}, {@code host} or {@code [v6]:port}; the message names the address when invalid. */
    public static RedisUrl of(String address, String password, int database) {
        String text = address == null ? "" : address.strip();
        String host = text;
        int port = DEFAULT_PORT;
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (colon > 0 && (!bracketed || text.lastIndexOf(']') < colon)) {
            host = text.substring(0, colon);
            port = parsePort(address, text.substring(colon + 1));
        }
        if (bracketed) {
            if (!host.endsWith("]")) {
                throw new IllegalArgumentException("redis address '" + address + "' has an unclosed '['");
            }
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || host.contains("/") || host.contains(" ")) {
            throw new IllegalArgumentException("redis address '" + address + "' is not host:port");
        }
        return new RedisUrl(host, port, password == null || password.isEmpty() ? null : password, database);
    }

    private static int parsePort(String address, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("redis address '" + address + "' has an invalid port '" + text + "'");
    }

    /** The URL with the password, for a client to connect with. Never log it. */
    public URI toUri() {
        // Percent-encoded, so a password with '@' or '/' still makes a valid URL.
        return URI.create(render(password == null ? null : dev.imagesync.etcd.EtcdKeyCodec.quote(password)));
    }

    @Override
    public String toString() {
        return render(password == null ? null : "***");
    }

    private String render(String secret) {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "redis://" + (secret == null ? "" : ":" + secret + "@") + hostPart + ":" + port + "/" + database;
    }
}
