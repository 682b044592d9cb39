package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Param;

class ScenarioTest {

    /** The interleaved comparison drives a scenario's workload; the suite runs its benchmark with its parameters. */
    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = "ROUND_TRIP", mode = EnumSource.Mode.EXCLUDE)
    void theBenchmarkWithTheScenariosParametersDrivesTheScenariosWorkload(Scenario scenario) throws Exception {
        ThroughputBenchmark benchmark = (ThroughputBenchmark) scenario.benchmark().getConstructor().newInstance();
        for (Map.Entry<String, String> parameter : scenario.parameters().entrySet()) {
            Field field = scenario.benchmark().getField(parameter.getKey());
            field.set(benchmark, field.getType() == int.class ? Integer.valueOf(parameter.getValue())
                    : parameter.getValue());
        }

        assertThat(benchmark.workload()).isEqualTo(scenario.workload());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyContenderIsAValueOfTheBenchmarksContenderParameter(Scenario scenario) throws Exception {
        String[] values = scenario.benchmark().getField("contender").getAnnotation(Param.class).value();

        assertThat(values).containsExactlyInAnyOrderElementsOf(scenario.contenders());
    }

    @Test
    void threeProducersSitBesideTwo() {
        assertThat(Scenario.MULTI_PRODUCER_3.workload().topology().producers()).isEqualTo(3);
        assertThat(Scenario.MULTI_PRODUCER_3.minimumRatioToLmax()).isEqualTo(1.0);
        assertThat(Scenario.byId("multi-producer-3")).isEqualTo(Scenario.MULTI_PRODUCER_3);
    }

    @Test
    void idsAreUniqueAndUnknownOnesAreNamed() {
        assertThat(Arrays.stream(Scenario.values()).map(Scenario::id).distinct()).hasSize(Scenario.values().length);
        assertThatIllegalArgumentException().isThrownBy(() -> Scenario.byId("unicast"))
                .withMessageContaining("unknown scenario 'unicast'").withMessageContaining("spring-layer");
    }
}
