package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * Loads the benchmarks a second time, linked against another build of {@code disruptor-core} (a jar
 * built from another commit), so that one JVM can time our current core and that build block by
 * block. Core classes come only from the given jar (with nothing but the JDK behind it, so that no
 * class of the current build can slip in); the benchmark classes come again from where the current
 * ones were loaded, so they link against that core; everything else (LMAX, the queues, JMH,
 * HdrHistogram) is shared with the application class loader.
 *
 * <p>Each build then has its own classes and so its own profiles and compiled code: neither
 * pollutes the other's call sites. The Spring layer cannot run on another core (the starter is
 * linked to the current one).
 */
final class AlternativeCore extends URLClassLoader {

    private static final String CORE_PACKAGE = "io.github.disruptor.core.";
    private static final String BENCHMARKS_PACKAGE = AlternativeCore.class.getPackageName() + ".";
    private static final String CORE_ENTRY_POINT = "io/github/disruptor/core/Disruptor.class";

    static {
        registerAsParallelCapable();
    }

    private final URLClassLoader core;

    private AlternativeCore(Path coreJar) {
        super("benchmarks-on-" + coreJar.getFileName(), new URL[] {benchmarksLocation()},
                AlternativeCore.class.getClassLoader());
        this.core = new URLClassLoader("core-" + coreJar.getFileName(), new URL[] {url(coreJar)},
                ClassLoader.getPlatformClassLoader());
    }

    /**
     * @throws IllegalArgumentException naming the jar, if it is missing or holds no disruptor-core
     */
    static AlternativeCore load(Path coreJar) {
        checkIsCore(coreJar);
        return new AlternativeCore(coreJar);
    }

    /**
     * @throws IllegalArgumentException naming the jar, if it is missing or holds no disruptor-core
     */
    static void checkIsCore(Path coreJar) {
        if (!Files.isRegularFile(coreJar)) {
            throw new IllegalArgumentException("alt-core='" + coreJar + "' is not a file; expected a disruptor-core jar, "
                    + "such as disruptor-core/target/disruptor-core-<version>.jar of another checkout");
        }
        try (JarFile jar = new JarFile(coreJar.toFile())) {
            if (jar.getEntry(CORE_ENTRY_POINT) == null) {
                throw new IllegalArgumentException("alt-core='" + coreJar + "' has no " + CORE_ENTRY_POINT
                        + "; expected a disruptor-core jar");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("alt-core='" + coreJar + "' is not a readable jar: " + e.getMessage(), e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(CORE_PACKAGE)) {
            return core.loadClass(name);
        }
        if (!name.startsWith(BENCHMARKS_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            core.close();
        } finally {
            super.close();
        }
    }

    private static URL benchmarksLocation() {
        return AlternativeCore.class.getProtectionDomain().getCodeSource().getLocation();
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
