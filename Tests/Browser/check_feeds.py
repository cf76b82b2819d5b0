#!/usr/bin/env python3
"""Parses docket's feeds with real parsers and prints what they hold as JSON.

    check_feeds.py FILE.ics|FILE.atom ...

iCalendar goes through `icalendar` (strict: a malformed line raises), Atom
through `feedparser` (its `bozo` flag reports any XML error). The Swift tests
run this and compare the JSON with what the workspace says.
"""
import json
import sys

import feedparser
import icalendar


def calendar(path):
    with open(path, "rb") as f:
        raw = f.read()
    cal = icalendar.Calendar.from_ical(raw)
    events = []
    for event in cal.walk("VEVENT"):
        start = event.decoded("DTSTART")
        alarms = [str(a.get("TRIGGER").to_ical(), "utf-8") for a in event.walk("VALARM")]
        events.append({
            "uid": str(event.get("UID")),
            "summary": str(event.get("SUMMARY")),
            "start": start.isoformat(),
            "all_day": event.get("DTSTART").params.get("VALUE") == "DATE",
            "alarms": alarms,
            "description": str(event.get("DESCRIPTION", "")),
        })
    lines_ok = all(len(line) <= 75 for line in raw.split(b"\r\n"))
    return {"kind": "ics", "name": str(cal.get("X-WR-CALNAME")), "events": events, "folded": lines_ok,
            "crlf": b"\n" not in raw.replace(b"\r\n", b"")}


def atom(path):
    feed = feedparser.parse(path)
    return {
        "kind": "atom",
        "bozo": bool(feed.bozo),
        "error": str(feed.get("bozo_exception", "")),
        "title": feed.feed.get("title", ""),
        "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link", ""),
                     "updated": e.get("updated"), "summary": e.get("summary", "")} for e in feed.entries],
    }


if __name__ == "__main__":
    out = {}
    for path in sys.argv[1:]:
        out[path] = calendar(path) if path.endswith(".ics") else atom(path)
    print(json.dumps(out, indent=1, sort_keys=True))
