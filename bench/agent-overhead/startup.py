#!/usr/bin/env python3
"""Start-up to the first 200, no agent against agents, in alternating rounds (see startup.sh).

    startup.py ROUNDS OUT.tsv NAME=java-options ...   (the first variant is the baseline)

The app's command comes from the environment: APP_CMD (with {port}), APP_PATH (the URL path
polled) and JAVA (the java binary, default: java on the PATH). One process launches the JVM and
polls it every 4 ms over a raw socket (a curl loop would itself compete for the two cores). CPU is
the JVM's user+system time when the first 200 arrives; main thread CPU that of the thread that runs
premain and the application's start-up alone, without the JIT compiler and GC threads, which two
cores run partly in parallel. Prints medians with min-max and each variant's median ratios against
the baseline and against the variant listed before it, with bootstrap 90% intervals (resampling
rounds), because on two shared cores single rounds swing by ±10%.
"""
import os, random, socket, statistics, subprocess, sys, time

rounds, out = int(sys.argv[1]), sys.argv[2]
variants = []
for arg in sys.argv[3:]:
    name, _, opts = arg.partition("=")
    variants.append((name, opts.split()))
cmd_template = os.environ["APP_CMD"].split()
request = ("GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" % os.environ.get("APP_PATH", "/")).encode()
tick = os.sysconf("SC_CLK_TCK")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def answered_200(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(request)
            return s.recv(16).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def main_thread_cpu(pid):
    # The launcher's first thread only waits; the application's main thread is the next one.
    tids = sorted(int(t) for t in os.listdir("/proc/%d/task" % pid))
    with open("/proc/%d/task/%d/stat" % (pid, tids[1])) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / tick


def measure(opts):
    port = free_port()
    cmd = [os.environ.get("JAVA", "java")] + opts + [c.replace("{port}", str(port)) for c in cmd_template]
    start = time.perf_counter_ns()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not answered_200(port):
            if proc.poll() is not None:
                sys.exit("did not start: " + " ".join(cmd))
            if time.perf_counter_ns() - start > 120e9:
                sys.exit("no 200 within 120 s: " + " ".join(cmd))
            time.sleep(0.004)
        wall = (time.perf_counter_ns() - start) / 1e6
        with open("/proc/%d/stat" % proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) * 1000 / tick
        return wall, cpu, main_thread_cpu(proc.pid)
    finally:
        proc.kill()
        proc.wait()


results = {name: [] for name, _ in variants}
with open(out, "w") as tsv:
    tsv.write("round\tvariant\tstartup_ms\tstartup_cpu_ms\tmain_cpu_ms\n")
    for r in range(rounds):
        shift = r % len(variants)
        order = variants[shift:] + variants[:shift]
        if r % 2:
            order.reverse()
        for name, opts in order:
            wall, cpu, main = measure(opts)
            results[name].append((wall, cpu, main))
            tsv.write("%d\t%s\t%.0f\t%.0f\t%.0f\n" % (r + 1, name, wall, cpu, main))
            tsv.flush()


def ratio_interval(a, b, i, rng):
    # Rounds are paired (same round, close in time): resample rounds, keep the pairs together.
    n = len(a)
    ratios = []
    for _ in range(2000):
        idx = [rng.randrange(n) for _ in range(n)]
        ratios.append(statistics.median(b[k][i] for k in idx) / statistics.median(a[k][i] for k in idx))
    ratios.sort()
    return ratios[int(0.05 * len(ratios))], ratios[int(0.95 * len(ratios)) - 1]


base = variants[0][0]
rng = random.Random(42)
for i, title in enumerate(("wall time to the first 200", "JVM CPU until the first 200", "main thread CPU until the first 200")):
    print("%s, ms (%d rounds)" % (title, rounds))
    print("  %-12s %-22s %-24s %s" % ("variant", "median (min-max)", "/ %s [90%% interval]" % base, "/ the variant above [90% interval]"))
    previous = None
    for name, _ in variants:
        vals = [x[i] for x in results[name]]
        line = "  %-12s %-22s" % (name, "%.0f (%.0f-%.0f)" % (statistics.median(vals), min(vals), max(vals)))
        for other in ([base, previous] if previous else []):
            m = statistics.median(vals) / statistics.median(x[i] for x in results[other])
            lo, hi = ratio_interval(results[other], results[name], i, rng)
            line += " %-24s" % ("%.3f [%.3f-%.3f]" % (m, lo, hi))
        print(line.rstrip())
        previous = name
