#!/usr/bin/env python3
"""Where a JVM's CPU goes, from an async-profiler collapsed-stack file (docs/benchmarks.md,
"Gateway overhead").

    profile_split.py FILE [--threads=PREFIX] [FRAME_SUBSTRING ...]

Each sample is charged to one area: the area of the frame nearest the leaf that belongs to a known
library (reactor-core operators and JDK frames are skipped, so a HashMap lookup inside OpenTelemetry
counts as tracing). With --threads only samples whose first frame (async-profiler's `threads`
option) starts with PREFIX count, e.g. --threads='[reactor-http-epoll' for the request work without
JIT and GC threads. Every FRAME_SUBSTRING is also reported inclusively: the share of samples with
such a frame anywhere on the stack (which, in reactive code, also covers what it subscribes to).
"""
import collections
import re
import sys

AREAS = [
    ("JIT, GC, VM", r"^(GC_|G1|SerialHeap|CompileBroker|C2Compiler|C1Compiler|Compile::|VMThread|DefNewGeneration|TenuredGeneration|CardTable|MarkSweep)"),
    ("JWT decode and verify", r"(com/nimbusds|oauth2/jwt|sun/security/|java/math/BigInteger)"),
    ("context propagation (thread locals)", r"(io/micrometer/context|ContextPropagation|ContextSnapshot|ThreadLocalAccessor)"),
    ("tracing (OpenTelemetry, Micrometer Tracing)", r"(io/opentelemetry|io/micrometer/tracing)"),
    ("observations", r"(io/micrometer/observation|[Oo]bservation)"),
    ("metrics (Micrometer, Prometheus)", r"(io/micrometer/core|io/prometheus|HdrHistogram|LatencyUtils)"),
    ("Resilience4j, Spring Cloud CircuitBreaker", r"(resilience4j|springframework/cloud/circuitbreaker)"),
    ("Spring Security (other than JWT)", r"springframework/security"),
    ("gateway routing and filters (SCG, cn.dangjian)", r"(springframework/cloud/gateway|cn/dangjian)"),
    ("Spring WebFlux, spring-web", r"(springframework/web|springframework/http)"),
    ("network I/O and HTTP codec (Netty, Reactor Netty, kernel)", r"(reactor/netty|io/netty|epoll|sys_|__x64|do_syscall|entry_SYSCALL|tcp_|ip_|sock_|__libc_|send|recv|write|read)"),
    ("logging", r"(logback|slf4j)"),
]
FALLBACK = re.compile(r"reactor/core")


def main(argv):
    path = argv[1]
    threads = next((a.split("=", 1)[1] for a in argv[2:] if a.startswith("--threads=")), None)
    terms = [a for a in argv[2:] if not a.startswith("--threads=")]
    compiled = [(name, re.compile(rx)) for name, rx in AREAS]
    areas, inclusive, total = collections.Counter(), collections.Counter(), 0
    for line in open(path, errors="replace"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack:
            continue
        frames, n = stack.split(";"), int(count)
        if threads and not frames[0].startswith(threads):
            continue
        total += n
        area = None
        if re.match(r"\[(C1|C2|GC|VM|Service|Sweeper)", frames[0]):
            area = "JIT, GC, VM"
        for frame in reversed(frames):
            if area:
                break
            area = next((name for name, rx in compiled if rx.search(frame)), None)
        if not area:
            area = "reactor-core" if any(FALLBACK.search(f) for f in frames) else "other"
        areas[area] += n
        for term in terms:
            if any(term in f for f in frames):
                inclusive[term] += n
    print(f"{total} samples" + (f" on threads {threads}*" if threads else ""))
    print("\n| area | share |\n|---|---|")
    for name, n in areas.most_common():
        print(f"| {name} | {100 * n / total:.1f} % |")
    if terms:
        print("\n| frame on the stack | share |\n|---|---|")
        for term in terms:
            print(f"| `{term}` | {100 * inclusive[term] / total:.1f} % |")


if __name__ == "__main__":
    main(sys.argv)
