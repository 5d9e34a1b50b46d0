package cn.srdi.app.servicedesk;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.web.BilingualException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise codes (企业码): one signed token per firm, {@code CREDITCODE-VERSION.SIGNATURE}, the
 * signature being HMAC-SHA256 (base64url, 43 characters) over the credit code and the version with
 * the installation's secret. A token is valid only while its version is the firm's current one and
 * the code is not revoked; rotation bumps the version (old prints stop working), revocation stops
 * the code until it is rotated again. Signatures are compared in constant time.
 */
@Service
public class FirmCodes {

    static final String SECRET_SETTING = "token_secret";
    private static final Pattern TOKEN = Pattern.compile("([0-9A-Z]{18})-([1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{43})");

    /** The state of a firm's code. */
    public record Code(String creditCode, int version, boolean revoked, LocalDateTime issuedAt, LocalDateTime revokedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ServiceDeskProperties props;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private volatile byte[] secret;

    public FirmCodes(JdbcClient jdbc, AuditTrail audit, Clock clock, ServiceDeskProperties props,
                     org.springframework.transaction.PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.props = props;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(txm);
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = tx.execute(st -> loadSecret(props.tokenSecret()));
                }
                s = secret;
            }
        }
        return s;
    }

    private byte[] loadSecret(String configured) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("srdi.servicedesk.token-secret 至少 32 个字符 / must have at least 32 characters");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Optional<String> stored = jdbc.sql("select setting_value from sd_setting where name = ?").param(SECRET_SETTING)
                .query(String.class).optional();
        if (stored.isPresent()) {
            return Base64.getDecoder().decode(stored.get());
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into sd_setting (name, setting_value) values (?, ?)")
                .params(SECRET_SETTING, Base64.getEncoder().encodeToString(fresh)).update();
        return fresh;
    }

    /** The signature of a credit code and version. */
    String sign(String creditCode, int version) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] sig = mac.doFinal(("srdi-enterprise-code|" + creditCode + "|" + version).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The token of a firm's current code, issuing version 1 on first use. */
    @Transactional
    public String token(String creditCode) {
        Code c = current(creditCode).orElseGet(() -> issue(creditCode));
        return creditCode + "-" + c.version() + "." + sign(creditCode, c.version());
    }

    /** The address a QR code of the firm carries. */
    public String url(String baseUrl, String creditCode) {
        return baseUrl + "/c/" + token(creditCode);
    }

    public Optional<Code> current(String creditCode) {
        return jdbc.sql("select credit_code, version, revoked, issued_at, revoked_at from sd_firm_code where credit_code = ?")
                .param(creditCode)
                .query((rs, n) -> new Code(rs.getString(1), rs.getInt(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toLocalDateTime(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toLocalDateTime()))
                .optional();
    }

    private Code issue(String creditCode) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(AuditTrail.ZONE));
        jdbc.sql("insert into sd_firm_code (credit_code, version, revoked, issued_at) values (?, 1, false, ?)")
                .params(creditCode, Timestamp.valueOf(now)).update();
        return new Code(creditCode, 1, false, now, null);
    }

    /** Issues codes (version 1) for every firm without one, in one statement. */
    @Transactional
    public int issueMissing() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(AuditTrail.ZONE));
        return jdbc.sql("insert into sd_firm_code (credit_code, version, revoked, issued_at) select e.credit_code, 1, false, ? "
                        + "from enterprise e where not exists (select 1 from sd_firm_code c where c.credit_code = e.credit_code)")
                .param(Timestamp.valueOf(now)).update();
    }

    /**
     * The credit code a token stands for, when the token is well-formed, its signature is right, its
     * version is the firm's current one and the code is not revoked; empty otherwise (never says why,
     * so a guesser learns nothing).
     */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        var m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        String code = m.group(1);
        int version = Integer.parseInt(m.group(2));
        byte[] expected = sign(code, version).getBytes(StandardCharsets.US_ASCII);
        byte[] given = m.group(3).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        Optional<Code> c = current(code);
        if (c.isEmpty() || c.get().revoked() || c.get().version() != version) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** Bumps the version: every printed code of the firm stops working; a revoked code works again with the new version. */
    @Transactional
    public Code rotate(String creditCode) {
        Code before = current(creditCode).orElseGet(() -> issue(creditCode));
        LocalDateTime now = LocalDateTime.now(clock.withZone(AuditTrail.ZONE));
        jdbc.sql("update sd_firm_code set version = version + 1, revoked = false, revoked_at = null, issued_at = ? "
                + "where credit_code = ?").params(Timestamp.valueOf(now), creditCode).update();
        Code after = current(creditCode).orElseThrow();
        audit.record("ROTATE_CODE", "enterprise_code", creditCode, describe(before), describe(after));
        return after;
    }

    /** Revokes the firm's code: no token of the firm works until the code is rotated. */
    @Transactional
    public Code revoke(String creditCode) {
        Code before = current(creditCode).orElseGet(() -> issue(creditCode));
        if (before.revoked()) {
            throw new BilingualException(org.springframework.http.HttpStatus.CONFLICT,
                    "企业 " + creditCode + " 的企业码已经作废", "the enterprise code of " + creditCode + " is already revoked");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(AuditTrail.ZONE));
        jdbc.sql("update sd_firm_code set revoked = true, revoked_at = ? where credit_code = ?")
                .params(Timestamp.valueOf(now), creditCode).update();
        Code after = current(creditCode).orElseThrow();
        audit.record("REVOKE_CODE", "enterprise_code", creditCode, describe(before), describe(after));
        return after;
    }

    private static Map<String, Object> describe(Code c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", c.version());
        m.put("revoked", c.revoked());
        return m;
    }
}
