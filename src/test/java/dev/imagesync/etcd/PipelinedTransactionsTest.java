package dev.imagesync.etcd;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-flight window of {@link PipelinedTransactions}, without etcd: futures completed by a timer. */
class PipelinedTransactionsTest {

    @AutoClose("shutdownNow")
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
    private final BoundedEtcdCall call = new BoundedEtcdCall(
            EtcdProperties.of(List.of("http://127.0.0.1:2379"), "local").withTimeout(Duration.ofMillis(500)));

    @Test
    void neverMoreThanTheWindowInFlight_andEveryBatchSubmittedInOrder() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<Integer> submitted = new ArrayList<>();

        new PipelinedTransactions(call, 3).run(IntStream.range(0, 20).boxed().toList(), batch -> {
            submitted.add(batch);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return completeLater(5, () -> inFlight.decrementAndGet());
        });

        assertThat(submitted).isEqualTo(IntStream.range(0, 20).boxed().toList());
        assertThat(maxInFlight.get()).isEqualTo(3);
        assertThat(inFlight.get()).isZero();
    }

    @Test
    void aTransactionThatNeverAnswers_failsWithinTheTimeout_andTheRestIsCancelled() {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        long start = System.nanoTime();

        assertThatThrownBy(() -> new PipelinedTransactions(call, 4).run(List.of(1, 2, 3, 4, 5, 6), batch -> {
            CompletableFuture<Integer> future = batch == 2 ? new CompletableFuture<>() : completeLater(1, () -> 0);
            futures.add(future);
            return future;
        })).isInstanceOf(EtcdUnavailableException.class).hasMessageContaining("did not answer within 500ms");

        // Bounded by the 500 ms timeout, not hanging; the margin absorbs a loaded CI machine.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(futures.get(1)).isCancelled();
        assertThat(futures).as("batches after the window filled with the hung one were never sent").hasSize(5);
    }

    @Test
    void aFailedTransaction_isReportedOnOneLine() {
        assertThatThrownBy(() -> new PipelinedTransactions(call, 4).run(List.of(1, 2, 3), batch -> batch == 2
                ? CompletableFuture.failedFuture(new IllegalStateException("request is too large\nsecond line"))
                : completeLater(1, () -> 0)))
                .isInstanceOf(EtcdException.class)
                .hasMessage("etcd at http://127.0.0.1:2379 failed: request is too large second line");
    }

    private CompletableFuture<Integer> completeLater(long millis, java.util.function.IntSupplier onCompletion) {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        timer.schedule(() -> future.complete(onCompletion.getAsInt()), millis, TimeUnit.MILLISECONDS);
        return future;
    }
}
