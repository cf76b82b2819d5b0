#!/usr/bin/python3
"""The task list in a real browser, for `make bench`: Debian's chromium,
headless, driven by Debian's python3-selenium and chromium-driver (run with
/usr/bin/python3, where python3-selenium lives).

For each workspace given (N and its path), it renders the site to tmpfs and
measures, from file://:
  - the list data (tasks/data/*.js) and tasks/index.html in bytes;
  - from navigation to the first answer of a URL query (the page's
    `data-ready` mark: data loaded, query applied, rows drawn), after one
    visit to the overview page: a browser's first page pays ~0.4 s for its
    own start (fonts, first layout), which a reader's running browser has
    paid already;
  - each filter or sort change (the time from the change event to the
    table's next `data-applied` mark), median of several;
and checks that the page's answers equal `docket list --json` (the count and
the first page of ids) for a few queries. Prints one Markdown table.
Usage: list_bench.py DOCKET NOW N:WORKSPACE [N:WORKSPACE …]
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

DOCKET, NOW = sys.argv[1], sys.argv[2]
QUERIES = [  # (the page's query, the same for docket list)
    ("", ["--status", "open"]),
    ("tag=renewal&sort=-title", ["--status", "open", "--tag", "renewal", "--sort", "-title"]),
    ("priority=urgent&sort=-updated", ["--priority", "urgent", "--status", "open", "--sort", "-updated"]),
    ("mode=all&sort=title", ["--sort", "title"]),
    ("status=completed&sort=-priority", ["--status", "completed", "--sort", "-priority"]),
]
CHANGES = [  # (element id, value): each applied to the page in turn
    ("f-priority", "high"), ("f-status", "pending"), ("f-sort", "-priority"), ("f-sort", "title"),
    ("f-priority", ""), ("f-sort", "due"), ("f-status", ""), ("f-sort", "-title"), ("f-sort", "-updated"),
]


def browser():
    options = Options()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def cli(ws, args):
    out = subprocess.run([DOCKET, "list", "--json", "--limit", "1000000", "--workspace", ws, "--now", NOW] + args,
                         check=True, capture_output=True, text=True).stdout
    return [t["id"] for t in json.loads(out)["data"]]


def first_answer(driver, url):
    driver.get(url)
    for _ in range(600):
        ready = driver.execute_script("var f = document.getElementById('filters'); return f && f.getAttribute('data-ready');")
        if ready:
            return float(ready) / 1000
        time.sleep(0.05)
    raise RuntimeError("the list never became ready: " + url)


def page_ids(driver):
    return driver.execute_script("return Array.prototype.map.call(document.querySelectorAll('#task-table tbody tr'), function (r) { return r.getAttribute('data-id'); });")


def change(driver, element, value):
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var table = document.getElementById('task-table');
        var before = table.getAttribute('data-applied');
        var field = document.getElementById(arguments[0]);
        var started = performance.now();
        new MutationObserver(function (changes, observer) {
          if (table.getAttribute('data-applied') !== before) { observer.disconnect(); done(performance.now() - started); }
        }).observe(table, {attributes: true});
        field.value = arguments[1];
        field.dispatchEvent(new Event('change', {bubbles: true}));
    """, element, value) / 1000


def measure(n, ws):
    site = "/dev/shm/docket-list-bench-%d" % n
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run([DOCKET, "render", "--workspace", ws, "--out", site, "--now", NOW, "--quiet"], check=True)
    data = sum(os.path.getsize(os.path.join(site, "tasks/data", f)) for f in os.listdir(os.path.join(site, "tasks/data")))
    index = os.path.getsize(os.path.join(site, "tasks/index.html"))
    driver = browser()
    driver.set_script_timeout(120)
    try:
        base = "file://%s/tasks/index.html" % site
        driver.get("file://%s/index.html" % site)  # the reader arrives at the overview
        firsts, agree = [], True
        for query, args in QUERIES:
            firsts.append(first_answer(driver, base + "?" + query))
            print("first answer at %d: %s %d ms" % (n, query, firsts[-1] * 1000), file=sys.stderr)
            expected = cli(ws, args)
            shown = int(driver.find_element("id", "match-count").get_attribute("data-shown"))
            if shown != len(expected) or page_ids(driver) != expected[:100]:
                agree = False
                print("differs from docket list: %s (%d against %d)" % (query, shown, len(expected)), file=sys.stderr)
        first_answer(driver, base)
        changes = [change(driver, element, value) for element, value in CHANGES]
        print("changes at %d: %s" % (n, ", ".join("%s=%s %d ms" % (e, v, t * 1000) for (e, v), t in zip(CHANGES, changes))), file=sys.stderr)
    finally:
        driver.quit()
        shutil.rmtree(site, ignore_errors=True)
    return {"n": n, "data": data, "index": index, "first": statistics.median(firsts), "first max": max(firsts),
            "change": statistics.median(changes), "change max": max(changes), "agree": agree}


def main():
    rows = [measure(int(spec.split(":", 1)[0]), spec.split(":", 1)[1]) for spec in sys.argv[3:]]
    print("| tasks | list data | tasks/index.html | navigation to first answer (median / slowest of %d queries) | a filter or sort change (median / slowest of %d) | answers equal `docket list` |" % (len(QUERIES), len(CHANGES)))
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| %d | %.1f MB | %d KB | %.2f s / %.2f s | %d ms / %d ms | %s |" % (
            r["n"], r["data"] / 1e6, r["index"] / 1000, r["first"], r["first max"], r["change"] * 1000, r["change max"] * 1000,
            "yes" if r["agree"] else "NO"))


if __name__ == "__main__":
    main()
