package cn.srdi.app.registry;

import java.time.LocalDate;

/**
 * Published (inside the writing transaction; listen after commit) when a whole region has been
 * written to the registry at once, e.g. the demo region on first start.
 *
 * @param firms          number of firms written
 * @param assessmentDate the date the region's indicators were prepared for
 */
public record RegionLoaded(int firms, LocalDate assessmentDate) {
}
