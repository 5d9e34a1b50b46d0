package cn.srdi.app.cultivation;

import cn.srdi.app.identity.Role;

/** Who may take an action on a case, as a kind of actor (the scope is checked separately). */
public enum Actor {
    /** The applying enterprise itself. */
    FIRM,
    /** An official (or administrator) of the region. */
    OFFICIAL,
    /** A park operator, for firms of its parks (district initial review). */
    PARK,
    /** The platform itself (all expert reviews in). */
    SYSTEM,
    /** Anyone logged in except experts (objections during the notice). */
    PUBLIC;

    /** The kinds a role acts as. */
    public static java.util.Set<Actor> of(Role role) {
        return switch (role) {
            case ADMIN, OFFICIAL -> java.util.EnumSet.of(OFFICIAL, PUBLIC);
            case PARK_OPERATOR -> java.util.EnumSet.of(PARK, PUBLIC);
            case ENTERPRISE -> java.util.EnumSet.of(FIRM, PUBLIC);
            case FINANCE, HANDLER -> java.util.EnumSet.of(PUBLIC);
            case EXPERT -> java.util.EnumSet.noneOf(Actor.class);
        };
    }
}
