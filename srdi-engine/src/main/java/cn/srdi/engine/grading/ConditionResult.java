package cn.srdi.engine.grading;

import java.util.List;

/**
 * The result of one condition, built lazily from a {@link TierResult}: id, status, actual value
 * (a number, a boolean, an enum name, a list of flags, or null), the requirement, points and notes.
 */
public record ConditionResult(ConditionDef def, Status status, Object actual, Object required, Integer points,
                              List<Note> notes) {
    public String id() {
        return def.id();
    }
}
