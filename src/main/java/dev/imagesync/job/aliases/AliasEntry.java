package dev.imagesync.job.aliases;

/**
 * One {@code [alias, target]} pair of an aliases file.
 *
 * @param alias  the alias, as written
 * @param target the image reference it points at, as written
 * @param line   where the pair starts in the file (1-based)
 */
public record AliasEntry(String alias, String target, int line) {
}
