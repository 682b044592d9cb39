package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run measured on.
 *
 * @param cpuModel the processor's model name ({@code /proc/cpuinfo}), or the architecture where unknown
 * @param logicalCpus the processors the JVM may use
 * @param memoryMiB physical memory
 * @param os operating system name and kernel release
 * @param arch {@code os.arch}
 * @param virtualised whether the processor reports a hypervisor; {@code null} where that cannot be read
 */
record MachineDescription(String cpuModel, int logicalCpus, long memoryMiB, String os, String arch,
        Boolean virtualised) {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    static MachineDescription current() {
        List<String> cpuInfo = cpuInfo();
        String model = cpuInfo.stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst()
                .orElse(System.getProperty("os.arch"));
        Boolean virtualised = cpuInfo.isEmpty() ? null
                : cpuInfo.stream().anyMatch(line -> line.startsWith("flags") && line.contains(" hypervisor"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MachineDescription(model, Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024 * 1024), System.getProperty("os.name") + " "
                + System.getProperty("os.version"), System.getProperty("os.arch"), virtualised);
    }

    private static List<String> cpuInfo() {
        try {
            return Files.isReadable(CPU_INFO) ? Files.readAllLines(CPU_INFO) : List.of();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    /** For example {@code AMD EPYC, 2 logical CPUs, virtual machine, 23.5 GiB, Linux 6.1.0 amd64}. */
    String summary() {
        String kind = virtualised == null ? "" : virtualised ? ", virtual machine" : ", no hypervisor reported";
        return String.format(Locale.ROOT, "%s, %d logical CPUs%s, %.1f GiB, %s %s", cpuModel, logicalCpus, kind,
                memoryMiB / 1024.0, os, arch);
    }
}
