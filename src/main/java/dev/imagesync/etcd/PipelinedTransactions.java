package dev.imagesync.etcd;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends a list of transactions with up to {@code window} of them in flight at once and waits for all. etcd
 * commits concurrent transactions in one raft round and one fsync, so a window turns a chunk's dozens of
 * sequential round trips into a few. Each transaction stays atomic on its own; their relative order does not
 * matter because the callers' batches touch disjoint keys and only put.
 *
 * <p>Every future is bounded by the store's timeout counted from its own submission, not from when this
 * method gets round to waiting for it. On the first failure (in submission order) the rest are cancelled
 * best-effort and that failure is thrown as the one-line {@link EtcdException} of {@link BoundedEtcdCall}.
 */
final class PipelinedTransactions {

    private final BoundedEtcdCall call;
    private final int window;

    PipelinedTransactions(BoundedEtcdCall call, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.call = call;
        this.window = window;
    }

    /** Submits {@code submit(batch)} for every batch, at most {@code window} unanswered at a time. */
    <B, R> void run(List<B> batches, Function<B, CompletableFuture<R>> submit) {
        Deque<InFlight<R>> inFlight = new ArrayDeque<>();
        try {
            for (B batch : batches) {
                if (inFlight.size() == window) {
                    awaitOldest(inFlight);
                }
                inFlight.add(new InFlight<>(submit.apply(batch), System.nanoTime()));
            }
            while (!inFlight.isEmpty()) {
                awaitOldest(inFlight);
            }
        } catch (RuntimeException failure) {
            inFlight.forEach(pending -> pending.future().cancel(true));
            throw failure;
        }
    }

    private <R> void awaitOldest(Deque<InFlight<R>> inFlight) {
        InFlight<R> oldest = inFlight.poll();
        call.awaitFrom(oldest.future(), oldest.submittedAtNanos());
    }

    private record InFlight<R>(CompletableFuture<R> future, long submittedAtNanos) {
    }
}
