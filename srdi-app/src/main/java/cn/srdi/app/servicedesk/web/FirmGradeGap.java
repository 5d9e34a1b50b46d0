package cn.srdi.app.servicedesk.web;

import cn.srdi.app.grading.GradingService;
import cn.srdi.app.identity.Scope;
import cn.srdi.engine.grading.Gap;
import cn.srdi.engine.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The firm's latest grade and what separates it from the next rung, from the grading module's public API. */
record FirmGradeGap(String eligibleZh, String eligibleEn, String nextZh, String nextEn, List<String[]> gaps,
                    java.time.LocalDate assessmentDate) {

    static Optional<FirmGradeGap> of(GradingService grading, Scope scope, String code) {
        return grading.latest(scope, code).map(f -> {
            var g = f.grade();
            String el = g.eligibleTierName();
            Tier eligible = el == null || "NONE".equals(el) ? null : Tier.valueOf(el);
            Tier next = g.nextTier();
            List<String[]> gaps = new ArrayList<>();
            for (Gap gap : g.nextTierGaps()) {
                gaps.add(new String[] {gap.id(), gap.hintZh(), gap.hintEn()});
            }
            return new FirmGradeGap(eligible == null ? "尚未达到任何梯度" : eligible.zh(),
                    eligible == null ? "no rung yet" : eligible.en(), next == null ? null : next.zh(),
                    next == null ? null : next.en(), gaps, f.stored().assessmentDate());
        });
    }
}
