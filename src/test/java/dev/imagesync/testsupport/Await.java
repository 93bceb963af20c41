package dev.imagesync.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition every 100 ms until it holds, failing after a bound. */
public final class Await {

    private Await() {
    }

    /** A probe that may throw; null means "not yet". */
    public interface Probe<T> {
        T get() throws Exception;
    }

    public static <T> T value(Duration within, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + within.toSeconds() + "s");
            }
            Thread.sleep(100);
        }
    }

    public static void until(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + within.toSeconds() + "s");
            }
            Thread.sleep(100);
        }
    }
}
