package cn.srdi.bench;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.grading.RuleCatalog;
import cn.srdi.engine.model.Profile;

/** One build's side of {@link PairedAb}: loaded once per jar, so it runs that jar's engine. */
public final class PairedSide {
    private final Grader grader = new Grader(RuleCatalog.builtIn(), GradingBenchmark.RUN_DATE);
    private Profile[] set;
    private int cursor;
    static volatile int sink;

    private PairedSide() {
    }

    public static Object make(int n, String which) {
        PairedSide s = new PairedSide();
        Profile[] a = GradingBenchmark.generate(1, GradingBenchmark.DATE_2022, n);
        Profile[] b = GradingBenchmark.generate(2, GradingBenchmark.DATE_2026, n);
        Profile[] m = new Profile[n];
        for (int i = 0; i < n; i++) {
            m[i] = (i & 1) == 0 ? a[i] : b[i];
        }
        s.set = which.equals("2022") ? a : which.equals("2026") ? b : m;
        for (Profile p : s.set) {
            s.grader.grade(p); // the one-off industry-code normalisation
        }
        return s;
    }

    public static void loop(Object state, int k) {
        PairedSide s = (PairedSide) state;
        Profile[] set = s.set;
        int c = s.cursor;
        int mask = set.length - 1;
        int h = 0;
        for (int i = 0; i < k; i++) {
            Grade g = s.grader.grade(set[c]);
            h += GradingBenchmark.digest(g);
            c = (c + 1) & mask;
        }
        s.cursor = c;
        sink += h;
    }
}
