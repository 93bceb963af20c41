package dev.imagesync.serve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Fires {@link ScheduledRescan} on {@code imagesync.schedule.rescan-cron}. Each firing is handed the time it was
 * scheduled for, not the time it happened to start, so every instance names the same firing alike. The
 * scheduler thread is private (not a bean): it must not be shut down before running jobs have stopped.
 */
public class RescanSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RescanSchedule.class);

    private final ScheduleProperties schedule;
    private final ScheduledRescan rescan;
    private ThreadPoolTaskScheduler scheduler;

    public RescanSchedule(ScheduleProperties schedule, ScheduledRescan rescan) {
        this.schedule = schedule;
        this.rescan = rescan;
    }

    @Override
    public synchronized void start() {
        if (!schedule.rescanEnabled()) {
            log.info("rescan-images schedule is off (imagesync.schedule.rescan-cron=-)");
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("schedule-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        FiringTrigger trigger = new FiringTrigger(new CronTrigger(schedule.rescanCron(), schedule.zone()));
        scheduler.schedule(() -> rescan.fire(trigger.scheduledFor()), trigger);
        log.info("rescan-images scheduled '{}' ({})", schedule.rescanCron(), schedule.zone());
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
        rescan.close();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /**
     * Remembers the time it last scheduled: the scheduler asks for the next time only after a run ends, so
     * during a run this is that run's scheduled time.
     */
    private final class FiringTrigger implements Trigger {

        private final CronTrigger cron;
        private volatile Instant next;

        FiringTrigger(CronTrigger cron) {
            this.cron = cron;
        }

        @Override
        public Instant nextExecution(TriggerContext context) {
            next = cron.nextExecution(context);
            return next;
        }

        LocalDateTime scheduledFor() {
            return LocalDateTime.ofInstant(next, schedule.zone());
        }
    }
}
