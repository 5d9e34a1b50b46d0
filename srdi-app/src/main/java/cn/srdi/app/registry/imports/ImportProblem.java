package cn.srdi.app.registry.imports;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One problem of an imported file: row (as the spreadsheet numbers it), column, value and messages. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportProblem(int row, String column, String value, String severity, String zh, String en) {

    public boolean warning() {
        return "WARNING".equals(severity);
    }
}
