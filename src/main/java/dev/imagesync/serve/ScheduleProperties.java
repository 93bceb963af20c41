package dev.imagesync.serve;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

import java.time.ZoneId;

/**
 * When {@code serve} runs jobs by itself ({@code imagesync.schedule.*}).
 *
 * @param rescanCron when rescan-images runs: a Spring cron with seconds ({@code sec min hour day month weekday}),
 *                   or {@code -} for never. Default {@code 0 0 3 * * *}: 03:00 every day.
 * @param zone       the time zone the cron is read in, e.g. {@code Asia/Seoul}. Default UTC.
 */
@ConfigurationProperties("imagesync.schedule")
public record ScheduleProperties(String rescanCron, ZoneId zone) {

    public static final String DISABLED = "-";

    public ScheduleProperties {
        rescanCron = rescanCron == null || rescanCron.isBlank() ? "0 0 3 * * *" : rescanCron.strip();
        zone = zone == null ? ZoneId.of("UTC") : zone;
        if (!DISABLED.equals(rescanCron) && !CronExpression.isValidExpression(rescanCron)) {
            throw new IllegalArgumentException("imagesync.schedule.rescan-cron is not a valid cron with seconds: '"
                    + rescanCron + "' (e.g. '0 0 3 * * *')");
        }
    }

    public boolean rescanEnabled() {
        return !DISABLED.equals(rescanCron);
    }
}
