package cn.srdi.engine.grading;

/** How the actual value of a condition is to be read and rendered. */
public enum ActualKind {
    /** A number in the unit of the condition. */
    NUMBER,
    /** 1 true, 0 false, NaN undeclared. */
    BOOLEAN,
    /** Ordinal of {@link cn.srdi.engine.model.SizeClass}. */
    SIZE_CLASS,
    /** Ordinal of {@link cn.srdi.engine.model.RdInstitutionLevel}. */
    RD_INSTITUTION,
    /** Ordinal of {@link cn.srdi.engine.model.MainProductField}. */
    PRODUCT_FIELD,
    /** Bit set of the exclusion flags that are true. */
    EXCLUSION_FLAGS,
    /** No single actual value (composite conditions); see the notes. */
    NONE
}
