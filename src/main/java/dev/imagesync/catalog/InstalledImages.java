package dev.imagesync.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Which agents have which images installed (Redis DB 3, CONTRACT.md §4). */
public interface InstalledImages {

    /** The agents per canonical reference, or why they could not be read. */
    Lookup lookup(Collection<String> canonicalReferences);

    /**
     * The answer for a batch of references: {@code agents} is set, or {@code problem} says (in one line, no
     * secrets) why Redis could not answer.
     */
    record Lookup(Map<String, List<String>> agents, String problem) {

        public static Lookup unavailable(String problem) {
            return new Lookup(null, problem);
        }

        public boolean available() {
            return agents != null;
        }
    }
}
