package dev.imagesync.registry;

/** A response body that is not the JSON the protocol promises: bad syntax, truncated, or the wrong shape. */
public class MalformedResponseException extends RegistryException {

    public MalformedResponseException(String registry, String what, String path, Throwable cause) {
        super("registry '" + registry + "' sent a malformed " + what + " from " + path + ": "
                + oneLine(cause.getMessage()), cause);
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "unreadable JSON";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
