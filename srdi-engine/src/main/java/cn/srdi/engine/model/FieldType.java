package cn.srdi.engine.model;

/** How a profile column is typed, validated and stored. */
public enum FieldType {
    /** Free text, stored as a string. */
    TEXT,
    /** Unified social credit code (统一社会信用代码), stored as a string. */
    CREDIT_CODE,
    /** GB/T 4754-2017 industry code, stored as a normalised string (section letter + digits). */
    INDUSTRY,
    /** Six-digit administrative region code, stored as a string. */
    REGION,
    /** ISO date, stored as epoch day. */
    DATE,
    /** {@code NEW} or {@code REVIEW}, stored as the ordinal of {@link ApplicationType}. */
    APPLICATION_TYPE,
    /** {@code ;}-separated tier names, stored as a string. */
    TITLES,
    /** Decimal ≥ 0 with up to 4 places, stored scaled by 10^4. */
    DECIMAL,
    /** Decimal that may be negative, stored scaled by 10^4. */
    SIGNED_DECIMAL,
    /** Integer, stored scaled by 10^4 so every numeric comparison shares one scale. */
    INTEGER,
    /** true/false, 1/0, 是/否, Y/N; blank means false with a NOT_PROVIDED note. */
    BOOLEAN,
    /** Like BOOLEAN, but blank means "undeclared" and makes the check REVIEW. */
    DECLARATION,
    /** {@link MainProductField}, stored as ordinal. */
    MAIN_PRODUCT_FIELD,
    /** {@link RdInstitutionLevel}, stored as ordinal. */
    RD_INSTITUTION
}
