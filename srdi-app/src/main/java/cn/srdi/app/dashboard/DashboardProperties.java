package cn.srdi.app.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dashboards ({@code srdi.dashboard.*}).
 *
 * @param expiringDays default window of "expiring titles" in days (90)
 * @param pageSize     rows per page of the candidate and expiring lists (100)
 * @param exportLimit  most rows written to one XLSX export (200,000)
 */
@ConfigurationProperties(prefix = "srdi.dashboard")
public record DashboardProperties(int expiringDays, int pageSize, int exportLimit) {

    public DashboardProperties {
        expiringDays = expiringDays <= 0 ? 90 : expiringDays;
        pageSize = pageSize <= 0 ? 100 : pageSize;
        exportLimit = exportLimit <= 0 ? 200_000 : exportLimit;
    }
}
