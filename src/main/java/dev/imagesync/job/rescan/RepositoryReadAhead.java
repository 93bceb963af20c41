package dev.imagesync.job.rescan;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Prepares the next few repositories' tags (tag list, remembered digests, records present in etcd) while the
 * step works on the current one, handing them out in order. Each repository costs a few round trips that
 * would otherwise be paid one after another between chunks; against a remote registry they add up.
 *
 * <p>The work runs on its own threads with the step's context registered, as step-scoped beans need it.
 * Not thread-safe: the reader calls {@link #next()} from the step's thread.
 */
final class RepositoryReadAhead implements AutoCloseable {

    /** A repository and its tags, once prepared. */
    record PreparedRepository(String repository, List<TagWork> tags) {
    }

    private final Iterator<String> repositories;
    private final Function<String, List<TagWork>> prepare;
    private final StepExecution stepExecution;
    private final int depth;
    private final ExecutorService threads;
    private final Deque<CompletableFuture<PreparedRepository>> inFlight = new ArrayDeque<>();

    RepositoryReadAhead(Iterator<String> repositories, Function<String, List<TagWork>> prepare, int depth) {
        this.repositories = repositories;
        this.prepare = prepare;
        this.depth = depth;
        this.stepExecution = StepSynchronizationManager.getContext().getStepExecution();
        this.threads = Executors.newFixedThreadPool(depth, runnable -> {
            Thread thread = new Thread(runnable, "read-ahead-" + stepExecution.getStepName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The next repository with its tags, or null after the last; a failure preparing it is thrown here. */
    PreparedRepository next() {
        while (inFlight.size() < depth + 1 && repositories.hasNext()) {
            String repository = repositories.next();
            inFlight.add(CompletableFuture.supplyAsync(() -> prepareInStep(repository), threads));
        }
        CompletableFuture<PreparedRepository> head = inFlight.poll();
        if (head == null) {
            return null;
        }
        try {
            return head.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
        }
    }

    private PreparedRepository prepareInStep(String repository) {
        StepSynchronizationManager.register(stepExecution);
        try {
            return new PreparedRepository(repository, prepare.apply(repository));
        } finally {
            StepSynchronizationManager.close();
        }
    }

    @Override
    public void close() {
        inFlight.forEach(future -> future.cancel(true));
        inFlight.clear();
        threads.shutdownNow();
    }
}
