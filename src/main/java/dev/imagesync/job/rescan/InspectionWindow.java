package dev.imagesync.job.rescan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Keeps the inspections of the {@code depth} tags after the last one handed out running on {@code concurrency}
 * threads while the step works through the current chunk, and hands tags out in listing order. Without it
 * every chunk would end in a barrier: the registry would idle while the chunk's last fetches drain and while
 * it is written to etcd and checkpointed. What runs ahead is only fetched, never counted or remembered (see
 * {@link TagOutcome}), so a crash loses nothing a restart would need.
 *
 * <p>A failure to list a repository ahead is handed out in its place, after the tags before it. Not
 * thread-safe: the reader calls {@link #next()} from the step's thread.
 */
final class InspectionWindow implements AutoCloseable {

    /** What the window holds: what the reader gets next, or a listing failure waiting for its turn. */
    private sealed interface Entry permits Next, Failure {
    }

    /** What the reader gets next: the start of a repository's tags, or one tag. */
    sealed interface Next extends Entry permits RepositoryStarted, TagAhead {
    }

    record RepositoryStarted(String repository) implements Next {
    }

    record TagAhead(PendingTag tag) implements Next {
    }

    private record Failure(RuntimeException error) implements Entry {
    }

    private final RepositoryReadAhead repositories;
    private final Function<TagWork, TagOutcome> inspect;
    private final int depth;
    private final ExecutorService fetches;
    private final Deque<Entry> ahead = new ArrayDeque<>();
    private Iterator<TagWork> tags;
    private int tagsAhead;
    private boolean ended;

    /**
     * @param resumed      the rest of the repository a restart resumes in (its start is not handed out again)
     * @param repositories the repositories after it
     * @param inspect      what runs ahead for each tag ({@link TagInspector#inspect})
     */
    InspectionWindow(Iterator<TagWork> resumed, RepositoryReadAhead repositories,
                     Function<TagWork, TagOutcome> inspect, int concurrency, int depth, String threadName) {
        this.tags = resumed;
        this.repositories = repositories;
        this.inspect = inspect;
        this.depth = depth;
        this.fetches = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The next repository start or tag, or null after the last; a listing failure is thrown in its turn. */
    Next next() {
        fill();
        Entry head = ahead.poll();
        if (head instanceof Failure failure) {
            throw failure.error();
        }
        if (head instanceof TagAhead) {
            tagsAhead--;
            // Refilled now, not at the next call: while the step writes the chunk this tag ends, depth tags run.
            fill();
        }
        return (Next) head;
    }

    private void fill() {
        while (!ended && tagsAhead < depth) {
            try {
                if (tags.hasNext()) {
                    TagWork work = tags.next();
                    Future<TagOutcome> outcome = CompletableFuture.supplyAsync(() -> inspect.apply(work), fetches);
                    ahead.add(new TagAhead(new PendingTag(work.ref(), outcome)));
                    tagsAhead++;
                } else {
                    RepositoryReadAhead.PreparedRepository next = repositories.next();
                    if (next == null) {
                        ended = true;
                    } else {
                        ahead.add(new RepositoryStarted(next.repository()));
                        tags = next.tags().iterator();
                    }
                }
            } catch (RuntimeException failure) {
                ahead.add(new Failure(failure));
                ended = true;
            }
        }
    }

    @Override
    public void close() {
        for (Entry entry : ahead) {
            if (entry instanceof TagAhead tag) {
                tag.tag().outcome().cancel(true);
            }
        }
        ahead.clear();
        fetches.shutdownNow();
        repositories.close();
    }
}
