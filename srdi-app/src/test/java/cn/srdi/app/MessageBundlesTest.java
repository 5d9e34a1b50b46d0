package cn.srdi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Chinese bundle messages/X.properties and its English twin X_en.properties stay in step. */
class MessageBundlesTest {

    static final Path DIR = Path.of("src/main/resources/messages");

    static List<Path> chineseBundles() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().contains("_"))
                    .sorted().toList();
        }
    }

    static Path english(Path zh) {
        return zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
    }

    static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }

    @Test
    void everyChineseBundleHasAnEnglishTwinAndEveryEnglishBundleAChineseOne() throws IOException {
        List<Path> zh = chineseBundles();
        assertThat(zh).extracting(p -> p.getFileName().toString()).contains("common.properties");
        for (Path p : zh) {
            assertThat(english(p)).as("English twin of " + p).exists();
        }
        try (Stream<Path> s = Files.list(DIR)) {
            s.filter(p -> p.getFileName().toString().endsWith("_en.properties")).forEach(en -> assertThat(
                    en.resolveSibling(en.getFileName().toString().replace("_en.properties", ".properties")))
                    .as("Chinese twin of " + en).exists());
        }
    }

    @Test
    void chineseAndEnglishBundlesHaveExactlyTheSameKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path zh : chineseBundles()) {
            Set<String> zhKeys = new TreeSet<>(load(zh).stringPropertyNames());
            Set<String> enKeys = new TreeSet<>(load(english(zh)).stringPropertyNames());
            Set<String> onlyZh = new TreeSet<>(zhKeys);
            onlyZh.removeAll(enKeys);
            Set<String> onlyEn = new TreeSet<>(enKeys);
            onlyEn.removeAll(zhKeys);
            if (!onlyZh.isEmpty()) {
                problems.add(zh.getFileName() + " has keys missing in English: " + onlyZh);
            }
            if (!onlyEn.isEmpty()) {
                problems.add(english(zh).getFileName() + " has keys missing in Chinese: " + onlyEn);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noMessageIsEmptyAndNoKeyIsDefinedTwiceInOneFile() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                load(p).forEach((k, v) -> {
                    if (v.toString().isBlank()) {
                        problems.add(p.getFileName() + ": empty value of " + k);
                    }
                });
                Set<String> seen = new HashSet<>();
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#") || t.startsWith("!") || !t.contains("=")) {
                        continue;
                    }
                    String key = t.substring(0, t.indexOf('=')).strip();
                    if (!seen.add(key)) {
                        problems.add(p.getFileName() + ": key defined twice: " + key);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
