package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM measured code runs on, in the words of its own system properties: who built it, which
 * virtual machine, which release.
 *
 * @param vendor {@code java.vendor}, for example {@code Eclipse Adoptium} or {@code Debian}
 * @param vmName {@code java.vm.name}
 * @param version {@code java.version}, for example {@code 25.0.3}
 * @param runtimeVersion {@code java.runtime.version}, with the build
 * @param feature the feature release, 17 or 25
 * @param home {@code java.home}
 */
record JvmDescription(String vendor, String vmName, String version, String runtimeVersion, int feature, String home) {

    private static final Pattern PROPERTY = Pattern.compile("^ {4}(\\S+) = (.*)$");
    private static final long PROBE_TIMEOUT_SECONDS = 60;

    /** The JVM this code runs on. */
    static JvmDescription current() {
        return of(System.getProperties()::getProperty);
    }

    /**
     * The JVM installed at {@code javaHome}, asked with {@code java -XshowSettings:properties -version}.
     *
     * @throws IllegalArgumentException if {@code javaHome} has no {@code bin/java}, or it does not answer
     */
    static JvmDescription probe(Path javaHome) {
        Path java = javaExecutable(javaHome);
        Map<String, String> properties = new HashMap<>();
        Path output = null;
        try {
            // into a file, not a pipe: a JVM that never answers must not block the read past the timeout
            output = Files.createTempFile("java-properties-", ".txt");
            Process process = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalArgumentException(java + " -XshowSettings:properties -version did not answer within "
                        + PROBE_TIMEOUT_SECONDS + " s");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalArgumentException(java + " -XshowSettings:properties -version failed:\n" + printed);
            }
            for (String line : printed.split("\\R")) {
                Matcher property = PROPERTY.matcher(line);
                if (property.matches()) {
                    properties.put(property.group(1), property.group(2));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + java + " for its version", e);
        } finally {
            deleteQuietly(output);
        }
        if (!properties.containsKey("java.version")) {
            throw new IllegalArgumentException(java + " did not print its system properties; is it a JDK 17 or later?");
        }
        return of(properties::get);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the system cleans its temporary directory
            }
        }
    }

    private static JvmDescription of(java.util.function.Function<String, String> property) {
        String version = property.apply("java.version");
        return new JvmDescription(property.apply("java.vendor"), property.apply("java.vm.name"), version,
                property.apply("java.runtime.version"), Runtime.Version.parse(version).feature(),
                property.apply("java.home"));
    }

    /**
     * {@code bin/java} under {@code javaHome}.
     *
     * @throws IllegalArgumentException naming the directory and what is expected, if there is none
     */
    static Path javaExecutable(Path javaHome) {
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("'" + javaHome + "' is not a JDK: it has no executable bin/java; "
                    + "expected a Java home such as /usr/lib/jvm/temurin-25-jdk-amd64");
        }
        return java;
    }

    /** For example {@code Eclipse Adoptium OpenJDK 64-Bit Server VM 25.0.3+9-LTS}. */
    String summary() {
        return vendor + " " + vmName + " " + runtimeVersion;
    }

    /** The directory a suite run on this JVM writes into, {@code jdk17} or {@code jdk25}. */
    String directoryName() {
        return "jdk" + feature;
    }
}
