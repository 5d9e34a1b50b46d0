package cn.srdi.app.web;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The platform clock (zone Asia/Shanghai) and scheduling. Modules that act on dates (reminders,
 * deadlines, lapses) read "today" from this bean rather than from the system clock, so a test can
 * replace it ({@code @TestBean}) or call the job with a date and move time.
 */
@Configuration
@EnableScheduling
public class PlatformClock {

    /** The platform's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    public Clock clock() {
        return Clock.system(ZONE);
    }
}
