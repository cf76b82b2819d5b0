#!/usr/bin/env python3
"""`make bench`: docket side by side with Hugo and with the floor.

For each size (BENCH_SIZES, default "10000 100000") it generates a workspace
with `docket generate`, writes the same tasks as a Hugo site (front matter +
the same Markdown body, a minimal layout: one page per task and a list page),
and times with hyperfine, in one run:

  docket cold      render into an empty folder, without .docket/cache (rows, inputs)
  docket rebuild   `docket build` after one queued edit, into the built folder
  docket rebuild after a fresh checkout
                   the same on a fresh copy of the workspace (new inodes and
                   times, .docket/cache kept), as CI runs it with its caches
                   restored; the copy is on tmpfs, so only for the tmpfs rows
  docket validate  the whole workspace, with the input cache an earlier run
                   left in .docket/cache (the usual case) and with --no-cache
  hugo cold        into an empty folder
  hugo rebuild     after changing one task's file
  floor            read every input file + the cmark CLI over every details file
  floor, 8 readers the same with eight `cat`s reading at once (docket reads
                   on eight threads: this VM's disk answers faster with reads in flight)
  site writes      docket's finished site made again by two `tar`s extracting
                   half its files each at once (tmpfs rows): what writing the
                   site's folders and files costs the kernel, with nothing rendered
  task list        scripts/list_bench.py: the list page in headless chromium
                   (selenium) at 20,000 tasks and the largest size
  stage profile    docket's cold render on tmpfs with `--verbose`, pinned to one
                   core (`taskset -c 0`) and to two (`taskset -c 0-1`) in turn:
                   how much each stage gains from the second core; and, in the
                   same turns, two one-core renders side by side (cores 0 and 1):
                   how much this machine lets two cores gain at all just then

Output goes to the same disk for every contender, then once more to tmpfs
(/dev/shm). Every timed run starts with its input files read once, as the
floor's runs do after their warm-up (this VM drops file pages from its cache
within seconds, so that read helps less than it would elsewhere). Peak memory comes from GNU
time (%M) on one more run. The table is printed and written to
docs/performance.md with docket's own stage timings.
Environment: BENCH_SIZES, BENCH_RUNS (default 3), BENCH_DIR (default bench-work).
"""
import concurrent.futures
import json
import os
import random
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCKET = os.path.join(ROOT, ".build/release/docket")
WORK = os.path.abspath(os.environ.get("BENCH_DIR", os.path.join(ROOT, "bench-work")))
NOW = "2026-03-18T13:00:00Z"
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "10000 100000").split()]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
# The stage profile's rows for writing the site's files with `tar`: not stages of docket's.
WRITING = "tar writes "


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), check=True, **kw)


def ensure_tools():
    missing = [p for p, b in (("hugo", "hugo"), ("hyperfine", "hyperfine"), ("cmark", "cmark"), ("chromium", "chromium"),
                              ("chromium-driver", "chromedriver")) if not shutil.which(b)]
    # The browser benchmark runs on Debian's Python, where python3-selenium lives.
    if subprocess.run(["/usr/bin/python3", "-c", "import selenium"], capture_output=True).returncode != 0:
        missing.append("python3-selenium")
    if missing:
        if os.geteuid() != 0:
            sys.exit("make bench needs: %s. Run as root: apt-get install -y %s" % (" ".join(missing), " ".join(missing)))
        print("Installing %s …" % " ".join(missing), file=sys.stderr)
        sh("apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq %s >/dev/null" % " ".join(missing))


def generate(n):
    ws = os.path.join(WORK, "w%d" % n)
    stamp = os.path.join(WORK, "w%d.done" % n)
    if not os.path.exists(stamp):
        shutil.rmtree(ws, ignore_errors=True)
        sh([DOCKET, "generate", "--tasks", str(n), "--seed", "7", "--now", NOW, ws])
        # The queued edits are applied once here, so every cold run renders the same workspace.
        sh([DOCKET, "apply", "--workspace", ws, "--now", NOW, "--quiet"])
        open(stamp, "w").close()
    return ws


