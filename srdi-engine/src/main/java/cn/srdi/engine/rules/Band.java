package cn.srdi.engine.rules;

/**
 * One band of a banded score: when the value compares to {@code cut} by {@code op}, it earns
 * {@code points}. Bands are tried in order and the first that matches wins (GRADING.md rule 2.2
 * is expressed by choosing {@code >=} for higher-is-better bands and {@code <=} or {@code <} for
 * lower-is-better ones).
 */
public record Band(Op op, long cut, int points) {

    /** Comparison of a band. */
    public enum Op {
        GE(">="), GT(">"), LE("<="), LT("<");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether a value whose comparison with the cut has signum {@code cmp} satisfies this op. */
        public boolean test(int cmp) {
            return switch (this) {
                case GE -> cmp >= 0;
                case GT -> cmp > 0;
                case LE -> cmp <= 0;
                case LT -> cmp < 0;
            };
        }
    }
}
