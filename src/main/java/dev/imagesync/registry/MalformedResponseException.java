package dev.imagesync.registry;

/**
 * A response body that is not the JSON the protocol promises: bad syntax, truncated, or the wrong shape.
 * The parser's own message is deliberately not kept (nor the parser exception as cause): it may quote the
 * body, and a token response's body is a secret.
 */
public class MalformedResponseException extends RegistryException {

    public MalformedResponseException(String registry, String what, String path, String problem) {
        super("registry '" + registry + "' sent a malformed " + what + " from " + path + ": " + problem);
    }
}
