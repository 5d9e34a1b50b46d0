package cn.srdi.app.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.app.registry.FirmFilter;
import cn.srdi.app.web.BilingualException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportMessagesTest {

    @Test
    void anEngineMessageIsSplitIntoItsChineseAndEnglishHalvesOutsideParentheses() {
        String[] parts = ImportService.splitBilingual("文件 a.csv 第1行表头有未知列: (第3列表头为空 / column 3 has an empty header)"
                + " / file a.csv, header row 1: unknown column(s)");
        assertThat(parts[0]).isEqualTo("文件 a.csv 第1行表头有未知列: (第3列表头为空 / column 3 has an empty header)");
        assertThat(parts[1]).isEqualTo("file a.csv, header row 1: unknown column(s)");
        assertThat(ImportService.splitBilingual("no separator")).containsExactly("no separator", "no separator");
    }

    @Test
    void theIndustryFilterAcceptsSectionsAndDivisionsWithOrWithoutTheLetter() {
        assertThat(filter("C").industryPrefix()).isEqualTo("C");
        assertThat(filter("c35").industryPrefix()).isEqualTo("C35");
        assertThat(filter("3563").industryPrefix()).isEqualTo("C3563");
        assertThat(filter("65").industryPrefix()).isEqualTo("I65");
        assertThatThrownBy(() -> filter("A35").industryPrefix()).isInstanceOf(BilingualException.class);
        assertThatThrownBy(() -> filter("99").industryPrefix()).isInstanceOf(BilingualException.class);
    }

    private static FirmFilter filter(String industry) {
        return new FirmFilter(null, null, industry, null, null, null, null, 0, 20);
    }

    @Test
    void theRegistryBundlesHaveTheSameKeysInChineseAndEnglish() throws Exception {
        Properties zh = load("/messages/registry.properties");
        Properties en = load("/messages/registry_en.properties");
        assertThat(zh.keySet()).isEqualTo(en.keySet()).isNotEmpty();
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ImportMessagesTest.class.getResourceAsStream(path)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
