package dev.imagesync.job.rescan;

import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagRef;
import dev.imagesync.registry.RegistryNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.test.MetaDataInstanceFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class InspectionWindowTest {

    private static final Map<String, List<String>> REGISTRY = Map.of(
            "a", List.of("1", "2", "3"),
            "b", List.of(),
            "c", List.of("1", "2", "3", "4", "5", "6", "7", "8"));

    private final List<InspectionWindow> windows = new ArrayList<>();

    @BeforeEach
    void stepScope() {
        // The repository read-ahead runs in the step's scope, as the reader's step-scoped beans need it.
        StepSynchronizationManager.register(MetaDataInstanceFactory.createStepExecution());
    }

    @AfterEach
    void close() {
        windows.forEach(InspectionWindow::close);
        StepSynchronizationManager.close();
    }

    @Test
    void handsOutRepositoryStartsAndTagsInListingOrder_afterTheRestOfAResumedRepository() throws Exception {
        InspectionWindow window = window(List.of(work("z", "9")).iterator(), List.of("a", "b", "c"),
                work -> skipped(work.ref().tag()), 3, 4);

        List<String> handedOut = new ArrayList<>();
        for (InspectionWindow.Next next; (next = window.next()) != null; ) {
            if (next instanceof InspectionWindow.RepositoryStarted started) {
                handedOut.add(started.repository() + "/");
            } else {
                PendingTag tag = ((InspectionWindow.TagAhead) next).tag();
                assertThat(tag.outcome().get().skipReason().text()).isEqualTo(tag.ref().tag());
                handedOut.add(tag.ref().repository() + ":" + tag.ref().tag());
            }
        }

        assertThat(handedOut).containsExactly("z:9", "a/", "a:1", "a:2", "a:3", "b/", "c/",
                "c:1", "c:2", "c:3", "c:4", "c:5", "c:6", "c:7", "c:8");
    }

    @Test
    void startsNoMoreThanDepthInspectionsAheadOfWhatWasHandedOut() throws Exception {
        AtomicInteger started = new AtomicInteger();
        InspectionWindow window = window(Collections.emptyIterator(), List.of("c"), work -> {
            started.incrementAndGet();
            return skipped("seen");
        }, 8, 3);

        window.next();  // c's start; c:1..c:3 are now being inspected
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 3);
        Thread.sleep(100);
        assertThat(started).hasValue(3);

        window.next();  // c:1 handed out, c:4 joins the window
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 4);
        Thread.sleep(100);
        assertThat(started).hasValue(4);
    }

    @Test
    void runsAtMostConcurrencyInspectionsAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        InspectionWindow window = window(Collections.emptyIterator(), List.of("c"), work -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(20);
            running.decrementAndGet();
            return skipped("seen");
        }, 3, 8);

        int tags = 0;
        for (InspectionWindow.Next next; (next = window.next()) != null; ) {
            if (next instanceof InspectionWindow.TagAhead ahead) {
                ahead.tag().outcome().get();
                tags++;
            }
        }

        assertThat(tags).isEqualTo(8);
        assertThat(mostAtOnce).hasValue(3);
    }

    @Test
    void aListingFailure_isThrownInItsTurn_afterTheTagsBeforeIt() {
        RegistryNotFoundException gone = new RegistryNotFoundException("registry", "GET", "/v2/b/tags/list");
        RepositoryReadAhead repositories = new RepositoryReadAhead(List.of("a", "b", "c").iterator(), repository -> {
            if (repository.equals("b")) {
                throw gone;
            }
            return works(repository);
        }, 2);
        InspectionWindow window = new InspectionWindow(Collections.emptyIterator(), repositories,
                work -> skipped("seen"), 2, 10, "test-fetch");
        windows.add(window);

        List<String> handedOut = new ArrayList<>();
        assertThatThrownBy(() -> {
            for (InspectionWindow.Next next; (next = window.next()) != null; ) {
                handedOut.add(next instanceof InspectionWindow.TagAhead ahead ? ahead.tag().ref().tag() : "start");
            }
        }).isSameAs(gone);
        assertThat(handedOut).containsExactly("start", "1", "2", "3");
    }

    @Test
    void close_interruptsTheInspectionsStillRunning() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch interrupted = new CountDownLatch(2);
        InspectionWindow window = window(Collections.emptyIterator(), List.of("c"), work -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException stopped) {
                interrupted.countDown();
            }
            return skipped("never");
        }, 2, 4);
        window.next();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        window.close();

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("running inspections interrupted").isTrue();
    }

    private InspectionWindow window(Iterator<TagWork> resumed, List<String> repositories,
                                    Function<TagWork, TagOutcome> inspect, int concurrency, int depth) {
        InspectionWindow window = new InspectionWindow(resumed,
                new RepositoryReadAhead(repositories.iterator(), InspectionWindowTest::works, 2),
                inspect, concurrency, depth, "test-fetch");
        windows.add(window);
        return window;
    }

    private static List<TagWork> works(String repository) {
        return REGISTRY.get(repository).stream().map(tag -> work(repository, tag)).toList();
    }

    private static TagWork work(String repository, String tag) {
        return new TagWork(new TagRef("registry", repository, tag), null, null, false);
    }

    private static TagOutcome skipped(String reason) {
        return TagOutcome.skipped(new SkipReason(reason), null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
