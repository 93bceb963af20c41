package dev.imagesync.image;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether the first path component of a reference names a registry (21.09's
 * {@code is_known_registry}): a configured registry name, {@code index.docker.io}, or an IP address with an
 * optional port ({@code 10.0.0.1:5000}, {@code [::1]:5000}). A host name that is not configured is not a
 * registry: it becomes part of a Docker Hub repository name, as it did in 21.09.
 */
final class RegistryNames {

    private static final Pattern IPV4_WITH_PORT =
            Pattern.compile("((?:\\d{1,3}\\.){3}\\d{1,3})(?::(\\d{1,5}))?");
    private static final Pattern IPV6_WITH_PORT = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::(\\d{1,5}))?");

    private RegistryNames() {
    }

    static boolean isRegistry(String component, Set<String> knownRegistries) {
        return ImageRef.DEFAULT_REGISTRY.equals(component) || knownRegistries.contains(component)
                || isIpAddress(component);
    }

    static boolean isIpAddress(String component) {
        Matcher v4 = IPV4_WITH_PORT.matcher(component);
        if (v4.matches()) {
            return validOctets(v4.group(1)) && validPort(v4.group(2));
        }
        Matcher v6 = IPV6_WITH_PORT.matcher(component);
        return v6.matches() && validIpv6(v6.group(1)) && validPort(v6.group(2));
    }

    private static boolean validOctets(String address) {
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean validIpv6(String address) {
        // Only hex groups and colons reach here, so this cannot trigger a DNS lookup.
        try {
            return java.net.InetAddress.getByName("[" + address + "]") instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException malformed) {
            return false;
        }
    }

    private static boolean validPort(String port) {
        return port == null || Integer.parseInt(port) <= 65535;
    }
}
