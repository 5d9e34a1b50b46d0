package cn.srdi.app.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dashboards ({@code srdi.dashboard.*}).
 *
 * @param expiringDays default window of "expiring titles" in days (90)
 * @param pageSize     rows per page of the candidate and expiring lists (100)
 * @param exportLimit  most rows written to one XLSX export (200,000)
 * @param fingerprintReuse how long one reading of the registry's fingerprint (two counting scans
 *                     of the registry) serves every dashboard view (2 s; {@code 0s} checks it on
 *                     every view): the dashboards show a registry change at most this late
 */
@ConfigurationProperties(prefix = "srdi.dashboard")
public record DashboardProperties(int expiringDays, int pageSize, int exportLimit, Duration fingerprintReuse) {

    public DashboardProperties {
        expiringDays = expiringDays <= 0 ? 90 : expiringDays;
        pageSize = pageSize <= 0 ? 100 : pageSize;
        exportLimit = exportLimit <= 0 ? 200_000 : exportLimit;
        fingerprintReuse = fingerprintReuse == null || fingerprintReuse.isNegative() ? Duration.ofSeconds(2) : fingerprintReuse;
    }
}
