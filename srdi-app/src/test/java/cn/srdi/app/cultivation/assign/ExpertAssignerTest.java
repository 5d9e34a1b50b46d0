package cn.srdi.app.cultivation.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the random expert assignment over generated rounds. */
class ExpertAssignerTest {

    static final List<String> PARKS = List.of("LIJIA", "ZHAOMUSHAN", "DADI", "TIANHAIXING");

    record Round(List<ExpertAssigner.Case> cases, List<ExpertAssigner.Expert> experts, Set<ExpertAssigner.Conflict> conflicts) {
    }

    static Round round(long seed, int cases, int experts, int conflicts) {
        Random r = new Random(seed);
        List<ExpertAssigner.Case> cs = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            cs.add(new ExpertAssigner.Case(i + 1, "CODE" + i, r.nextInt(5) == 0 ? null : PARKS.get(r.nextInt(PARKS.size()))));
        }
        List<ExpertAssigner.Expert> es = new ArrayList<>();
        for (int i = 0; i < experts; i++) {
            es.add(new ExpertAssigner.Expert("e" + i, r.nextInt(3) == 0 ? null : PARKS.get(r.nextInt(PARKS.size()))));
        }
        Set<ExpertAssigner.Conflict> cf = new HashSet<>();
        for (int i = 0; i < conflicts; i++) {
            cf.add(new ExpertAssigner.Conflict("e" + r.nextInt(experts), "CODE" + r.nextInt(cases)));
        }
        return new Round(cs, es, cf);
    }

    @Property(tries = 200)
    void no_conflict_is_ever_broken_and_every_case_gets_distinct_experts(@ForAll @LongRange(min = 1) long seed,
            @ForAll @IntRange(min = 1, max = 120) int cases, @ForAll @IntRange(min = 1, max = 30) int experts,
            @ForAll @IntRange(min = 0, max = 80) int conflicts, @ForAll @IntRange(min = 1, max = 5) int perCase) {
        Round rd = round(seed, cases, experts, conflicts);
        ExpertAssigner.Result res = ExpertAssigner.assign(rd.cases(), rd.experts(), rd.conflicts(), Map.of(), perCase, seed);
        assertThat(ExpertAssigner.broken(res, rd.cases(), rd.experts(), rd.conflicts())).isEmpty();
        for (ExpertAssigner.Case c : rd.cases()) {
            List<String> got = res.experts().get(c.id());
            long eligible = rd.experts().stream().filter(e -> !ExpertAssigner.samePark(c.parkId(), e.parkId())
                    && !rd.conflicts().contains(new ExpertAssigner.Conflict(e.username(), c.creditCode()))).count();
            // as many as asked when enough are eligible, else all eligible ones and a reported shortfall
            assertThat(got).hasSize((int) Math.min(perCase, eligible));
            assertThat(res.shortfalls().getOrDefault(c.id(), 0)).isEqualTo((int) Math.max(0, perCase - eligible));
        }
        int total = res.load().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(res.experts().values().stream().mapToInt(List::size).sum());
    }

    @Property(tries = 100)
    void without_constraints_the_load_is_spread_to_within_one(@ForAll @LongRange(min = 1) long seed,
            @ForAll @IntRange(min = 1, max = 300) int cases, @ForAll @IntRange(min = 3, max = 40) int experts,
            @ForAll @IntRange(min = 1, max = 3) int perCase) {
        List<ExpertAssigner.Case> cs = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            cs.add(new ExpertAssigner.Case(i, "C" + i, null));
        }
        List<ExpertAssigner.Expert> es = new ArrayList<>();
        for (int i = 0; i < experts; i++) {
            es.add(new ExpertAssigner.Expert("e" + i, null));
        }
        ExpertAssigner.Result res = ExpertAssigner.assign(cs, es, Set.of(), Map.of(), perCase, seed);
        int min = res.load().values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = res.load().values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Property(tries = 50)
    void experts_already_on_a_case_are_not_drawn_again(@ForAll @LongRange(min = 1) long seed) {
        Round rd = round(seed, 40, 12, 10);
        Map<Long, Set<String>> already = new HashMap<>();
        for (ExpertAssigner.Case c : rd.cases()) {
            already.put(c.id(), Set.of("e0", "e1"));
        }
        ExpertAssigner.Result res = ExpertAssigner.assign(rd.cases(), rd.experts(), rd.conflicts(), already, 3, seed);
        res.experts().values().forEach(es -> assertThat(es).doesNotContain("e0", "e1"));
    }

    @Property(tries = 30)
    void the_draw_is_random_but_reproducible_from_its_seed(@ForAll @LongRange(min = 1) long seed) {
        Round rd = round(42, 60, 15, 5);
        ExpertAssigner.Result a = ExpertAssigner.assign(rd.cases(), rd.experts(), rd.conflicts(), Map.of(), 3, seed);
        ExpertAssigner.Result b = ExpertAssigner.assign(rd.cases(), rd.experts(), rd.conflicts(), Map.of(), 3, seed);
        ExpertAssigner.Result c = ExpertAssigner.assign(rd.cases(), rd.experts(), rd.conflicts(), Map.of(), 3, seed + 1);
        assertThat(a.experts()).isEqualTo(b.experts());
        assertThat(c.experts()).isNotEqualTo(a.experts());
    }
}