def hugo_site(n, ws):
    site = os.path.join(WORK, "hugo%d" % n)
    stamp = site + ".done"
    if os.path.exists(stamp):
        return site
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "content/tasks"))
    os.makedirs(os.path.join(site, "layouts/_default"))
    with open(os.path.join(site, "config.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
    with open(os.path.join(site, "layouts/_default/single.html"), "w") as f:
        f.write("<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
                "<p>{{ .Params.status }} · {{ .Params.priority }} · {{ .Params.due }}</p>{{ .Content }}</body></html>\n")
    with open(os.path.join(site, "layouts/_default/list.html"), "w") as f:
        f.write("<!doctype html><html><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}"
                "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.status }}</li>{{ end }}</ul></body></html>\n")
    tasks = os.path.join(ws, "tasks")
    for name in os.listdir(tasks):
        if not name.endswith(".json"):
            continue
        task = json.load(open(os.path.join(tasks, name)))
        md = os.path.join(tasks, name[:-5] + ".md")
        body = open(md).read() if os.path.exists(md) else ""
        front = {"title": task["title"], "status": task["status"], "priority": task["priority"],
                 "due": task.get("due", ""), "date": task["created_at"]}
        with open(os.path.join(site, "content/tasks", name[:-5] + ".md"), "w") as f:
            f.write(json.dumps(front, sort_keys=True) + "\n\n" + body)
    open(stamp, "w").close()
    return site


def queue_one(ws):
    """Writes one comment edit with a fresh id (hyperfine's --prepare)."""
    tasks = sorted(n for n in os.listdir(os.path.join(ws, "tasks")) if n.endswith(".json"))
    task = random.choice(tasks)[:-5]
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    ulid = "01KM" + "".join(random.choice(alphabet) for _ in range(22))
    people = json.load(open(os.path.join(ws, "people.json")))
    edit = {"id": "edit_" + ulid, "op": "comment.create", "actor": people[0]["id"], "at": NOW, "task": task,
            "data": {"content": "Benchmark note %s" % ulid}}
    with open(os.path.join(ws, "queue", "bench-%s.json" % ulid), "w") as f:
        json.dump(edit, f)


def touch_one(site):
    path = os.path.join(site, "content/tasks")
    name = sorted(os.listdir(path))[0]
    with open(os.path.join(path, name), "a") as f:
        f.write("\nchanged %f\n" % time.time())


def warm(folder, readers=1, inputs_only=False):
    """A shell command that reads every file under `folder`, with `readers` cats at once. With
    `inputs_only` docket's own `.docket/` (its caches) is left out: the floor reads the inputs alone."""
    files = "find %s %s-type f -print0" % (folder, "-path '*/.docket' -prune -o " if inputs_only else "")
    if readers > 1:
        return "%s | xargs -0 -P %d -n 2000 cat > /dev/null" % (files, readers)
    return "%s | xargs -0 cat > /dev/null" % files


def hyperfine(name, command, prepare=None, runs=RUNS, warmup=0):
    export = os.path.join(WORK, "hf-%s.json" % name.replace(" ", "_"))
    cmd = ["hyperfine", "--style", "basic", "--runs", str(runs), "--warmup", str(warmup), "--export-json", export,
           "-N" if not prepare else "--shell=bash"]
    if prepare:
        cmd += ["--prepare", prepare]
    cmd += [command]
    print("\n== %s" % name, file=sys.stderr)
    sh(cmd, stdout=sys.stderr)
    result = json.load(open(export))["results"][0]
    return result["median"], result["mean"], result["stddev"]


def site_archives(site, base, folder="."):
    """Two `tar` archives of half of the files in `site`'s `folder` each (alternate names), for `extract`.
    Each also holds every folder, ahead of its files: two tars making one folder at once otherwise
    race (the loser finds no folder left to make, and skips the file)."""
    # One walk: each line is the entry's type letter, a space and its path.
    entries = subprocess.run("cd %s && find %s -printf '%%y %%p\\n'" % (site, folder), shell=True, check=True,
                             capture_output=True, text=True).stdout.splitlines()
    names = sorted(entry[2:] for entry in entries if entry[0] == "f")
    folders = [entry[2:] for entry in entries if entry[0] == "d" and entry[2:] != "."]
    tag = folder.strip("./") or "site"
    listings = [os.path.join(base, "%s-%d.txt" % (tag, half)) for half in (0, 1)]
    archives = [os.path.join(base, "%s-%d.tar" % (tag, half)) for half in (0, 1)]
    for half, (listing, archive) in enumerate(zip(listings, archives)):
        with open(listing, "w") as f:
            f.write("\n".join(sorted(folders + names[half::2])) + "\n")
        sh(["tar", "-C", site, "--no-recursion", "-cf", archive, "-T", listing])
    for listing in listings:
        os.remove(listing)
    return archives


def extract(archives, target, cpus="0-1"):
    """Makes the site again in `target` from both archives at once, on `cpus`: the folders and
    files a cold build must create, as cheaply as the kernel makes them. Like docket, tar then
    sets no owner, mode or time on what it makes."""
    tar = "tar -m --no-same-owner --no-same-permissions -C %s -xf %s"
    return ("taskset -c %s bash -c '%s & first=$!; %s && wait $first'"
            % (cpus, tar % (target, archives[0]), tar % (target, archives[1])))


def timed(commands):
    """Runs the shell commands at once; the seconds each took."""
    def run(command):
        start = time.monotonic()
        subprocess.run(command, shell=True, check=True)
        return time.monotonic() - start
    with concurrent.futures.ThreadPoolExecutor(len(commands)) as pool:
        return list(pool.map(run, commands))


def peak_kb(command, prepare=None):
    if prepare:
        sh(prepare)
    out = subprocess.run(["/usr/bin/time", "-f", "%M", "bash", "-c", command + " >/dev/null 2>&1"],
                         capture_output=True, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "queue-one":
        return queue_one(sys.argv[2])
    if len(sys.argv) > 2 and sys.argv[1] == "touch-one":
        return touch_one(sys.argv[2])
    ensure_tools()
    os.makedirs(WORK, exist_ok=True)
    me = os.path.abspath(__file__)
    rows = []
    profiles = []
    stages = []
    for n in SIZES:
        ws = generate(n)
        site = hugo_site(n, ws)
        for target, base in (("disk", WORK), ("tmpfs", "/dev/shm/docket-bench")):
            if target == "tmpfs" and not os.path.isdir("/dev/shm"):
                continue
            os.makedirs(base, exist_ok=True)
            out_d, out_h = os.path.join(base, "out-docket-%d" % n), os.path.join(base, "out-hugo-%d" % n)
            render = "%s render --workspace %s --out %s --now %s --quiet" % (DOCKET, ws, out_d, NOW)
            build = "%s build --workspace %s --out %s --now %s --quiet" % (DOCKET, ws, out_d, NOW)
            hugo = "hugo --quiet -s %s -d %s" % (site, out_h)
            r = {"n": n, "target": target}
            # Every timed run starts with its inputs in the page cache, as the floor does (after its
            # warm-up) and as a fresh clone does: a render writes 1.5 GB, which pushes the workspace
            # out of this VM's page cache, and the next run would otherwise time reading it from disk.
            warm_ws, warm_site = warm(ws), warm(site)
            # Cold: no site folder and no row cache (.docket/cache) from an earlier build.
            cold = "rm -rf %s %s/.docket/cache && %s" % (out_d, ws, warm_ws)
            r["docket cold"] = hyperfine("docket cold %d %s" % (n, target), render, prepare=cold)
            r["docket cold peak"] = peak_kb(render, prepare=cold)
            again = "python3 %s queue-one %s && %s" % (me, ws, warm_ws)
            r["docket rebuild"] = hyperfine("docket rebuild %d %s" % (n, target), build, prepare=again)
            r["docket rebuild peak"] = peak_kb(build, prepare=again)
            if target == "tmpfs":
                checkout = os.path.join(base, "checkout-%d" % n)
                fresh = "rm -rf %s && cp -r %s %s && python3 %s queue-one %s && %s" % (checkout, ws, checkout, me, checkout, warm(checkout))
                r["docket rebuild checkout"] = hyperfine("docket rebuild checkout %d" % n,
                                                         build.replace("--workspace %s " % ws, "--workspace %s " % checkout), prepare=fresh)
                shutil.rmtree(checkout, ignore_errors=True)
                archives = site_archives(out_d, base)
                target_w = os.path.join(base, "rewritten-%d" % n)
                r["site writes"] = hyperfine("site writes %d" % n, extract(archives, target_w),
                                             prepare="rm -rf %s && mkdir %s" % (target_w, target_w))
                shutil.rmtree(target_w, ignore_errors=True)  # a whole site's copy, on tmpfs
            r["hugo cold"] = hyperfine("hugo cold %d %s" % (n, target), hugo, prepare="rm -rf %s %s/resources && %s" % (out_h, site, warm_site))
            r["hugo cold peak"] = peak_kb(hugo, prepare="rm -rf %s && %s" % (out_h, warm_site))
            r["hugo rebuild"] = hyperfine("hugo rebuild %d %s" % (n, target), hugo,
                                          prepare="python3 %s touch-one %s && %s" % (me, site, warm_site))
            if target == "disk":
                # Read-only commands get one warm-up run: the renders before them push the workspace out of this VM's page cache.
                r["validate"] = hyperfine("docket validate %d" % n, "%s validate --workspace %s --quiet" % (DOCKET, ws), warmup=1)
                r["validate uncached"] = hyperfine("docket validate no-cache %d" % n,
                                                   "%s validate --workspace %s --quiet --no-cache" % (DOCKET, ws), warmup=1)
                floor = "%s && find %s/tasks -name '*.md' -print0 | xargs -0 cat | cmark > /dev/null" % (warm(ws, inputs_only=True), ws)
                r["floor"] = hyperfine("floor %d" % n, floor, prepare="true", warmup=1)
                # The same work with eight readers at once, as docket reads: this disk answers faster with reads in flight.
                floor8 = "%s && find %s/tasks -name '*.md' -print0 | xargs -0 cat | cmark > /dev/null" % (warm(ws, readers=8, inputs_only=True), ws)
                r["floor8"] = hyperfine("floor 8 readers %d" % n, floor8, prepare="true", warmup=1)
                sh(cold)
                verbose = subprocess.run([DOCKET, "render", "--workspace", ws, "--out", out_d, "--now", NOW, "--verbose", "--quiet"],
                                         capture_output=True, text=True).stderr
                sh(["python3", me, "queue-one", ws])
                again = subprocess.run([DOCKET, "build", "--workspace", ws, "--out", out_d, "--now", NOW, "--verbose", "--quiet"],
                                       capture_output=True, text=True).stderr
                profiles.append((n, verbose, "\n".join(l for l in again.splitlines() if not l.startswith("queue/"))))
            if target == "tmpfs":
                # The folders each stage mostly writes: api/ (api), tasks/ (pages, lists), records/ (records).
                writes = {WRITING + "the whole site": archives}
                writes.update({WRITING + folder + "/": site_archives(out_d, base, folder) for folder in ("api", "tasks", "records")})
                stages.append((n, stage_profile(ws, out_d, cold, writes, target_w)))
                for path in (p for pair in writes.values() for p in pair):
                    os.remove(path)
            rows.append(r)
            shutil.rmtree(out_d, ignore_errors=True)
            shutil.rmtree(out_h, ignore_errors=True)
    # The task list in a browser at 20,000 and at the largest size (the 20,000 workspace only for this).
    lists = ["20000:" + generate(20000)] + ["%d:%s" % (n, os.path.join(WORK, "w%d" % n)) for n in SIZES if n > 20000]
    browser = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts/list_bench.py"), DOCKET, NOW] + lists,
                             check=True, capture_output=True, text=True).stdout
    print(browser)
    report(rows, profiles, stages, browser)


def stage_times(text):
    """Stage name -> seconds from `--verbose` output."""
    times = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[-1] == "s" and not line.startswith("Rendered"):
            try:
                times[" ".join(parts[:-2])] = float(parts[-2])
            except ValueError:
                pass
    return times


def stage_profile(ws, out_d, cold, writes, rewritten):
    """Median of RUNS cold renders per stage: on one core, on two, and as two
    one-core renders side by side. The three alternate, so a change in this
    VM's speed during the profile (it varies by tens of percent from one
    minute to the next) falls on all alike. The side-by-side pair shares no
    memory or lock and writes its own folder: 2 × (one core) ÷ (one of the pair) is the most
    any two-core stage could gain on this machine in that minute. Writing the
    site's files from archives (`writes`: row name -> archives; no docket) is
    timed the same three ways beside them: what the kernel alone gains from
    the second core."""
    def render(cpus, out):
        return subprocess.Popen(["taskset", "-c", cpus, DOCKET, "render", "--workspace", ws, "--out", out, "--now", NOW,
                                 "--verbose", "--quiet", "--no-cache"], stderr=subprocess.PIPE, text=True)

    def finish(process):
        err = process.communicate()[1]
        if process.returncode != 0:
            sys.exit("a stage-profile render failed:\n" + err)
        return stage_times(err)

    def write(archives, *cpus):
        targets = [rewritten + "-%d" % i for i in range(len(cpus))]
        sh("rm -rf %s && mkdir %s" % (" ".join(targets), " ".join(targets)))
        took = timed([extract(archives, target, c) for target, c in zip(targets, cpus)])
        sh("rm -rf %s" % " ".join(targets))
        return took

    runs = {"1 core": [], "2 cores": [], "side by side": []}
    beside = out_d + "-beside"
    for _ in range(RUNS):
        for label, cpus in (("1 core", "0"), ("2 cores", "0-1")):
            sh(cold)
            runs[label].append(finish(render(cpus, out_d)))
            for name, archives in writes.items():
                runs[label][-1][name] = write(archives, cpus)[0]
        sh(cold)
        shutil.rmtree(beside, ignore_errors=True)
        pair = [render("0", out_d), render("1", beside)]
        runs["side by side"] += [finish(process) for process in pair]
        for name, archives in writes.items():
            for times, took in zip(runs["side by side"][-2:], write(archives, "0", "1")):
                times[name] = took
    shutil.rmtree(beside, ignore_errors=True)
    return {label: {k: sorted(r.get(k, 0) for r in done)[len(done) // 2] for k in done[0]} for label, done in runs.items()}


def stage_table(n, profile):
    one, two, pair = profile["1 core"], profile["2 cores"], profile["side by side"]
    # "load: tasks" and the like are parts of "load": counted once, in it. "check: site folder"
    # runs beside load, on a thread of its own: its time is inside load's, not after it.
    def total(times):
        return sum(v for k, v in times.items() if not k.startswith(("load: ", "check: ", WRITING)))
    total1, total2, total_pair = total(one), total(two), total(pair)
    lines = ["### Stages at %d tasks, cold render on tmpfs, one core against two" % n, "",
             "*beside another* is one of two one-core renders run at once on cores 0 and 1; "
             "*machine's most* is 2 × *1 core* ÷ that, what two cores could give the stage in those minutes; "
             "*reached* is speed-up ÷ machine's most, that is beside another ÷ (2 × 2 cores): it does not depend on "
             "how fast the lone one-core runs happened to be. "
             "The last rows are no stages of docket's: each makes docket's finished site (or one of its folders) again "
             "from two `tar` archives, as *site writes* above does, timed the same three ways beside the renders. They "
             "tell what writing those files gains from the second core on this machine with nothing rendered, and roughly "
             "how much of a stage's time writing takes (`tar` adds its own work): the api stage writes most of `api/`, the pages and "
             "lists stages `tasks/`, the records stage `records/`.", "",
             "| stage | 1 core | 2 cores | speed-up | beside another | machine's most | reached | share of the 2-core build |",
             "|---|---|---|---|---|---|---|---|"]

    def row(stage, a, b, c, share):
        if b <= 0.005 or c <= 0.005:
            return "| %s | %.3f s | %.3f s | – | %.3f s | – | – | %s |" % (stage, a, b, c, share)
        return "| %s | %.3f s | %.3f s | %.2f× | %.3f s | %.2f× | %.0f%% | %s |" % (stage, a, b, a / b, c, 2 * a / c,
                                                                               100 * c / (2 * b), share)
    for stage in (k for k in one if not k.startswith(WRITING)):
        b = two.get(stage, 0)
        lines.append(row(stage, one[stage], b, pair.get(stage, 0), "%.0f%%" % (100 * b / total2 if total2 else 0)))
    lines.append(row("all stages", total1, total2, total_pair, "100%"))
    for name in (k for k in one if k.startswith(WRITING)):
        lines.append(row(name, one[name], two.get(name, 0), pair.get(name, 0), "–"))
    return lines


def report(rows, profiles, stages=(), browser=""):
    def s(x):
        return "%.2f s" % x[0]
    lines = ["| tasks | output | docket cold | docket rebuild (1 edit) | after a fresh checkout | hugo cold | hugo rebuild | cold ÷ hugo | rebuild ÷ hugo rebuild | peak MB docket / hugo | validate | validate --no-cache | floor | cold ÷ floor | floor, 8 readers | cold ÷ that | site writes | floor, 8 readers + site writes | 0.4 × hugo cold |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    floors = {r["n"]: r for r in rows if r["target"] == "disk"}
    for r in rows:
        d = floors[r["n"]]
        writes = r.get("site writes")
        lines.append("| %d | %s | %s | %s | %s | %s | %s | %.2f | %.3f | %d / %d | %s | %s | %s | %.1f | %s | %.1f | %s | %s | %.2f s |" % (
            r["n"], r["target"], s(r["docket cold"]), s(r["docket rebuild"]),
            s(r["docket rebuild checkout"]) if "docket rebuild checkout" in r else "–", s(r["hugo cold"]), s(r["hugo rebuild"]),
            r["docket cold"][0] / r["hugo cold"][0], r["docket rebuild"][0] / r["hugo rebuild"][0],
            r["docket cold peak"] / 1024, r["hugo cold peak"] / 1024, s(d["validate"]), s(d["validate uncached"]), s(d["floor"]),
            r["docket cold"][0] / d["floor"][0], s(d["floor8"]), r["docket cold"][0] / d["floor8"][0],
            s(writes) if writes else "–", "%.2f s" % (d["floor8"][0] + writes[0]) if writes else "–", 0.4 * r["hugo cold"][0]))
    table = "\n".join(lines)
    print("\n" + table)
    machine = subprocess.run("nproc; free -g | awk '/Mem/{print $2\" GiB\"}'; hugo version | head -1; hyperfine --version",
                             shell=True, capture_output=True, text=True).stdout.split("\n")
    doc = ["# Performance", "",
           "Measured by `make bench` (scripts/bench.py) on this project's machine: %s cores, %s, %s, %s." % tuple(machine[:4]),
           "Medians of %d runs (hyperfine; validate and the floor after one warm-up run, builds after their prepare step: an empty folder and no `.docket/cache` for cold, one queued comment for rebuild, and for every contender's builds its input files read once, so they start in the page cache as the floor's do); peak memory is GNU time's maximum resident set." % RUNS,
           "*validate* finds the input cache the builds left in `.docket/cache/inputs`; *validate --no-cache* reads and parses every file (and rewrites the cache).",
           "Workspaces come from `docket generate --seed 7` (about 500 bytes of Markdown per task, a third with comments).",
           "The Hugo site holds the same tasks: front matter plus the same Markdown body, one page per task and a list page.",
           "*docket rebuild* is `docket build` after one queued comment (apply + render into the built folder);",
           "*after a fresh checkout* is the same on a fresh copy of the workspace (every file new, `.docket/cache` kept), as CI runs it with its caches restored (the copy is on tmpfs, so only in the tmpfs rows);",
           "*hugo rebuild* is `hugo` after one content file changed (Hugo re-renders every page).",
           "The floor reads every input file (one `cat` at a time; not docket's caches in `.docket/`) and runs the `cmark` CLI over every details file; *floor, 8 readers* does the same reading with eight `cat`s at once, as docket reads.",
           "*site writes* makes docket's finished site again from two `tar` archives of half its files each, extracted at once (tmpfs only): the folders and files a cold build must create, with nothing rendered. Added to *floor, 8 readers* it is what a cold build costs before any page is rendered; the last column is the cold build this project aims for.", "", table, ""]
    if browser:
        doc += ["## The task list in a browser", "",
                "`scripts/list_bench.py`: headless chromium through selenium, the site on tmpfs, from file://. "
                "The browser first opens the overview, as a reader arrives; the first answer is then the time from navigation "
                "until the task list has loaded its data and answered the query in its address; "
                "a change is one filter or sort chosen on the page, until its rows are drawn.", "", browser.strip(), ""]
    for n, profile in stages:
        doc += stage_table(n, profile) + [""]
    for n, cold, again in profiles:
        doc += ["## Where docket's time goes at %d tasks" % n, "", "Cold render (`--verbose`):", "", "```", cold.strip(), "```", "",
                "Rebuild after one queued edit:", "", "```", again.strip(), "```", ""]
    path = os.path.join(ROOT, "docs/performance.md")
    existing = open(path).read() if os.path.exists(path) else ""
    marker = "<!-- analysis -->"
    tail = existing[existing.index(marker):] if marker in existing else marker + "\n"
    open(path, "w").write("\n".join(doc) + "\n" + tail)
    print("\nwritten to docs/performance.md", file=sys.stderr)


if __name__ == "__main__":
    main()
