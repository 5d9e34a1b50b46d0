package cn.srdi.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No application source or migration after V1 updates, deletes or truncates audit events (the
 * database refuses it anyway, see AuditAppendOnlyIT; this finds the attempt before it runs).
 */
class AuditAppendOnlyTest {

    static final Pattern CHANGE = Pattern.compile(
            "(?is)(update\\s+audit_event\\b|delete\\s+from\\s+audit_event\\b|truncate\\s+(table\\s+)?audit_event\\b"
                    + "|drop\\s+table\\s+(if\\s+exists\\s+)?audit_event\\b|alter\\s+table\\s+audit_event\\s+drop)");

    @Test
    void noSourceOrMigrationChangesOrDeletesAuditEvents() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")
                                || p.toString().endsWith(".xml") || p.toString().endsWith(".yml"))
                        .toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    var m = CHANGE.matcher(text);
                    // the trigger of V2 names the statements it refuses ("before update or delete on audit_event")
                    while (m.find()) {
                        offenders.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void thePatternRecognisesTheStatementsItForbids() {
        assertThat(CHANGE.matcher("jdbc.sql(\"UPDATE audit_event SET actor = ?\")").find()).isTrue();
        assertThat(CHANGE.matcher("delete\n from audit_event where id = 1").find()).isTrue();
        assertThat(CHANGE.matcher("truncate table audit_event").find()).isTrue();
        assertThat(CHANGE.matcher("insert into audit_event (actor) values (?)").find()).isFalse();
        assertThat(CHANGE.matcher("before update or delete on audit_event").find()).isFalse();
    }
}
