package io.github.disruptor.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;

/**
 * Draws a Grafana dashboard's time-series panels as one PNG, from range queries against a real
 * Prometheus: a picture of the dashboard for the README where no Grafana runs. Layout, legends and
 * units follow the dashboard JSON; the colours follow Grafana's dark theme.
 */
final class DashboardPreview {

    private static final int WIDTH = 1600;
    private static final int MARGIN = 12;
    private static final int HEADER = 64;
    private static final int ROW_HEIGHT = 40;
    private static final Color BACKGROUND = new Color(0x111217);
    private static final Color PANEL = new Color(0x181B1F);
    private static final Color BORDER = new Color(0x2C3235);
    private static final Color GRID = new Color(0x26292E);
    private static final Color TEXT = new Color(0xCCCCDC);
    private static final Color MUTED = new Color(0x8E8E9E);
    private static final Color[] PALETTE = {new Color(0x73BF69), new Color(0xF2CC0C), new Color(0x8AB8FF),
        new Color(0xFF780A), new Color(0xF2495C), new Color(0x5794F2), new Color(0xB877D9), new Color(0xFADE2A)};
    private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private DashboardPreview() {
    }

    /** Renders every panel of {@code dashboard} over {@code [start, end]} into {@code png}. */
    static void render(GrafanaDashboard dashboard, Map<String, String> variables, PrometheusApi prometheus,
            Instant start, Instant end, Path png) {
        int rows = dashboard.panels().stream().mapToInt(panel -> panel.y() + panel.h()).max().orElse(0);
        BufferedImage image = new BufferedImage(WIDTH, HEADER + rows * ROW_HEIGHT + MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString(dashboard.title(), MARGIN, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(MUTED);
            StringBuilder header = new StringBuilder();
            variables.forEach((name, value) -> header.append(name).append(" = ").append(value).append("     "));
            header.append(TIME.format(start)).append(" to ").append(TIME.format(end)).append(" UTC, rendered from Prometheus");
            g.drawString(header.toString(), MARGIN, 52);
            double column = (WIDTH - MARGIN) / 24.0;
            for (GrafanaDashboard.Panel panel : dashboard.panels()) {
                int x = MARGIN + (int) Math.round(panel.x() * column);
                int y = HEADER + panel.y() * ROW_HEIGHT;
                int w = (int) Math.round(panel.w() * column) - MARGIN;
                int h = panel.h() * ROW_HEIGHT - MARGIN;
                drawPanel(g, panel, series(panel, variables, prometheus, start, end), x, y, w, h, start, end);
            }
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + png + ": " + ex.getMessage(), ex);
        }
    }

    private record Series(String name, long[] times, double[] values) {

        double last() {
            for (int i = values.length - 1; i >= 0; i--) {
                if (Double.isFinite(values[i])) {
                    return values[i];
                }
            }
            return Double.NaN;
        }
    }

    private static List<Series> series(GrafanaDashboard.Panel panel, Map<String, String> variables,
            PrometheusApi prometheus, Instant start, Instant end) {
        List<Series> series = new ArrayList<>();
        for (GrafanaDashboard.Target target : panel.targets()) {
            String expr = GrafanaDashboard.substitute(target.expr(), variables);
            for (JsonNode result : prometheus.queryRange(expr, start, end, Duration.ofSeconds(1))) {
                JsonNode points = result.path("values");
                long[] times = new long[points.size()];
                double[] values = new double[points.size()];
                for (int i = 0; i < points.size(); i++) {
                    times[i] = points.get(i).get(0).asLong();
                    values[i] = Double.parseDouble(points.get(i).get(1).asString());
                }
                series.add(new Series(legend(target.legendFormat(), result.path("metric")), times, values));
            }
        }
        return series;
    }

