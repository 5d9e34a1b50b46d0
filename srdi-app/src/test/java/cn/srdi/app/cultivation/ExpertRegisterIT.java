package cn.srdi.app.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.srdi.app.cultivation.assign.ExpertAssigner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The officials' expert register pages: list (bilingual), add a new expert account or an existing
 * expert user, edit name, organisation, park and field, declare and withdraw conflicts, deactivate
 * (never drawn) and reactivate; refusals in both languages; other roles are refused.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ExpertRegisterIT {

    static final String PW = "srdi2026";
    static final String NEW = "it-expert-reg";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CultivationService service;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from cult_conflict where username = ?").param(NEW).update();
        jdbc.sql("delete from cult_expert where username = ?").param(NEW).update();
        jdbc.sql("delete from notification where recipient = ?").param(NEW).update();
        jdbc.sql("delete from app_user where username = ?").param(NEW).update();
    }

    MvcResult perform(MockHttpServletRequestBuilder b, String user, String password) throws Exception {
        return mvc.perform(b.with(csrf()).with(httpBasic(user, password))).andReturn();
    }

    String page(String path, String user, int status) throws Exception {
        MvcResult r = perform(get(path), user, PW);
        assertThat(r.getResponse().getStatus()).as("%s as %s", path, user).isEqualTo(status);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    MvcResult form(String path, String user, String... params) throws Exception {
        MockHttpServletRequestBuilder b = post(path);
        for (int i = 0; i < params.length; i += 2) {
            b.param(params[i], params[i + 1]);
        }
        return perform(b, user, PW);
    }

    static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    List<String> drawable() {
        return service.experts().stream().map(ExpertAssigner.Expert::username).toList();
    }

    @Test
    void officials_keep_the_register_and_the_draw_follows_it() throws Exception {
        // the list, in both languages, with the demo's experts and their parks
        String list = page("/cultivation/experts", "official", 200);
        assertThat(list).contains("专家库").contains("data-expert=\"expert2\"").contains("data-expert=\"expert6\"");
        assertThat(page("/cultivation/experts?lang=en", "official", 200)).contains("Expert register").contains("Declared conflicts");
        assertThat(page("/cultivation", "official", 200)).contains("id=\"expert-register\"");
        for (String other : List.of("firm", "expert", "park-lijia", "bank")) {
            page("/cultivation/experts", other, 403);
            assertThat(form("/cultivation/experts", other, "username", NEW, "name", "x", "password", "secret-2026")
                    .getResponse().getStatus()).as(other).isEqualTo(403);
        }

        // add: a new expert account; refusals in both languages
        MvcResult noPassword = form("/cultivation/experts", "official", "username", NEW, "name", "王测试");
        assertThat(noPassword.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noPassword)).contains("初始密码");
        MvcResult noPasswordEn = form("/cultivation/experts?lang=en", "official", "username", NEW, "name", "王测试");
        assertThat(body(noPasswordEn)).contains("a new expert account needs an initial password");
        MvcResult notExpert = form("/cultivation/experts", "official", "username", "firm");
        assertThat(notExpert.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(notExpert)).contains("不是评审专家");
        assertThat(form("/cultivation/experts", "official", "username", NEW, "name", "王测试", "password", "secret-2026",
                "parkId", "NOWHERE").getResponse().getStatus()).isEqualTo(400);
        MvcResult added = form("/cultivation/experts", "official", "username", NEW, "name", "王测试", "organisation", "重庆大学",
                "parkId", "DADI", "field", "智能制造", "password", "secret-2026");
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/cultivation/experts/" + NEW);
        assertThat(jdbc.sql("select role from app_user where username = ?").param(NEW).query(String.class).single()).isEqualTo("EXPERT");
        assertThat(jdbc.sql("select park_id || '|' || field from cult_expert where username = ? and active = true").param(NEW)
                .query(String.class).single()).isEqualTo("DADI|智能制造");
        assertThat(drawable()).contains(NEW);
        // the new expert logs in with the initial password and sees its (empty) review list
        assertThat(perform(get("/cultivation/reviews"), NEW, "secret-2026").getResponse().getStatus()).isEqualTo(200);
        MvcResult twice = form("/cultivation/experts", "official", "username", NEW);
        assertThat(twice.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(twice)).contains("已在专家库中");

        // edit: name, organisation, park (none), field
        form("/cultivation/experts/" + NEW, "official", "name", "王测试教授", "organisation", "重庆理工大学", "parkId", "", "field", "新材料");
        assertThat(jdbc.sql("select display_name || '|' || organisation from app_user where username = ?").param(NEW)
                .query(String.class).single()).isEqualTo("王测试教授|重庆理工大学");
        assertThat(jdbc.sql("select coalesce(park_id, '-') || '|' || field from cult_expert where username = ?").param(NEW)
                .query(String.class).single()).isEqualTo("-|新材料");
        assertThat(form("/cultivation/experts/" + NEW, "official", "name", " ").getResponse().getStatus()).isEqualTo(400);
        String detail = page("/cultivation/experts/" + NEW, "official", 200);
        assertThat(detail).contains("王测试教授").contains("id=\"edit-expert\"").contains("id=\"add-conflict\"");

        // conflicts: declared (the draw leaves the firm out), shown, withdrawn once
        String code = jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).single();
        assertThat(form("/cultivation/experts/" + NEW + "/conflicts", "official", "creditCode", "91500000000000000X", "reason", "x")
                .getResponse().getStatus()).isEqualTo(404);
        form("/cultivation/experts/" + NEW + "/conflicts", "official", "creditCode", code.toLowerCase(), "reason", "曾任该企业技术顾问");
        assertThat(jdbc.sql("select reason from cult_conflict where username = ? and credit_code = ?").params(NEW, code)
                .query(String.class).single()).isEqualTo("曾任该企业技术顾问");
        assertThat(page("/cultivation/experts/" + NEW, "official", 200)).contains("data-firm=\"" + code + "\"").contains("曾任该企业技术顾问");
        form("/cultivation/experts/" + NEW + "/conflicts/" + code + "/remove", "official");
        assertThat(jdbc.sql("select count(*) from cult_conflict where username = ?").param(NEW).query(Long.class).single()).isZero();
        assertThat(form("/cultivation/experts/" + NEW + "/conflicts/" + code + "/remove", "official").getResponse().getStatus())
                .isEqualTo(404);

        // deactivate (a reason is required): never drawn; reactivate
        MvcResult noReason = form("/cultivation/experts/" + NEW + "/active", "official", "active", "false");
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noReason)).contains("停用专家须填写理由");
        form("/cultivation/experts/" + NEW + "/active", "official", "active", "false", "reason", "调离本市");
        assertThat(drawable()).doesNotContain(NEW);
        assertThat(page("/cultivation/experts", "official", 200)).contains("data-expert=\"" + NEW + "\" data-active=\"false\"");
        assertThat(form("/cultivation/experts/" + NEW + "/active", "official", "active", "false", "reason", "x").getResponse()
                .getStatus()).isEqualTo(409);
        form("/cultivation/experts/" + NEW + "/active", "official", "active", "true");
        assertThat(drawable()).contains(NEW);

        // every change audited with its actor
        assertThat(jdbc.sql("select action || '@' || actor from audit_event where entity_type = 'cult_expert' and entity_id = ? "
                + "order by id").param(NEW).query(String.class).list()).containsExactly("EXPERT_ADD@official", "EXPERT_UPDATE@official",
                "EXPERT_CONFLICT@official", "EXPERT_CONFLICT_REMOVE@official", "EXPERT_DEACTIVATE@official", "EXPERT_ACTIVATE@official");
    }
}
