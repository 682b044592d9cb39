/*
 * Lets JDK 17 print JIT-compiled code (-XX:+PrintAssembly, JMH's -prof perfasm) with Debian's
 * libhsdis0-fcml, which only exports the old decode_instructions() entry point while the JDK asks
 * for decode_instructions_virtual(). HotSpot decodes live code in place (buffer == start_va), so
 * the old entry point, given the code's own addresses, prints the same thing.
 *
 *   apt-get install -y libhsdis0-fcml linux-perf
 *   gcc -shared -fPIC -O2 -o hsdis-amd64.so hsdis-fcml-shim.c -ldl
 *   cp hsdis-amd64.so "$(dirname "$(dirname "$(readlink -f "$(which java)")")")/lib/server/"
 *
 * Then, on a virtual machine without hardware counters, sample with the timer:
 *   java -jar disruptor-benchmarks/target/benchmarks.jar UnicastBenchmark -p contender=ours \
 *       -p waitStrategy=yielding -f 1 -prof "perfasm:events=cpu-clock"
 */
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

typedef void *(*event_callback)(void *, const char *, void *);
typedef int (*printf_callback)(void *, const char *, ...);
typedef void *(*decode_instructions_fn)(void *, void *, event_callback, void *, printf_callback, void *,
                                        const char *);

static decode_instructions_fn decode_in_place;

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_callback event, void *event_stream, printf_callback print,
                                  void *print_stream, const char *options, int newline) {
    (void) length;
    (void) newline;
    if (buffer != (unsigned char *) start_va) {
        return NULL; /* a copy of the code: the old entry point cannot print its addresses */
    }
    if (decode_in_place == NULL) {
        void *fcml = dlopen("/usr/lib/x86_64-linux-gnu/libhsdis.so.0", RTLD_NOW | RTLD_LOCAL);
        if (fcml == NULL) {
            return NULL;
        }
        decode_in_place = (decode_instructions_fn) dlsym(fcml, "decode_instructions");
        if (decode_in_place == NULL) {
            return NULL;
        }
    }
    return decode_in_place((void *) start_va, (void *) end_va, event, event_stream, print, print_stream, options);
}
