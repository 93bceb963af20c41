package dev.imagesync.etcd;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Waits for a jetcd future at most the configured timeout. jetcd's futures never complete while etcd is
 * unreachable, so every call goes through here; failures become one-line {@link EtcdException}s that name
 * the endpoints and never the credentials.
 */
final class BoundedEtcdCall {

    private final String endpoints;
    private final Duration timeout;

    BoundedEtcdCall(EtcdProperties properties) {
        this.endpoints = String.join(",", properties.endpoints());
        this.timeout = properties.timeout();
    }

    <T> T await(CompletableFuture<T> future) {
        return awaitFrom(future, System.nanoTime());
    }

    /** Like {@link #await} for a future started at {@code startedAtNanos} ({@link System#nanoTime()}). */
    <T> T awaitFrom(CompletableFuture<T> future, long startedAtNanos) {
        long remaining = timeout.toNanos() - (System.nanoTime() - startedAtNanos);
        try {
            return future.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException notAnswered) {
            future.cancel(true);
            throw new EtcdUnavailableException(didNotAnswer(), notAnswered);
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new EtcdUnavailableException("interrupted while waiting for etcd at " + endpoints, interrupted);
        } catch (ExecutionException failed) {
            throw translate(failed.getCause());
        }
    }

    EtcdException translate(Throwable cause) {
        Status status = statusOf(cause);
        if (status == null) {
            return new EtcdException("etcd at " + endpoints + " failed: " + oneLine(cause), cause);
        }
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED -> new EtcdUnavailableException(
                    "etcd at " + endpoints + " is unavailable (" + oneLine(status) + ")", cause);
            default -> new EtcdException(
                    "etcd at " + endpoints + " refused the request (" + oneLine(status) + ")", cause);
        };
    }

    String didNotAnswer() {
        return "etcd at " + endpoints + " did not answer within " + describe(timeout);
    }

    private static Status statusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException statusError) {
                return statusError.getStatus();
            }
        }
        return null;
    }

    private static String oneLine(Status status) {
        String text = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        return text.replaceAll("\\s+", " ");
    }

    private static String oneLine(Throwable error) {
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return text.replaceAll("\\s+", " ");
    }

    /** "5s" for whole seconds, else "1500ms": how operators write the property. */
    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
