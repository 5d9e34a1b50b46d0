package cn.srdi.app.titles;

import java.time.LocalDate;

/**
 * The yearly data update deadline of a calendar year: firms holding titles must have updated the
 * indicators of {@code fiscalYear} (the year before) in the registry by {@code deadline}, under
 * {@code ruleSet}.
 */
public record UpdateDeadline(int year, LocalDate deadline, int fiscalYear, String ruleSet) {
}
