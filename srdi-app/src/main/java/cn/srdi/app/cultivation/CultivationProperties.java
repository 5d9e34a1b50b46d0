package cn.srdi.app.cultivation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the cultivation module ({@code srdi.cultivation.*}).
 *
 * @param nearMissGates     discovery proposes firms failing the next rung by at most this many gates
 * @param noticeDays        days of the public notice (公示)
 * @param returnDays        days a firm has to correct a returned application
 * @param expertsPerCase    experts drawn per case (default of new rounds)
 * @param evidenceMaxBytes  largest evidence file accepted
 * @param evidenceTypes     accepted evidence types (sniffed from the content): pdf, png, jpeg, xlsx, docx, zip
 * @param evidenceDir       directory for evidence files; empty: stored in the database
 * @param demo              build demo rounds and cases after the demo region is graded
 */
@ConfigurationProperties("srdi.cultivation")
public record CultivationProperties(Integer nearMissGates, Integer noticeDays, Integer returnDays, Integer expertsPerCase,
                                    Long evidenceMaxBytes, List<String> evidenceTypes, String evidenceDir, Boolean demo) {

    public CultivationProperties {
        nearMissGates = nearMissGates == null ? 2 : nearMissGates;
        noticeDays = noticeDays == null ? 5 : noticeDays;
        returnDays = returnDays == null ? 10 : returnDays;
        expertsPerCase = expertsPerCase == null ? 3 : expertsPerCase;
        evidenceMaxBytes = evidenceMaxBytes == null ? 10L * 1024 * 1024 : evidenceMaxBytes;
        evidenceTypes = evidenceTypes == null || evidenceTypes.isEmpty() ? List.of("pdf", "png", "jpeg", "xlsx", "docx")
                : List.copyOf(evidenceTypes);
        evidenceDir = evidenceDir == null ? "" : evidenceDir.trim();
        demo = demo == null || demo;
    }
}
