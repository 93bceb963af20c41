package dev.imagesync.registry;

/**
 * A next-page link pointing to another scheme, host or port than the listing started on. Following it
 * would send the registry's credentials elsewhere, so the listing stops (CONTRACT.md §3).
 */
public class UnsafeNextLinkException extends RegistryException {

    public UnsafeNextLinkException(String registry, String expectedOrigin, String linkOrigin) {
        super("registry '" + registry + "' gave a next-page link to " + linkOrigin
                + "; only " + expectedOrigin + " is followed");
    }
}
