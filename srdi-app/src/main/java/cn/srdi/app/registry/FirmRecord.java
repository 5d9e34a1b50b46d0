package cn.srdi.app.registry;

import java.util.List;

/** Everything the registry holds about one firm: the input of its assessments. */
public record FirmRecord(Enterprise enterprise, List<IndicatorYear> years, List<Title> titles) {
}
