package cn.srdi.app.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of notifications ({@code srdi.notification.*}). E-mail is sent only when an SMTP server
 * is configured ({@code spring.mail.host}).
 *
 * @param mailFrom       sender address of e-mails
 * @param baseUrl        the platform's address, put before the links in e-mails
 * @param maxAttempts    sends tried before an e-mail is left FAILED
 * @param retrySeconds   wait before the first retry; doubled after each failure
 */
@ConfigurationProperties(prefix = "srdi.notification")
public record NotificationProperties(String mailFrom, String baseUrl, Integer maxAttempts, Integer retrySeconds) {

    public NotificationProperties {
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "srdi-noreply@localhost" : mailFrom;
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 5 : maxAttempts;
        retrySeconds = retrySeconds == null || retrySeconds < 1 ? 60 : retrySeconds;
    }
}
