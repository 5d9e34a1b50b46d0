package cn.srdi.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.app.registry.ProfileJson;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.synth.RegionGenerator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SnapshotsTest {

    @Test
    void snapshotsAreWrittenExactlyAsTheRegistryEncodesProfiles() {
        RegionGenerator gen = RegionGenerator.of(7, LocalDate.of(2026, 6, 1));
        for (int i = 0; i < 2000; i++) {
            Profile p = gen.nextProfile();
            assertThat(Snapshots.encode(p)).isEqualTo(ProfileJson.encodeAll(p));
        }
    }

    @Test
    void namesWithQuotesBackslashesAndControlCharactersAreEscapedAndReadBack() {
        Profile p = RegionGenerator.of(8, LocalDate.of(2026, 6, 1)).nextProfile();
        p.setText(Field.NAME, "重庆\"引号\"\\反斜杠\t制表\u0001公司");
        String json = Snapshots.encode(p);
        assertThat(json).isEqualTo(ProfileJson.encodeAll(p));
        assertThat(ProfileJson.decode(json).name()).isEqualTo(p.name());
    }
}
