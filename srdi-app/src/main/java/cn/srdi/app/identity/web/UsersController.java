package cn.srdi.app.identity.web;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.UserAccounts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The user list for administrators: every account with its role and data scope (never a password hash). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UsersController {

    private final UserAccounts users;

    UsersController(UserAccounts users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        List<UserAccounts.Account> all = users.list();
        Map<Role, Long> counts = all.stream().collect(Collectors.groupingBy(UserAccounts.Account::role, Collectors.counting()));
        model.addAttribute("users", all);
        model.addAttribute("roles", Arrays.stream(Role.values()).collect(Collectors.toMap(Function.identity(),
                r -> counts.getOrDefault(r, 0L), (a, b) -> a, java.util.LinkedHashMap::new)));
        return "admin/users";
    }
}
