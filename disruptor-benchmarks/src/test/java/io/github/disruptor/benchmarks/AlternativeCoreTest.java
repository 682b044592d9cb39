package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.disruptor.core.Disruptor;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlternativeCoreTest {

    @TempDir
    Path directory;

    @Test
    void linksOurFlowsAgainstTheOtherCoreAndSharesEverythingElse() throws Throwable {
        try (AlternativeCore loader = AlternativeCore.load(coreJar())) {
            Class<?> flow = Class.forName(CoreFlow.class.getName(), false, loader);
            Class<?> core = flow.getDeclaredField("disruptor").getType();
            Class<?> lmax = Class.forName(LmaxFlow.class.getName(), false, loader).getDeclaredField("disruptor").getType();

            assertThat(flow).isNotSameAs(CoreFlow.class);
            assertThat(core.getName()).isEqualTo(Disruptor.class.getName());
            assertThat(core).isNotSameAs(Disruptor.class);
            assertThat(lmax).isSameAs(com.lmax.disruptor.dsl.Disruptor.class);

            MethodHandle timeBlock = MethodHandles.publicLookup().findStatic(
                    Class.forName(BlockTimer.class.getName(), true, loader), "timeBlock",
                    MethodType.methodType(double.class, String.class, String.class, String.class, int.class));
            assertThat((double) timeBlock.invokeExact("unicast-yielding", "ours", "yielding", 1)).isPositive();
        }
    }

    @Test
    void refusesAJarWithoutTheCore() throws IOException {
        Path notCore = directory.resolve("other.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(notCore))) {
            jar.putNextEntry(new JarEntry("README"));
        }

        assertThatIllegalArgumentException().isThrownBy(() -> AlternativeCore.load(notCore))
                .withMessageContaining("alt-core='" + notCore + "' has no io/github/disruptor/core/Disruptor.class");
    }

    /** The core the tests run against, as a jar (the build gives the tests its classes directory or its jar). */
    private Path coreJar() throws IOException, URISyntaxException {
        Path location = Path.of(Disruptor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(location)) {
            return location;
        }
        Path jar = directory.resolve("disruptor-core.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
                try (OutputStream entry = new java.io.FilterOutputStream(out) {
                    @Override
                    public void close() {
                        // keep the jar open
                    }
                }) {
                    Files.copy(file, entry);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
