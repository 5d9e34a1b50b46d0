package cn.srdi.app.registry.imports;

import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A valid row waiting in a preview: the firm, the fiscal year and whether it is new to the registry. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StagedRow(int row, String creditCode, String name, String industryCode, String parkId, int fiscalYear,
                        boolean newFirm, boolean newYear, Map<String, String> values) {
}
