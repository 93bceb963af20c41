package dev.imagesync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagesync.serve.ScheduleProperties;
import dev.imagesync.serve.ServeProperties;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

/** Only {@code serve} turns on the web server and the schedule; configuration defaults and secrets. */
class ServeModeArgumentsTest {

    @Test
    void serveCommand_addsWebAndServeProperties_otherCommandsStayAsGiven() {
        assertThat(ImagesyncApplication.withMode(new String[] {"--imagesync.etcd.namespace=x", "serve"}))
                .containsSubsequence("--spring.main.web-application-type=servlet", "--imagesync.serve.enabled=true",
                        "--imagesync.etcd.namespace=x", "serve");
        assertThat(ImagesyncApplication.withMode(new String[] {"rescan-images", "serve"}))
                .containsExactly("rescan-images", "serve");
        assertThat(ImagesyncApplication.withMode(new String[] {})).isEmpty();
    }

    @Test
    void commandsOtherThanServe_skipActuatorMetricsAndWebJsonAutoConfiguration() {
        String[] candidates = {"org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration"};
        CommandAutoConfigurationFilter filter = new CommandAutoConfigurationFilter();

        filter.setEnvironment(new org.springframework.mock.env.MockEnvironment());
        assertThat(filter.match(candidates, null)).containsExactly(false, false, true);
        filter.setEnvironment(new org.springframework.mock.env.MockEnvironment()
                .withProperty("imagesync.serve.enabled", "true"));
        assertThat(filter.match(candidates, null)).containsExactly(true, true, true);
    }

    @Test
    void serveProperties_defaultAUniqueInstanceId_andNeverShowTheToken() {
        ServeProperties serve = new ServeProperties(null, null, "hunter2", null, null);

        assertThat(serve.instanceId()).isNotBlank().isNotEqualTo(new ServeProperties(null, null, null, null, null)
                .instanceId());
        assertThat(serve.enabled()).isFalse();
        assertThat(serve.hasToken()).isTrue();
        assertThat(serve.toString()).doesNotContain("hunter2").contains("token=<hidden>");
    }

    @Test
    void scheduleProperties_defaultToThreeInTheMorningUtc_andRejectABadCron() {
        ScheduleProperties defaults = new ScheduleProperties(null, null);
        assertThat(defaults.rescanCron()).isEqualTo("0 0 3 * * *");
        assertThat(defaults.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(new ScheduleProperties("-", null).rescanEnabled()).isFalse();
        assertThatThrownBy(() -> new ScheduleProperties("0 3 * * *", null))
                .hasMessage("imagesync.schedule.rescan-cron is not a valid cron with seconds: '0 3 * * *' (e.g. '0 0 3 * * *')");
    }
}
