#!/usr/bin/env python3
"""Checks a running demo university: the server answers, and each demo
login (odoo alumni-demo prints them) signs in with its password.

    python3 scripts/check-demo.py [--url http://localhost:8069] [--db usn_alumni_demo]

Exits non-zero when the server does not answer or a login fails.
"""

import argparse
import json
import sys
import time
import urllib.error
import urllib.request

LOGINS = [
    ("admin", "admin"),
    ("officer", "alumni-demo"),
    ("coordinator", "alumni-demo"),
    ("marketing", "alumni-demo"),
    ("alumna", "alumni-demo"),
    ("alumnus", "alumni-demo"),
]


def _post(url, payload):
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="usn_alumni_demo")
    parser.add_argument("--wait", type=int, default=120, help="seconds to wait for the server")
    args = parser.parse_args()
    deadline = time.monotonic() + args.wait
    while True:
        try:
            with urllib.request.urlopen(f"{args.url}/web/login", timeout=10) as response:
                print(f"{args.url}/web/login answers {response.status}")
                break
        except (urllib.error.URLError, ConnectionError) as error:
            if time.monotonic() > deadline:
                sys.exit(f"{args.url} does not answer: {error}")
            time.sleep(2)
    failed = 0
    for login, password in LOGINS:
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"db": args.db, "login": login, "password": password},
        }
        answer = _post(f"{args.url}/web/session/authenticate", payload)
        result = answer.get("result") or {}
        if result.get("uid"):
            kind = "portal" if not result.get("is_internal_user", True) else "back office"
            print(f"ok      {login} / {password} ({kind}, uid {result['uid']})")
        else:
            failed += 1
            message = (answer.get("error") or {}).get("data", {}).get("message", "refused")
            print(f"FAILED  {login} / {password}: {message}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
