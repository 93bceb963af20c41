package dev.imagesync.job.ops;

/** Where progress goes: a terminal, Redis. Called from one sampler thread; must not throw. */
public interface ProgressSink {

    void publish(Progress progress);
}
