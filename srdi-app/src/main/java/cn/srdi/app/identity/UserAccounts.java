package cn.srdi.app.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts in table {@code app_user}; passwords stored as BCrypt hashes only. */
@Service
public class UserAccounts implements UserDetailsService {

    /** A user to create. */
    public record NewUser(String username, String password, String displayName, Role role,
                          Collection<String> parks, String creditCode, String department, String organisation) {
    }

    /** A user as listed to administrators (never the hash). */
    public record Account(String username, String displayName, Role role, String creditCode, String department,
                          String organisation, boolean enabled, List<String> parks) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var row = jdbc.sql("select username, password_hash, display_name, role, credit_code, department, enabled "
                        + "from app_user where username = ?")
                .param(username)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)})
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
        Set<String> parks = new HashSet<>(jdbc.sql("select park_id from user_park where username = ?")
                .param(username).query(String.class).list());
        return new SrdiUser((String) row[0], (String) row[1], (Boolean) row[6], (String) row[2],
                Role.valueOf((String) row[3]), parks, (String) row[4], (String) row[5]);
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    @Transactional
    public void create(NewUser u) {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, credit_code, department, "
                        + "organisation, enabled) values (?, ?, ?, ?, ?, ?, ?, true)")
                .params(u.username(), encoder.encode(u.password()), u.displayName(), u.role().name(),
                        u.creditCode(), u.department(), u.organisation())
                .update();
        if (u.parks() != null) {
            for (String park : u.parks()) {
                jdbc.sql("insert into user_park (username, park_id) values (?, ?)").params(u.username(), park).update();
            }
        }
    }

    /** Changes a user's display name and organisation (the username, role and password stay). */
    @Transactional
    public void rename(String username, String displayName, String organisation) {
        jdbc.sql("update app_user set display_name = ?, organisation = ? where username = ?")
                .params(displayName, organisation, username).update();
    }

    public List<Account> list() {
        return jdbc.sql("select username, display_name, role, credit_code, department, organisation, enabled "
                        + "from app_user order by role, username")
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                        jdbc.sql("select park_id from user_park where username = ? order by park_id")
                                .param(rs.getString(1)).query(String.class).list()))
                .list();
    }
}
