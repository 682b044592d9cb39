package io.github.disruptor.spring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RingPlannerTests {

    @Test
    void aDiamondDeclaredBackwardsIsOrderedSoEachHandlerFollowsTheOnesItWaitsFor() {
        List<HandlerDefinition> handlers = List.of(
                handler("settle", 0, "check", "enrich"),
                handler("check", 0, "journal"),
                handler("enrich", 0, "journal"),
                handler("journal", 0),
                handler("report", 1));
        RingPlan plan = RingPlanner.plan(new DisruptorProperties(), handlers).get(0);
        assertThat(plan.stages()).hasSize(2);
        assertThat(plan.stages().get(0)).extracting(HandlerDefinition::name)
                .containsExactly("journal", "check", "enrich", "settle");
        assertThat(plan.stages().get(1)).extracting(HandlerDefinition::name).containsExactly("report");
    }

    @Test
    void sparseStageNumbersKeepTheirOrder() {
        List<HandlerDefinition> handlers = List.of(handler("last", 20), handler("first", 0), handler("middle", 10));
        RingPlan plan = RingPlanner.plan(new DisruptorProperties(), handlers).get(0);
        assertThat(plan.stages()).extracting(stage -> stage.get(0).name()).containsExactly("first", "middle", "last");
    }

    @Test
    void theRingsEventTypeIsTheMostSpecificOneEveryHandlerAccepts() {
        List<HandlerDefinition> handlers = List.of(
                new HandlerDefinition("any", "any", null, Object.class, "orders", 0, List.of(), 1, "", Integer.MAX_VALUE,
                        RetrySettings.UNSET, false, "test any"),
                handler("orders", 0));
        assertThat(RingPlanner.plan(new DisruptorProperties(), handlers).get(0).eventType()).isEqualTo(OrderEvent.class);
    }

    @Test
    void closeNamesAreTyposAndFarNamesAreNot() {
        assertThat(RingPlanner.closest("ordres", List.of("audit", "orders"))).contains("orders");
        assertThat(RingPlanner.closest("Orders", List.of("orders"))).contains("orders");
        assertThat(RingPlanner.closest("payments", List.of("audit", "orders"))).isEmpty();
        assertThat(RingPlanner.closest("ab", List.of("xy"))).isEmpty();
    }

    private static HandlerDefinition handler(String name, int stage, String... after) {
        return new HandlerDefinition(name, name, null, OrderEvent.class, "orders", stage, List.of(after), 1, "",
                Integer.MAX_VALUE, RetrySettings.UNSET, false, "test " + name);
    }
}
