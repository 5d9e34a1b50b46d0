package cn.srdi.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.engine.synth.RegionGenerator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileJsonTest {

    @Test
    void theStreamingParseGivesWhatTheTreeGivesForStoredIndicators() {
        RegionGenerator gen = new RegionGenerator(7, LocalDate.of(2026, 6, 1), 0.1, 0.1);
        for (int i = 0; i < 500; i++) {
            String json = ProfileJson.encode(gen.nextProfile(), ProfileJson.YEARLY);
            Map<String, String> m = ProfileJson.toMap(json);
            assertThat(m).isEqualTo(ProfileJson.toMapByTree(json)).isNotEmpty();
            assertThat(List.copyOf(m.keySet())).isEqualTo(List.copyOf(ProfileJson.toMapByTree(json).keySet()));
            assertThat(ProfileJson.write(m)).isEqualTo(json);
        }
    }

    @Test
    void escapesUnicodeAndRepeatedKeysComeOutAsWithTheTree() {
        for (String json : List.of("{}", "{\"name\":\"A \\\"q\\\" \\\\ \\n \\u4e2d 中\"}", "{\"a\":\"1\",\"b\":\"2\",\"a\":\"3\"}",
                " { \"a\" : \"x\" } ")) {
            assertThat(ProfileJson.toMap(json)).as(json).isEqualTo(ProfileJson.toMapByTree(json));
            assertThat(List.copyOf(ProfileJson.toMap(json).keySet())).isEqualTo(List.copyOf(ProfileJson.toMapByTree(json).keySet()));
        }
    }

    @Test
    void valuesThatAreNotStringsGoThroughTheTree() {
        for (String json : List.of("{\"a\":1.50,\"b\":\"x\"}", "{\"a\":2}", "{\"a\":true}", "{\"a\":null}")) {
            assertThat(ProfileJson.toMap(json)).as(json).isEqualTo(ProfileJson.toMapByTree(json));
        }
        for (String json : List.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":[\"1\"]}")) {
            assertThatThrownBy(() -> ProfileJson.toMapByTree(json)).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> ProfileJson.toMap(json)).as(json).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void brokenJsonIsAnError() {
        assertThatThrownBy(() -> ProfileJson.toMap("{\"a\":\"1\"")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> ProfileJson.toMap("not json")).isInstanceOf(RuntimeException.class);
    }
}
