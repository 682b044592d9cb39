#!/usr/bin/env python3
"""Times POST /orders one after another on one keep-alive connection: 2,000 to warm up, then 5,000 measured.

    sample-app/scripts/post-latency.py sample-app/target/sample-app-0.1.0-SNAPSHOT.jar
"""
import http.client, json, os, re, signal, subprocess, sys, tempfile, time

jar = os.path.realpath(sys.argv[1])
work = tempfile.mkdtemp(prefix="sample-latency-")
with open(os.path.join(work, "app.log"), "w") as log:
    app = subprocess.Popen(["java", "-Xmx256m", "-jar", jar, "--server.port=0",
                            "--sample.journal.directory=" + os.path.join(work, "journal")],
                           stdout=log, stderr=subprocess.STDOUT, cwd=work)
    port = None
    for _ in range(240):
        found = re.search(r"Tomcat started on port (\d+)", open(os.path.join(work, "app.log")).read())
        if found:
            port = int(found.group(1))
            break
        time.sleep(0.5)
    connection = http.client.HTTPConnection("127.0.0.1", port)

    def post(i):
        body = json.dumps({"symbol": "ACME", "side": "BUY" if i % 2 else "SELL", "price": 100 + i % 3, "quantity": 1})
        started = time.perf_counter()
        connection.request("POST", "/orders", body, {"Content-Type": "application/json"})
        connection.getresponse().read()
        return (time.perf_counter() - started) * 1e6

    for i in range(2000):
        post(i)
    times = sorted(post(i) for i in range(5000))
    print(f"5000 POSTs in a row: p50 {times[2500]:.0f} us, p90 {times[4500]:.0f} us, p99 {times[4950]:.0f} us")
    app.send_signal(signal.SIGTERM)
    app.wait()
