package cn.srdi.bench;

import cn.srdi.app.cultivation.assign.ExpertAssigner;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** JMH: one random conflict-free assignment of 5,000 cases to 200 experts, 3 per case. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExpertAssignmentBenchmark {

    ExpertAssignmentHarness.Round round;
    long seed;

    @Setup
    public void setUp() {
        round = ExpertAssignmentHarness.round(5000, 200, 2000, 2026);
    }

    @Benchmark
    public ExpertAssigner.Result assign5000cases200experts() {
        return ExpertAssigner.assign(round.cases(), round.experts(), round.conflicts(), Map.of(), 3, seed++);
    }
}
