package io.github.disruptor.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the tests need of a Grafana dashboard JSON: its panels with their queries, its query variables,
 * and Grafana's variable substitution.
 */
record GrafanaDashboard(String title, List<Panel> panels, List<Variable> variables) {

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
    private static final Pattern LEFTOVER_VARIABLE = Pattern.compile("\\$\\{?\\w+");

    /**
     * Grafana's built-in interval variables, for Prometheus scraping every second: Grafana makes
     * {@code $__rate_interval} at least four scrape intervals so that a rate always has two samples.
     */
    static final Map<String, String> BUILT_INS = Map.of("__rate_interval", "5s", "__interval", "1s", "__range", "1m");

    static GrafanaDashboard read(Path file) {
        JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
        List<Panel> panels = new ArrayList<>();
        for (JsonNode panel : root.path("panels")) {
            List<Target> targets = new ArrayList<>();
            for (JsonNode target : panel.path("targets")) {
                targets.add(new Target(target.path("expr").asString(), target.path("legendFormat").asString("")));
            }
            JsonNode grid = panel.path("gridPos");
            panels.add(new Panel(panel.path("title").asString(), panel.path("fieldConfig").path("defaults").path("unit").asString("short"),
                    grid.path("x").asInt(), grid.path("y").asInt(), grid.path("w").asInt(), grid.path("h").asInt(), targets));
        }
        List<Variable> variables = new ArrayList<>();
        for (JsonNode variable : root.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asString())) {
                variables.add(new Variable(variable.path("name").asString(), variable.path("query").path("query").asString()));
            }
        }
        return new GrafanaDashboard(root.path("title").asString(), panels, variables);
    }

    /** Every target expression of every panel. */
    List<String> expressions() {
        return panels.stream().flatMap(panel -> panel.targets().stream()).map(Target::expr).toList();
    }

    /**
     * Replaces {@code $name} and {@code ${name}} by the values given, and the built-in interval variables.
     *
     * @throws IllegalArgumentException if a variable is left that has no value
     */
    static String substitute(String text, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(BUILT_INS);
        all.putAll(values);
        String result = text;
        // longest names first, so that $ring does not eat into a $ringSize
        for (String name : all.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            result = result.replace("${" + name + "}", all.get(name)).replace("$" + name, all.get(name));
        }
        Matcher leftover = LEFTOVER_VARIABLE.matcher(result);
        if (leftover.find()) {
            throw new IllegalArgumentException("No value for " + leftover.group() + " in " + text);
        }
        return result;
    }

    /**
     * A panel.
     *
     * @param unit Grafana's unit of the panel's values
     * @param x column on Grafana's 24-column grid
     * @param y row on the grid
     * @param w width in columns
     * @param h height in rows
     */
    record Panel(String title, String unit, int x, int y, int w, int h, List<Target> targets) {
    }

    /** A query of a panel and how its series are named, {@code {{label}}} standing for a label's value. */
    record Target(String expr, String legendFormat) {
    }

    /** A query variable: {@code label_values(selector, label)}. */
    record Variable(String name, String query) {

        String selector() {
            return parsed().group(1).trim();
        }

        String label() {
            return parsed().group(2);
        }

        private Matcher parsed() {
            Matcher matcher = LABEL_VALUES.matcher(query);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Variable $" + name + " is not label_values(selector, label): " + query);
            }
            return matcher;
        }
    }
}
