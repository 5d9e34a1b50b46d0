package cn.srdi.engine.io;

import cn.srdi.engine.model.Profile;
import java.util.List;

/** What a reader yields for one data row: an accepted profile (maybe with warnings) or a rejected row. */
public sealed interface ReadResult {

    long row();

    /** A valid row, ready to grade. */
    record Accepted(Profile profile, List<Problem> warnings) implements ReadResult {
        @Override
        public long row() {
            return profile.row();
        }
    }

    /** A row rejected whole; every problem is listed and the row is never graded. */
    record Rejected(long row, List<Problem> problems) implements ReadResult {
    }
}
