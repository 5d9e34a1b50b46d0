package cn.srdi.app.registry;

/** The state of a title record. */
public enum TitleStatus {
    ACTIVE, EXPIRED, REVOKED
}