    private static String legend(String format, JsonNode labels) {
        Matcher matcher = LEGEND_LABEL.matcher(format);
        StringBuilder legend = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(legend, Matcher.quoteReplacement(labels.path(matcher.group(1)).asString("")));
        }
        matcher.appendTail(legend);
        return legend.toString();
    }

    private static void drawPanel(Graphics2D g, GrafanaDashboard.Panel panel, List<Series> series, int x, int y, int w,
            int h, Instant start, Instant end) {
        g.setColor(PANEL);
        g.fillRoundRect(x, y, w, h, 6, 6);
        g.setColor(BORDER);
        g.drawRoundRect(x, y, w, h, 6, 6);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(panel.title(), x + 10, y + 22);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        double max = 0;
        for (Series s : series) {
            for (double value : s.values()) {
                if (Double.isFinite(value)) {
                    max = Math.max(max, value);
                }
            }
        }
        double step = niceStep(max > 0 ? max / 4 : "percentunit".equals(panel.unit()) ? 0.25 : 1);
        double ceiling = Math.max(step, Math.ceil(max / step) * step);
        List<String> tickLabels = new ArrayList<>();
        for (double tick = 0; tick <= ceiling + step / 2; tick += step) {
            tickLabels.add(format(tick, panel.unit()));
        }
        int labelWidth = tickLabels.stream().mapToInt(metrics::stringWidth).max().orElse(0);
        int legendHeight = series.size() * 15 + 6;
        int left = x + 16 + labelWidth;
        int right = x + w - 12;
        int top = y + 36;
        int bottom = y + h - legendHeight - 22;
        for (int i = 0; i < tickLabels.size(); i++) {
            int ty = bottom - (int) Math.round((bottom - top) * (i * step) / ceiling);
            g.setColor(GRID);
            g.drawLine(left, ty, right, ty);
            g.setColor(MUTED);
            g.drawString(tickLabels.get(i), left - 6 - metrics.stringWidth(tickLabels.get(i)), ty + 4);
        }
        long from = start.getEpochSecond();
        long to = end.getEpochSecond();
        for (int i = 0; i <= 4; i++) {
            long t = from + (to - from) * i / 4;
            int tx = left + (int) ((right - left) * (t - from) / Math.max(1, to - from));
            String label = TIME.format(Instant.ofEpochSecond(t));
            g.drawString(label, Math.min(tx - metrics.stringWidth(label) / 2, right - metrics.stringWidth(label)),
                    bottom + 15);
        }

        g.setStroke(new BasicStroke(1.6f));
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            Color color = PALETTE[s % PALETTE.length];
            g.setColor(color);
            Path2D.Double line = new Path2D.Double();
            boolean drawing = false;
            for (int i = 0; i < one.times().length; i++) {
                double value = one.values()[i];
                if (!Double.isFinite(value)) {
                    drawing = false;
                    continue;
                }
                double px = left + (right - left) * (double) (one.times()[i] - from) / Math.max(1, to - from);
                double py = bottom - (bottom - top) * Math.min(value, ceiling) / ceiling;
                if (drawing) {
                    line.lineTo(px, py);
                } else {
                    line.moveTo(px, py);
                    drawing = true;
                }
            }
            g.draw(line);
            int ly = bottom + 30 + s * 15;
            g.fillRect(x + 12, ly - 8, 12, 4);
            g.setColor(TEXT);
            g.drawString(one.name(), x + 30, ly);
            String last = "last " + format(one.last(), panel.unit());
            g.setColor(MUTED);
            g.drawString(last, right - metrics.stringWidth(last), ly);
        }
        g.setStroke(new BasicStroke(1f));
        if (series.isEmpty()) {
            g.setColor(MUTED);
            g.drawString("No data", x + w / 2 - 20, y + h / 2);
        }
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double nice : new double[] {1, 2, 2.5, 5, 10}) {
            if (nice * magnitude >= raw) {
                return nice * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return "∞";
        }
        if ("percentunit".equals(unit)) {
            return number(value * 100) + "%";
        }
        if ("s".equals(unit)) {
            return value >= 1 || value == 0 ? number(value) + " s" : number(value * 1000) + " ms";
        }
        String suffix = unit.startsWith("suffix:") ? unit.substring("suffix:".length()) : "";
        return abbreviated(value) + suffix;
    }

    private static String abbreviated(double value) {
        if (Math.abs(value) >= 1_000_000) {
            return number(value / 1_000_000) + " M";
        }
        if (Math.abs(value) >= 1_000) {
            return number(value / 1_000) + " K";
        }
        return number(value);
    }

    private static String number(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.format(Locale.ROOT, "%.0f", rounded)
                : String.format(Locale.ROOT, "%.2f", rounded).replaceAll("0$", "");
    }
}
