package cn.srdi.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.srdi.engine.reference.CreditCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/v1/**} endpoint, found at test time in the handler mappings (so endpoints added
 * later are covered without touching this test), against every demo role:
 * <ul>
 * <li>without credentials: 401;</li>
 * <li>with a credit code (a path variable named like {@code code}) of a firm outside the caller's
 * scope: 403 or 404 (400 when the request itself is incomplete), never 2xx, and the firm's name
 * and phone never in the answer;</li>
 * <li>any answer to a park operator or an enterprise names only firms of its scope (every credit
 * code in the body that exists in the registry is checked against the database);</li>
 * <li>a role that may not see contacts (finance, expert) never gets a phone number of a firm;</li>
 * <li>no request of any role ends in a server error.</li>
 * </ul>
 * State-changing endpoints are called only where they must be refused (no credentials, a firm out
 * of scope), so the test changes no shared data.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ApiScopeIT {

    static final String PASSWORD = "srdi2026";
    static final List<String> USERS = List.of("admin", "official", "park-lijia", "park-dadi", "firm", "bank", "handler", "expert");
    static final Pattern CODE = Pattern.compile("(?<![0-9A-Z])[0-9A-HJ-NP-RTUW-Y]{2}\\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Z])");
    static final Pattern PHONE = Pattern.compile("(?<!\\d)1\\d{10}(?!\\d)");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    /** A firm of the registry: code, park, name, phone. */
    record Firm(String code, String park, String name, String phone) {
    }

    /** One handler mapping: method and URI template. */
    record Endpoint(HttpMethod method, String template) {

        boolean reads() {
            return method == HttpMethod.GET;
        }

        boolean namesAFirm() {
            return firmVariable() != null;
        }

        String firmVariable() {
            Matcher m = Pattern.compile("\\{([^}/:]+)(:[^}]*)?}").matcher(template);
            while (m.find()) {
                if (m.group(1).toLowerCase(java.util.Locale.ROOT).contains("code")) {
                    return m.group(1);
                }
            }
            return null;
        }

        /** The URI with the firm variable set to the code and every other variable to 1. */
        String uri(String code) {
            Matcher m = Pattern.compile("\\{([^}/:]+)(:[^}]*)?}").matcher(template);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = m.group(1).toLowerCase(java.util.Locale.ROOT).contains("code") ? code : "1";
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return sb.toString().replace("/**", "/x").replace("*", "x");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    Map<String, Firm> firms;
    Map<String, Set<String>> parksOf;
    String ownFirm;
    Set<String> phones;

    @BeforeEach
    void readRegistry() {
        firms = new LinkedHashMap<>();
        jdbc.sql("select credit_code, park_id, name, contact_phone from enterprise order by credit_code")
                .query((rs, n) -> new Firm(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list().forEach(f -> firms.put(f.code(), f));
        parksOf = new HashMap<>();
        jdbc.sql("select username, park_id from user_park").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list().forEach(r -> parksOf.computeIfAbsent(r[0], k -> new TreeSet<>()).add(r[1]));
        ownFirm = jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).single();
        phones = new HashSet<>();
        firms.values().stream().map(Firm::phone).filter(p -> p != null).forEach(phones::add);
    }

    List<Endpoint> endpoints() {
        Set<Endpoint> found = new java.util.LinkedHashSet<>();
        for (RequestMappingHandlerMapping hm : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : hm.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/v1/")) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        found.add(new Endpoint(HttpMethod.GET, pattern));
                    }
                    for (RequestMethod m : methods) {
                        if (m != RequestMethod.HEAD && m != RequestMethod.OPTIONS && m != RequestMethod.TRACE) {
                            found.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern));
                        }
                    }
                }
            }
        }
        return found.stream().sorted(java.util.Comparator.comparing(Endpoint::template).thenComparing(e -> e.method().name())).toList();
    }

    boolean inScope(String user, Firm f) {
        return switch (user) {
            case "park-lijia", "park-dadi" -> f.park() != null && parksOf.getOrDefault(user, Set.of()).contains(f.park());
            case "firm" -> f.code().equals(ownFirm);
            case "expert" -> false;
            default -> true;
        };
    }

    /** Firms the user must not reach: another park's, another firm, for an expert any firm. */
    List<Firm> outOfScope(String user) {
        List<Firm> out = new ArrayList<>();
        Set<String> parks = new HashSet<>();
        for (Firm f : firms.values()) {
            if (!inScope(user, f) && f.park() != null && parks.add(f.park())) {
                out.add(f);
            }
        }
        if ("firm".equals(user)) {
            Firm own = firms.get(ownFirm);
            firms.values().stream().filter(f -> !f.code().equals(ownFirm) && own.park() != null && own.park().equals(f.park()))
                    .findFirst().ifPresent(out::add);
        }
        return out;
    }

    Firm anInScopeFirm(String user) {
        return firms.values().stream().filter(f -> inScope(user, f)).findFirst().orElse(null);
    }

    MockHttpServletRequestBuilder call(Endpoint e, String uri) {
        MockHttpServletRequestBuilder b = request(e.method(), uri).accept(MediaType.APPLICATION_JSON);
        if (!e.reads()) {
            b = b.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return b;
    }

    String body(MvcResult r) throws Exception {
        String type = r.getResponse().getContentType();
        if (type == null || !(type.contains("json") || type.contains("text") || type.contains("csv") || type.contains("html"))) {
            return "";
        }
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** What the user's answer must not contain: firms out of scope, and phones for roles without contacts. */
    void checkContent(String user, Endpoint e, String body) {
        Matcher m = CODE.matcher(body);
        while (m.find()) {
            Firm f = firms.get(m.group());
            if (f != null) {
                assertThat(inScope(user, f)).as("%s answered %s firm %s (park %s) outside its scope", e, user, f.code(), f.park())
                        .isTrue();
            }
        }
        if (user.equals("bank") || user.equals("expert")) {
            Matcher p = PHONE.matcher(body);
            while (p.find()) {
                assertThat(phones).as("%s showed %s a firm's phone number", e, user).doesNotContain(p.group());
            }
        }
    }

    @Test
    void theApiHasEndpointsToCheckIncludingTheAuditTrail() {
        assertThat(endpoints()).contains(new Endpoint(HttpMethod.GET, "/api/v1/audit"));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswers401WithoutCredentials() {
        return endpoints().stream().map(e -> DynamicTest.dynamicTest(e + " answers 401 without credentials", () -> {
            MockHttpServletRequestBuilder b = call(e, e.uri(firms.keySet().iterator().next()));
            if (!e.reads()) {
                b = b.with(csrf()); // without a token the CSRF filter already refuses (403)
            }
            assertThat(mvc.perform(b).andReturn().getResponse().getStatus()).isEqualTo(401);
        }));
    }

    @TestFactory
    Stream<DynamicTest> noRoleReachesAFirmOutsideItsScope() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (!e.namesAFirm()) {
                continue;
            }
            for (String user : USERS) {
                for (Firm f : outOfScope(user)) {
                    tests.add(DynamicTest.dynamicTest(e + " refuses " + user + " the firm " + f.code() + " of park " + f.park(), () -> {
                        MvcResult r = mvc.perform(call(e, e.uri(f.code())).with(httpBasic(user, PASSWORD))).andReturn();
                        int status = r.getResponse().getStatus();
                        assertThat(status).as("%s for %s on firm %s", e, user, f.code()).isIn(400, 403, 404, 405, 415);
                        String body = body(r);
                        assertThat(body).doesNotContain(f.name());
                        if (f.phone() != null) {
                            assertThat(body).doesNotContain(f.phone());
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> readsOfEveryRoleStayInScopeAndNeverFailWithAServerError() {
        List<DynamicTest> tests = new ArrayList<>();
        String unknown = CreditCode.withCheckCharacter("91500000MA0000009");
        for (Endpoint e : endpoints()) {
            if (!e.reads()) {
                continue;
            }
            for (String user : USERS) {
                List<String> codes = new ArrayList<>();
                if (e.namesAFirm()) {
                    Firm mine = anInScopeFirm(user);
                    if (mine != null) {
                        codes.add(mine.code());
                    }
                    codes.add(unknown);
                } else {
                    codes.add("");
                }
                for (String code : codes) {
                    String what = code.isEmpty() ? "" : code.equals(unknown) ? " (unknown firm)" : " (firm " + code + ")";
                    tests.add(DynamicTest.dynamicTest(e + " as " + user + what + " stays in scope", () -> {
                        MvcResult r = mvc.perform(call(e, e.uri(code)).with(httpBasic(user, PASSWORD))).andReturn();
                        int status = r.getResponse().getStatus();
                        assertThat(status).as("%s as %s%s", e, user, what).isLessThan(500);
                        if (code.equals(unknown)) {
                            assertThat(status).as("%s as %s for an unknown firm", e, user).isNotIn(200, 201, 202, 204);
                        }
                        if (status == 200) {
                            checkContent(user, e, body(r));
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void theScopeFixturesAreWhatTheDemoRegionPromises() {
        assertThat(parksOf.get("park-lijia")).containsExactly("LIJIA");
        assertThat(parksOf.get("park-dadi")).containsExactly("DADI", "TIANHAIXING");
        assertThat(firms.get(ownFirm).park()).isEqualTo("LIJIA");
        assertThat(outOfScope("park-lijia")).isNotEmpty().noneMatch(f -> "LIJIA".equals(f.park()));
        assertThat(outOfScope("firm")).isNotEmpty().noneMatch(f -> f.code().equals(ownFirm))
                .anyMatch(f -> "LIJIA".equals(f.park()));
        assertThat(phones).isNotEmpty();
    }
}
