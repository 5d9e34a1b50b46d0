package cn.srdi.app.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.model.Tier;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.HttpStatus;

class BanCheckTest {

    /** Shaped like titles.Bans: refuses one firm. */
    public static class FakeBans {
        public void requireNoBan(String creditCode, Tier tier, LocalDate on) {
            if (creditCode.equals("BANNED") && tier == Tier.SRDI) {
                throw new BilingualException(HttpStatus.CONFLICT, "三年内不得申报", "3-year ban");
            }
        }
    }

    @Test
    void without_the_titles_module_nothing_is_refused() {
        StaticApplicationContext ctx = new StaticApplicationContext();
        ctx.refresh();
        BanCheck check = new BanCheck(ctx);
        assertThat(check.available()).isFalse();
        check.require("BANNED", Tier.SRDI, LocalDate.of(2026, 1, 1));
    }

    @Test
    void the_titles_modules_refusal_reaches_the_caller_unchanged() {
        StaticApplicationContext ctx = new StaticApplicationContext();
        ctx.registerSingleton("bans", FakeBans.class);
        ctx.refresh();
        BanCheck check = new BanCheck(ctx);
        assertThat(check.available()).isTrue();
        check.require("OK", Tier.SRDI, LocalDate.of(2026, 1, 1));
        check.require("BANNED", Tier.LITTLE_GIANT, LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> check.require("BANNED", Tier.SRDI, LocalDate.of(2026, 1, 1)))
                .isInstanceOfSatisfying(BilingualException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.en()).isEqualTo("3-year ban");
                });
    }
}
