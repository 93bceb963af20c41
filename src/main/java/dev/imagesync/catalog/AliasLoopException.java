package dev.imagesync.catalog;

/** Following aliases did not reach an image reference within {@link AliasResolver#MAX_HOPS} hops. */
public class AliasLoopException extends RuntimeException {

    public AliasLoopException(String alias, int hops) {
        super("alias '" + alias + "' does not resolve within " + hops + " hops (an alias loop?)");
    }
}
