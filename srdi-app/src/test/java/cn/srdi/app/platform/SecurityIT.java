package cn.srdi.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SecurityIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;

    MockHttpSession login(String user) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", user).param("password", "srdi2026"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/"));
        return session;
    }

    @Test
    void aPageAsksAnAnonymousVisitorToLogInAndTheApiAnswers401() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/api/v1/anything")).andExpect(status().isUnauthorized());
        mvc.perform(get("/swagger-ui.html").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aWrongPasswordDoesNotLogIn() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "official").param("password", "wrong"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/login?error"));
    }

    @Test
    void aSessionPostWithoutCsrfTokenIsRefusedAndTheSameWithTheTokenPasses() throws Exception {
        MockHttpSession session = login("official");
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/audit").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/audit").session(session)).andExpect(status().isForbidden()); // logged in, not admin
        mvc.perform(post("/logout").session(session).with(csrf()).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/login?logout"));
    }

    @Test
    void aSessionKeepsTheUserLoggedInUntilLogout() throws Exception {
        MockHttpSession session = login("admin");
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session).with(csrf()).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/users").session(session).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        var hashes = jdbc.sql("select password_hash from app_user").query(String.class).list();
        assertThat(hashes).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(h -> assertThat(h).matches("\\{bcrypt}\\$2[aby]\\$\\d\\d\\$.{53}"))
                .noneMatch(h -> h.contains("srdi2026"));
        String official = jdbc.sql("select password_hash from app_user where username = 'official'").query(String.class).single();
        assertThat(BCrypt.checkpw("srdi2026", official.substring("{bcrypt}".length()))).isTrue();
    }

    @Test
    void sessionsTimeOutAfterAtMostOneHourOfInactivityAndTheCookieIsHttpOnly() {
        Duration timeout = env.getProperty("server.servlet.session.timeout", Duration.class);
        assertThat(timeout).isNotNull().isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(env.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
    }
}
