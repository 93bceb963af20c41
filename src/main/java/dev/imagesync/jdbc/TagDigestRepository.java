package dev.imagesync.jdbc;

import dev.imagesync.image.TagRef;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code IMAGESYNC_TAG_DIGEST} table: per (registry, repository, tag) the manifest digest of its last scan.
 * Writes join the caller's transaction, so the scan records digests atomically with its chunk checkpoint.
 */
public class TagDigestRepository {

    private final JdbcTemplate jdbc;

    public TagDigestRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every remembered tag of one repository, by tag. */
    public Map<String, KnownTag> findByRepository(String registry, String repository) {
        Map<String, KnownTag> known = new HashMap<>();
        jdbc.query("SELECT TAG, MANIFEST_DIGEST, OUTCOME, POLICY FROM IMAGESYNC_TAG_DIGEST"
                        + " WHERE REGISTRY = ? AND REPOSITORY = ?",
                row -> {
                    known.put(row.getString(1), new KnownTag(row.getString(2), row.getString(3), row.getString(4)));
                }, registry, repository);
        return known;
    }

    /** Inserts or replaces the rows of the given tags (delete then insert: portable across H2 and PostgreSQL). */
    public void saveAll(Collection<TagObservation> observations) {
        if (observations.isEmpty()) {
            return;
        }
        List<Object[]> keys = observations.stream().map(o -> key(o.ref())).toList();
        jdbc.batchUpdate("DELETE FROM IMAGESYNC_TAG_DIGEST WHERE REGISTRY = ? AND REPOSITORY = ? AND TAG = ?", keys);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("INSERT INTO IMAGESYNC_TAG_DIGEST"
                        + " (REGISTRY, REPOSITORY, TAG, MANIFEST_DIGEST, OUTCOME, POLICY, SCANNED_AT)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                observations.stream().map(o -> new Object[] {o.ref().registry(), o.ref().repository(), o.ref().tag(),
                        o.known().manifestDigest(), o.known().outcome(), o.known().policy(), now}).toList());
    }

    /** Forgets tags, e.g. after they were pruned from the catalog. */
    public void deleteAll(Collection<TagRef> tags) {
        if (!tags.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM IMAGESYNC_TAG_DIGEST WHERE REGISTRY = ? AND REPOSITORY = ? AND TAG = ?",
                    tags.stream().map(TagDigestRepository::key).toList());
        }
    }

    private static Object[] key(TagRef ref) {
        return new Object[] {ref.registry(), ref.repository(), ref.tag()};
    }
}
