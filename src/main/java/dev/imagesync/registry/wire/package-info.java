/**
 * JSON documents as registries send them ({@code *Template}, after jib-core's {@code image/json}), kept
 * apart from the domain in {@code dev.imagesync.image}. Every template ignores fields it does not name, so
 * a registry adding fields never breaks a scan.
 */
package dev.imagesync.registry.wire;
