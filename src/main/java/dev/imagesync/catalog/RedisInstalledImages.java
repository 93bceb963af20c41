package dev.imagesync.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link InstalledImages} from Redis: one SET of agent ids per canonical reference, on the image index
 * database's own connection. Any Redis failure makes the whole lookup unavailable rather than partly wrong.
 */
public final class RedisInstalledImages implements InstalledImages {

    private final StringRedisTemplate redis;
    private final String where;

    public RedisInstalledImages(StringRedisTemplate redis, String where) {
        this.redis = redis;
        this.where = where;
    }

    @Override
    public Lookup lookup(Collection<String> canonicalReferences) {
        Map<String, List<String>> agents = new TreeMap<>();
        try {
            for (String reference : canonicalReferences) {
                Set<String> members = redis.opsForSet().members(reference);
                agents.put(reference, members == null ? List.of() : members.stream().sorted().toList());
            }
            return new Lookup(agents, null);
        } catch (DataAccessException | IllegalStateException redisFailed) {
            return Lookup.unavailable("Redis image index at " + where + " is unavailable: "
                    + firstLine(redisFailed));
        }
    }

    private static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ");
    }
}
