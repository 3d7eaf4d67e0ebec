#!/usr/bin/env python3
"""Edit-to-reload time of `costmark serve`: from writing one essay to the reload event
arriving at an open page's event stream. Usage: serve_latency.py COSTMARK SITE_DIR RUNS"""
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    costmark, site, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    port = free_port()
    server = subprocess.Popen([costmark, "serve", "--port", str(port), "--templates", "Templates"],
                              cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        # Wait for the first build and the listening socket.
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        essay = os.path.join(site, "Content", "posts", "essay-00007.md")
        latencies = []
        for run in range(runs):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", "/__costmark/events")
            response = connection.getresponse()
            response.readline()  # the opening comment
            response.readline()
            time.sleep(0.3)
            with open(essay, "a") as f:
                f.write(f"\nAn added sentence, edit {run}.\n")
            start = time.monotonic()
            while True:
                line = response.readline()
                if not line or line.startswith(b"event: reload"):
                    break
            latencies.append(time.monotonic() - start)
            connection.close()
        print(f"  serve, edit to reload event {statistics.median(latencies):6.2f} s (median of {runs}; inotify)")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
