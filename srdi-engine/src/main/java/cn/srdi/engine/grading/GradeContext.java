package cn.srdi.engine.grading;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.SizeClass;
import java.time.LocalDate;

/**
 * Facts about one profile that every tier needs, computed once per assessment. A {@link Grade} is its
 * own context (one object per grade instead of two).
 */
public class GradeContext {
    final Profile p;
    final long epochDay;
    final ApplicationType type;
    final SizeClass size;
    final int exclusions;

    GradeContext(Profile p, long epochDay, ApplicationType type, SizeClass size) {
        this.p = p;
        this.epochDay = epochDay;
        this.type = type;
        this.size = size;
        this.exclusions = ExclusionFlags.of(p);
    }

    public Profile profile() {
        return p;
    }

    public LocalDate assessmentDate() {
        return LocalDate.ofEpochDay(epochDay);
    }

    public ApplicationType applicationType() {
        return type;
    }

    public SizeClass sizeClass() {
        return size;
    }
}
