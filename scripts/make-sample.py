#!/usr/bin/env python3
"""Writes the sample workspace in data/ (a small sales team's CRM tasks).

Run once by hand when the sample should change; the output is committed.
Deterministic: the same script always writes the same files.
Demo instant: 2026-03-18T13:00:00Z (Wednesday 14:00 in Europe/Berlin).
"""
import json, os, random, shutil, sys
from datetime import datetime, timedelta, timezone

ROOT = sys.argv[1] if len(sys.argv) > 1 else "data"
NOW = datetime(2026, 3, 18, 13, 0, tzinfo=timezone.utc)
rng = random.Random(20260318)
ALPHA = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

def ulid(dt):
    ms = int(dt.timestamp() * 1000)
    value = (ms << 80) | rng.getrandbits(80)
    return "".join(ALPHA[(value >> (5 * i)) & 31] for i in reversed(range(26)))

def ts(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

def write(path, obj):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n")

if os.path.isdir(ROOT):
    shutil.rmtree(ROOT)

write("workspace.json", {
    "name": "Northwind Sales", "timezone": "Europe/Berlin", "week_starts_on": "monday",
    "base_url": "https://tasks.northwind.example/", "comment_edit_window_minutes": 15,
    "types": ["todo", "call", "email", "meeting", "linkedin_message", "linkedin_connection", "whatsapp_message", "other"],
})
people = [
    {"id": "maria", "name": "Maria Keller", "email": "maria@northwind.example", "role": "admin"},
    {"id": "jonas", "name": "Jonas Berg", "email": "jonas@northwind.example", "role": "member"},
    {"id": "priya", "name": "Priya Natarajan", "email": "priya@northwind.example", "role": "member"},
    {"id": "tom", "name": "Tom O'Neill", "email": "tom@northwind.example", "role": "member"},
    {"id": "lena", "name": "Lena Vogt", "email": "lena@northwind.example", "role": "member"},
    {"id": "omar", "name": "Omar Haddad", "email": "omar@northwind.example", "role": "member"},
    {"id": "auditor", "name": "Ann Audit", "email": "ann@northwind.example", "role": "readonly"},
    {"id": "n8n", "name": "n8n", "kind": "integration", "role": "member"},
    {"id": "zapier", "name": "Zapier", "kind": "integration", "role": "member"},
]
write("people.json", people)
sellers = ["maria", "jonas", "priya", "tom", "lena", "omar"]

contacts = [("cont_ada", "Ada Lovelace", "Analytical Engines"), ("cont_grace", "Grace Hopper", "Cobol Works"),
            ("cont_alan", "Alan Turing", "Bletchley Labs"), ("cont_katherine", "Katherine Johnson", "Orbit Analytics"),
            ("cont_linus", "Linus Pauling", "Helix Bio"), ("cont_hedy", "Hedy Lamarr", "Spread Spectrum GmbH"),
            ("cont_tim", "Tim Berners-Lee", "Hypertext AG"), ("cont_barbara", "Barbara Liskov", "Substitution Systems")]
companies = [("comp_analytical", "Analytical Engines Ltd"), ("comp_cobol", "Cobol Works Inc"), ("comp_bletchley", "Bletchley Labs"),
             ("comp_orbit", "Orbit Analytics"), ("comp_helix", "Helix Bio SE"), ("comp_hypertext", "Hypertext AG")]
deals = [("deal_analytical_ent", "Analytical Engines — Enterprise plan", 48000), ("deal_cobol_renewal", "Cobol Works renewal 2026", 21000),
         ("deal_orbit_pilot", "Orbit Analytics pilot", 9500), ("deal_helix_expansion", "Helix Bio expansion (3 sites)", 64000),
         ("deal_hypertext_seats", "Hypertext AG — 40 extra seats", 12800), ("deal_bletchley_poc", "Bletchley Labs proof of concept", 4000)]
for cid, name, company in contacts:
    write(f"records/contact/{cid}.json", {"id": cid, "type": "contact", "name": name, "company": company,
                                           "email": cid[5:] + "@" + company.split()[0].lower() + ".example"})
for cid, name in companies:
    write(f"records/company/{cid}.json", {"id": cid, "type": "company", "name": name})
write("records/person/cand_grace.json", {"id": "cand_grace", "type": "person", "name": "Grace Hopper (candidate)",
                                        "source": "recruiting pipeline"})
for did, name, amount in deals:
    write(f"records/deal/{did}.json", {"id": did, "type": "deal", "name": name, "amount": amount, "currency": "EUR",
                                        "stage": rng.choice(["qualification", "proposal", "negotiation"])})

DETAILS = [
"""Walk them through the **Enterprise** plan before the board meeting.

- confirm seat count (currently 120)
- annual billing, net 30
- mention the [security whitepaper](https://northwind.example/security)

| Item | Price |
|---|---|
| Enterprise seat | €33 / month |
| SSO add-on | included |
""",
"""Follow-up after the demo. Points they raised:

1. Export to CSV for finance
2. API rate limits — quote from the docs:

```
GET /v2/reports?limit=200
X-RateLimit-Limit: 600
```

See the [call notes](https://crm.northwind.example/notes/8812).
""",
"""Short one: send the signed order form back and *cc legal*.
""",
"""Agenda:

- [ ] intro (5 min)
- [ ] pricing walkthrough
- [ ] next steps and owner on their side

> "We need this live before Q2." — procurement
""",
]

titles = [
    ("call", "Call {c} about the renewal"), ("email", "Send contract to {c}"), ("meeting", "Quarterly review with {c}"),
    ("linkedin_message", "Congratulate {c} on the new role"), ("linkedin_connection", "Connect with {c} on LinkedIn"),
    ("whatsapp_message", "Confirm Thursday lunch with {c}"), ("todo", "Prepare pricing sheet for {c}"),
    ("other", "Ship welcome pack to {c}"), ("email", "Chase signed order form from {c}"), ("call", "Discovery call with {c}"),
    ("todo", "Update forecast for {c}"), ("meeting", "Onsite demo for {c}"),
]
statuses = ["pending"] * 5 + ["in_progress"] * 2 + ["completed"] * 3 + ["cancelled"]
priorities = ["low", "normal", "normal", "high", "urgent"]
tasks = []
for n in range(60):
    created = NOW - timedelta(days=rng.randint(3, 40), hours=rng.randint(0, 10), minutes=rng.choice([0, 15, 30, 45]))
    tid = "task_" + ulid(created)
    ctype, pattern = titles[n % len(titles)]
    cid, cname, company = contacts[n % len(contacts)]
    status = statuses[n % len(statuses)]
    prio = priorities[(n * 3) % len(priorities)]
    creator = sellers[n % len(sellers)] if n % 9 else "zapier"
    assignees = [sellers[(n + 1) % len(sellers)]] + ([sellers[(n + 3) % len(sellers)]] if n % 7 == 0 else [])
    task = {"id": tid, "title": pattern.format(c=cname), "status": status, "priority": prio, "type": ctype,
            "assignees": assignees, "created_at": ts(created), "created_by": creator, "updated_at": ts(created),
            "version": 1, "links": [{"type": "contact", "id": cid}]}
    if n % 2 == 0:
        task["links"].append({"type": "deal", "id": deals[n % len(deals)][0]})
    if n % 5 == 0:
        task["links"].append({"type": "company", "id": companies[n % len(companies)][0]})
    # Dues spread from ten days ago to two weeks ahead, some all-day, some timed, some today.
    offset_days = [-10, -4, -2, -1, 0, 0, 0, 1, 2, 3, 5, 8, 13][n % 13]
    if n % 11 == 10:
        pass  # no due
    elif n % 3 == 0:
        day = (NOW + timedelta(days=offset_days)).date()
        task["due"] = day.isoformat()
        if n % 6 == 0:
            task["reminder"] = {"time": "09:00"}
    else:
        hour = [8, 9, 11, 15, 17][n % 5]  # UTC hours: 09:00..18:00 in Berlin
        due = datetime(NOW.year, NOW.month, NOW.day, hour, 0, tzinfo=timezone.utc) + timedelta(days=offset_days)
        task["due"] = ts(due)
        if n % 4 == 1:
            task["reminder"] = {"offset_minutes": 30}
    subs = sorted(set([creator] + assignees) - {"zapier"})
    task["subscribers"] = subs
    if n % 4 == 0:
        task["tags"] = [["contract"], ["renewal", "q1"], ["upsell"], ["onboarding"]][(n // 4) % 4]
    if creator == "zapier":
        task["metadata"] = {"source": "zapier", "zap_id": 4100 + n}
    if status == "completed":
        done = created + timedelta(days=rng.randint(1, 3))
        if n % 2 == 0:
            done = NOW - timedelta(hours=rng.randint(1, 4))  # some completed today
        task["completed_at"] = ts(done)
        task["completed_by"] = assignees[0]
        task["updated_at"] = ts(done)
        task["version"] = 2
    write(f"tasks/{tid}.json", task)
    if n % 3 != 2:
        with open(os.path.join(ROOT, f"tasks/{tid}.md"), "w") as f:
            f.write(DETAILS[n % len(DETAILS)])
    tasks.append(task)

names = {p["id"]: p["name"] for p in people}
comment_texts = [
    "Spoke to {c} — they want the revised quote by Friday. @{{{a}:{an}}} can you prepare it?",
    "Done on my side. @{{{a}:{an}}} please double-check the **discount** before it goes out.",
    "Reminder: the contract template changed, use `v3` from the shared drive.",
    "@{{{a}:{an}}} and @{{{b}:{bn}}} — let's sync on this tomorrow at 10.",
    "Left a voicemail, will try again after lunch.",
]
for k in range(20):
    task = tasks[(k * 7) % len(tasks)]
    when = datetime.strptime(task["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) + timedelta(hours=k + 2)
    cid = "cmt_" + ulid(when)
    author = sellers[k % len(sellers)]
    a = sellers[(k + 2) % len(sellers)]
    b = sellers[(k + 4) % len(sellers)]
    content = comment_texts[k % len(comment_texts)].format(c="the client", a=a, an=names[a], b=b, bn=names[b])
    write(f"comments/{task['id']}/{cid}.json", {"id": cid, "task": task["id"], "author": author, "content": content,
                                                 "created_at": ts(when), "updated_at": ts(when)})

# Five queued edits, each in a different seed product's own dialect.
t = lambda i: tasks[i]["id"]
queue = [
    ("01-rex-create.json", {"id": "edit_" + ulid(NOW - timedelta(minutes=50)), "op": "task.create", "actor": "jonas",
      "at": ts(NOW - timedelta(minutes=50)),
      "data": {"title": "Send contract to Ada", "description": "Enterprise plan contract, annual billing",
               "contact_id": "cont_ada", "deal_id": "deal_analytical_ent", "owner_id": "priya",
               "due_at": "2026-03-20T16:00:00Z", "priority": "high", "metadata": {"source": "rex"}}}),
    ("02-stardex-create.json", {"id": "edit_" + ulid(NOW - timedelta(minutes=40)), "op": "task.create", "actor": "n8n",
      "at": ts(NOW - timedelta(minutes=40)),
      "data": {"content_text": "Follow up with Grace about interview availability", "task_type": "text",
               "due_date": "2026-03-19T09:00:00Z", "is_completed": False, "person_id": "cand_grace",
               "deal_id": "deal_cobol_renewal", "owner_ids": ["tom", "lena"]}}),
    ("03-kasar-complete.json", {"id": "edit_" + ulid(NOW - timedelta(minutes=30)), "op": "task.complete", "actor": tasks[4]["assignees"][0],
      "at": ts(NOW - timedelta(minutes=30)), "task": t(4), "data": {"completed": True}}),
    ("04-il-comment.json", {"id": "edit_" + ulid(NOW - timedelta(minutes=20)), "op": "comment.create", "actor": "maria",
      "at": ts(NOW - timedelta(minutes=20)), "task": t(1),
      "data": {"content": "@{jonas:Jonas Berg} can you take this one while @{priya:Priya Natarajan} is out?"}}),
    ("05-healthcare-update.json", {"id": "edit_" + ulid(NOW - timedelta(minutes=10)), "op": "task.update", "actor": "maria",
      "at": ts(NOW - timedelta(minutes=10)), "task": t(2),
      "data": {"priority": "urgent", "tags": ["escalated"], "assigned_user_ids": ["omar"], "deadline": "2026-03-18T16:00:00Z"}}),
]
for name, edit in queue:
    write("queue/" + name, edit)
print(f"wrote {ROOT}: {len(people)} people, {len(contacts)+len(companies)+len(deals)+1} records, {len(tasks)} tasks, 20 comments, {len(queue)} queued edits")
