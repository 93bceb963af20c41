package dev.imagesync.serve;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

import java.util.concurrent.CountDownLatch;

/** Lets the {@code serve} command wait until the application shuts down (SIGTERM, or the context closing). */
public class ServeLatch implements ApplicationListener<ContextClosedEvent> {

    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closed.countDown();
    }

    public void awaitShutdown() throws InterruptedException {
        closed.await();
    }
}
