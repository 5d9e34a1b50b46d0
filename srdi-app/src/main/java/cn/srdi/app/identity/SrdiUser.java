package cn.srdi.app.identity;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in principal: a Spring Security user that carries its {@link Scope}. */
public final class SrdiUser extends User {

    private static final long serialVersionUID = 1L;

    private final String displayName;
    private final Role role;
    private final Set<String> parks;
    private final String creditCode;
    private final String department;

    public SrdiUser(String username, String passwordHash, boolean enabled, String displayName, Role role,
                    Set<String> parks, String creditCode, String department) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority(role.authority())));
        this.displayName = displayName;
        this.role = role;
        this.parks = Set.copyOf(parks);
        this.creditCode = creditCode;
        this.department = department;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Scope scope() {
        return new Scope(getUsername(), role, parks, creditCode, department);
    }
}
