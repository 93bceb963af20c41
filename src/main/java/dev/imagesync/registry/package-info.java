/**
 * The registry HTTP protocol (CONTRACT.md §3), from the top down:
 * <ul>
 *   <li>{@link dev.imagesync.registry.RegistryClientFactory}: the only switch on the flavour; builds a
 *       {@link dev.imagesync.registry.RegistryClient} from one {@code RepositoryLister} (catalog, Docker Hub,
 *       Harbor v1, Harbor v2) and the shared {@code DistributionClient} (tags, manifests, config blobs).</li>
 *   <li>{@code Pager} / {@code Page}: listings as pages with a next cursor, followed on the same origin only.</li>
 *   <li>{@code RegistryTransport}: authentication (anonymous, Basic, Bearer tokens per scope) below the callers.</li>
 *   <li>{@code HttpExchanger}: the one place that retries temporary failures and caps body size.</li>
 * </ul>
 * Failures are unchecked {@link dev.imagesync.registry.RegistryException}s whose one-line messages never
 * carry credentials or tokens. {@link dev.imagesync.registry.ImagePusher} is the write side, for seeding
 * sample images. Wire formats live in {@code dev.imagesync.registry.wire}.
 */
package dev.imagesync.registry;
