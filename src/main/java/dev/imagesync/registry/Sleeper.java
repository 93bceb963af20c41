package dev.imagesync.registry;

import java.time.Duration;

/** Waits between retries; a seam so tests can record the waits instead of spending them. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
