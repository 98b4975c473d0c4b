#!/usr/bin/env python3
# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Takes the README's screenshots of a running demo university in headless
Chromium: the back office as the officer and marketing, the portal as the
alumna (the logins of `odoo alumni-demo`, password alumni-demo).

    python3 scripts/screenshots.py [--url http://localhost:8069] [--out docs/screenshots]
                                   [--only NAME ...] [--list]

Drives Chromium through the DevTools protocol (the websocket-client package,
which Odoo's Python has), in a fixed window (1400 x 900 by default). Each
screen is opened by URL (actions by their XML id, records found through
JSON-RPC as the user), and is shot once its content is in the page and the
page has stopped loading. Exits non-zero when Chromium is missing, the server
does not answer, a login fails or a screen does not render.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

try:
    import websocket
except ImportError:  # pragma: no cover - depends on the interpreter
    websocket = None

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "alumni-demo"
CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
# Requests that stay open by design and must not count as loading.
LONG_REQUESTS = ("/websocket", "/longpolling/", "/bus/")


class ScreenError(Exception):
    """A screen did not render: what was expected and what the page showed."""


# ----------------------------------------------------------------------
# Chromium and the DevTools protocol
# ----------------------------------------------------------------------


class Chromium:
    """A headless Chromium with its own throwaway profile."""

    def __init__(self, binary, width, height):
        self.profile = tempfile.mkdtemp(prefix="alumni-screenshots-")
        self.port = _free_port()
        args = [
            binary,
            "--headless=new",
            f"--remote-debugging-port={self.port}",
            f"--user-data-dir={self.profile}",
            f"--window-size={width},{height}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-gpu",
            "--hide-scrollbars",
            "--mute-audio",
            "--lang=en-US",
            "about:blank",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root otherwise
        self.process = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )  # fmt: skip
        self.browser_url = self._wait_for_devtools()
        self.browser = DevTools(self.browser_url)

    def _wait_for_devtools(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"Chromium stopped at start (exit code {self.process.returncode})")
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/json/version", timeout=2
                ) as response:
                    return json.loads(response.read())["webSocketDebuggerUrl"]
            except (urllib.error.URLError, ConnectionError, KeyError, ValueError):
                time.sleep(0.2)
        raise SystemExit("Chromium did not open its DevTools port within 30 s")

    def new_page(self):
        """A tab in a browser context of its own (its own cookies, so one
        login per page)."""
        context = self.browser.call("Target.createBrowserContext")["browserContextId"]
        target = self.browser.call(
            "Target.createTarget", url="about:blank", browserContextId=context
        )["targetId"]
        return Page(f"ws://127.0.0.1:{self.port}/devtools/page/{target}", context, self)

    def close(self):
        try:
            self.browser.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


class DevTools:
    """One DevTools websocket: commands and the events received meanwhile."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.handlers = []

    def call(self, method, timeout=60, **params):
        self.next_id += 1
        message_id = self.next_id
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = self._receive(deadline - time.monotonic())
            if message is None:
                if time.monotonic() >= deadline:
                    raise ScreenError(f"Chromium did not answer {method} within {timeout} s")
                continue
            if message.get("id") == message_id:
                if "error" in message:
                    raise ScreenError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})

    def pump(self, seconds):
        """Handles the events that arrive within the given time."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._receive(deadline - time.monotonic())

    def _receive(self, timeout):
        self.ws.settimeout(max(0.01, min(timeout, 0.25)))
        try:
            message = json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return None
        if "method" in message:
            for handler in self.handlers:
                handler(message["method"], message.get("params", {}))
        return message

    def close(self):
        self.ws.close()


class Page:
    """A browser tab: navigation, waiting, JavaScript and screenshots."""

    def __init__(self, ws_url, context, chromium):
        self.chromium = chromium
        self.context = context
        self.devtools = DevTools(ws_url)
        self.devtools.handlers.append(self._on_event)
        self.pending = {}
        self.last_activity = time.monotonic()
        self.document_status = None
        self.errors = []
        for domain in ("Page", "Network", "Runtime"):
            self.devtools.call(f"{domain}.enable")

    def _on_event(self, method, params):
        if method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not any(part in url for part in LONG_REQUESTS) and url.startswith("http"):
                self.pending[params["requestId"]] = time.monotonic()
                self.last_activity = time.monotonic()
        elif method in ("Network.loadingFinished", "Network.loadingFailed"):
            if self.pending.pop(params["requestId"], None):
                self.last_activity = time.monotonic()
        elif method == "Network.responseReceived" and params.get("type") == "Document":
            self.document_status = params["response"]["status"]
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append(details.get("exception", {}).get("description") or details["text"])

    def set_size(self, width, height):
        self.devtools.call(
            "Emulation.setDeviceMetricsOverride",
            width=width, height=height, deviceScaleFactor=1, mobile=False,
        )  # fmt: skip

    def goto(self, url):
        # Chromium does not always report the end of the requests that the
        # previous document left open.
        self.pending.clear()
        self.document_status = None
        self.errors = []
        self.devtools.call("Page.navigate", url=url)

    def evaluate(self, expression, timeout=60):
        result = self.devtools.call(
            "Runtime.evaluate",
            timeout=timeout,
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise ScreenError(details.get("exception", {}).get("description") or details["text"])
        return result["result"].get("value")

    def wait_for(self, selector, timeout, what=None):
        """Waits until an element matches the selector; stops early on an
        error dialog or an error page."""
        check = f"""(() => {{
            const error = document.querySelector('.o_error_dialog, .o_notification.border-danger');
            if (error) return 'error: ' + error.innerText.slice(0, 500);
            if (location.pathname === '/web/login' && !{json.dumps(selector)}.includes('login'))
                return 'error: the session was lost (the login page is shown)';
            return document.querySelector({json.dumps(selector)}) ? 'ok' : '';
        }})()"""
        deadline = time.monotonic() + timeout
        while True:
            state = self.evaluate(check) or ""
            if state == "ok":
                return
            if state.startswith("error: "):
                raise ScreenError(state[len("error: ") :])
            if self.document_status and self.document_status >= 400:
                title = self.evaluate("document.title") or ""
                raise ScreenError(f"the page answered {self.document_status} {title}".strip())
            if time.monotonic() > deadline:
                detail = f"; JavaScript errors: {self.errors[-1]}" if self.errors else ""
                raise ScreenError(f"{what or selector} not shown within {timeout} s{detail}")
            self.devtools.pump(0.2)

    def wait_until_idle(self, quiet=0.8, timeout=30):
        """Waits until no request has been pending or finished for `quiet`
        seconds (the page's data and images are in)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.devtools.pump(0.1)
            now = time.monotonic()
            loading = [started for started in self.pending.values() if now - started < timeout / 2]
            if not loading and now - self.last_activity >= quiet:
                break
        self.evaluate("document.fonts.ready.then(() => true)")

    def rpc(self, model, method, args, **kwargs):
        """JSON-RPC /web/dataset/call_kw as the logged-in user."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
        }
        answer = self.evaluate(
            f"""fetch('/web/dataset/call_kw/{model}/{method}', {{
                method: 'POST',
                headers: {{'Content-Type': 'application/json'}},
                body: {json.dumps(json.dumps(payload))},
            }}).then((response) => response.json())"""
        )
        if answer.get("error"):
            error = answer["error"]
            raise ScreenError(f"{model}.{method}: {error.get('data', {}).get('message', error)}")
        return answer["result"]

    def screenshot(self, path):
        # No caret, no hover: the mouse leaves the page, the focus leaves inputs.
        self.devtools.call("Input.dispatchMouseEvent", type="mouseMoved", x=0, y=0)
        self.evaluate("document.activeElement && document.activeElement.blur(); true")
        self.devtools.pump(0.3)
        data = self.devtools.call("Page.captureScreenshot", format="png", fromSurface=True)
        path.write_bytes(base64.b64decode(data["data"]))

    def close(self):
        self.devtools.close()
        self.chromium.browser.call("Target.disposeBrowserContext", browserContextId=self.context)


# ----------------------------------------------------------------------
# The screens
# ----------------------------------------------------------------------


def _backend(page, url, path, selector, timeout, what=None):
    page.goto(url + path)
    page.wait_for(selector, timeout, what)
    page.wait_until_idle()


def _alumna_partner(page):
    partners = page.rpc(
        "res.partner", "search_read", [[("user_ids.login", "=", "alumna")]], fields=["id"], limit=1
    )  # fmt: skip
    if not partners:
        raise ScreenError("no person has the login alumna (is this the demo university?)")
    return partners[0]["id"]


def shoot_person(page, url, timeout):
    """The alumna's record as the officer sees it: stage, programme, the
    Student Lifecycle tab."""
    partner_id = _alumna_partner(page)
    _backend(
        page, url, f"/odoo/action-usn_alumni_base.res_partner_action_alumni/{partner_id}",
        ".o_form_view .o_form_sheet div[name=enrollment_ids] .o_data_row", timeout,
        "the person's form with their enrolments",
    )  # fmt: skip


def shoot_person_timeline(page, url, timeout):
    """The same record scrolled to its career, consents and timeline."""
    shoot_person(page, url, timeout)
    page.wait_for("div[name=lifecycle_event_ids] .o_data_row", timeout, "the timeline's rows")
    page.evaluate(
        """(() => {
            const field = document.querySelector('div[name=career_position_ids]');
            field.previousElementSibling.scrollIntoView({block: 'start'});
            return true;
        })()"""
    )
    page.wait_until_idle(quiet=0.3)


def shoot_funnel(page, url, timeout):
    """The recruitment funnel per programme and stage (pivot)."""
    _backend(
        page, url, "/odoo/action-usn_alumni_base.alumni_funnel_report_action",
        ".o_pivot table tbody tr .o_pivot_cell_value", timeout, "the funnel's pivot table",
    )  # fmt: skip


def shoot_funnel_trend(page, url, timeout):
    """The funnel by intake year (line chart)."""
    _backend(
        page, url, "/odoo/action-usn_alumni_base.alumni_funnel_report_action_trend",
        ".o_graph_renderer canvas", timeout, "the funnel's chart",
    )  # fmt: skip


def shoot_dashboard(page, url, timeout):
    """The Alumni dashboard in the Dashboards app."""
    page.goto(url + "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action")
    entry = ".o_spreadsheet_dashboard_search_panel li[data-name='Alumni']"
    page.wait_for(entry, timeout, "the Alumni dashboard in the Dashboards app")
    page.evaluate(f"document.querySelector({json.dumps(entry)}).click(); true")
    page.wait_for(f"{entry}.active", timeout, "the Alumni dashboard selected")
    page.wait_for(".o_spreadsheet_dashboard_action .o_renderer .o-grid canvas", timeout)
    page.wait_until_idle(quiet=1.5)
    page.wait_for(
        ".o_spreadsheet_dashboard_action .o_renderer:not(:has(.dashboard-loading-status))",
        timeout,
    )


def _campaign(page):
    mailings = page.rpc(
        "mailing.mailing", "search_read",
        [[("alumni_evu_offer_ids", "!=", False), ("state", "=", "done")]],
        fields=["alumni_evu_offer_ids"], order="sent_date desc", limit=1,
    )  # fmt: skip
    if not mailings:
        raise ScreenError("no sent campaign of a continuing-education offer in this database")
    return mailings[0]["id"], mailings[0]["alumni_evu_offer_ids"][0]


def shoot_offer(page, url, timeout):
    """The continuing-education offer that has a sent campaign."""
    _mailing_id, offer_id = _campaign(page)
    _backend(
        page, url, f"/odoo/action-usn_alumni_evu.alumni_evu_offer_action/{offer_id}",
        ".o_form_view button[name=action_view_mailings]", timeout,
        "the offer's form with its mailings button",
    )  # fmt: skip


def shoot_campaign(page, url, timeout):
    """The offer's campaign in Email Marketing, sent, with its statistics."""
    mailing_id, _offer_id = _campaign(page)
    _backend(
        page, url, f"/odoo/action-mass_mailing.mailing_mailing_action_mail/{mailing_id}",
        ".o_form_view .o_form_sheet .o_mailing_stats, .o_form_view .o_form_sheet",
        timeout, "the mailing's form",
    )  # fmt: skip


def shoot_directory(page, url, timeout):
    """The network's directory as a member sees it."""
    page.goto(url + "/alumni/directory")
    page.wait_for(".o_alumni_network_directory .o_alumni_network_entry", timeout, "members")
    page.wait_until_idle()


def shoot_member(page, url, timeout):
    """A member's page (the first listed member with an employer), as the
    alumna sees it."""
    shoot_directory(page, url, timeout)
    href = page.evaluate(
        """(() => {
            const entry = document.querySelector(
                '.o_alumni_network_entry:has(.o_alumni_network_employer)'
            ) || document.querySelector('.o_alumni_network_entry');
            return entry.getAttribute('href');
        })()"""
    )
    page.goto(urllib.parse.urljoin(url + "/", href))
    page.wait_for(".o_alumni_network_member h1", timeout, "the member's page")
    page.wait_until_idle()


def shoot_profile(page, url, timeout):
    """The alumna's own profile in the portal, which she keeps current."""
    page.goto(url + "/my/alumni")
    page.wait_for("#wrap form, #wrap .o_portal_wrap, #wrap", timeout, "the portal profile")
    page.wait_until_idle()


# name, login, what it shows (for --list and the messages), how to open it
SCREENS = [
    ("person", "officer", "a person's record (the alumna's)", shoot_person),
    ("person-timeline", "officer", "the record's career, consents and timeline",
     shoot_person_timeline),
    ("funnel", "officer", "the recruitment funnel (pivot)", shoot_funnel),
    ("funnel-trend", "officer", "the funnel by intake (chart)", shoot_funnel_trend),
    ("dashboard", "officer", "the Alumni dashboard", shoot_dashboard),
    ("offer", "marketing", "a continuing-education offer", shoot_offer),
    ("campaign", "marketing", "the offer's sent campaign", shoot_campaign),
    ("directory", "alumna", "the alumni directory (portal)", shoot_directory),
    ("member", "alumna", "a member's page (portal)", shoot_member),
    ("profile", "alumna", "the alumna's portal profile", shoot_profile),
]  # fmt: skip


# ----------------------------------------------------------------------
# Running
# ----------------------------------------------------------------------


def login(page, url, db, user, password, timeout):
    """Signs in through /web/login as a person would."""
    query = f"?{urllib.parse.urlencode({'db': db})}" if db else ""
    page.goto(f"{url}/web/login{query}")
    page.wait_for("form.oe_login_form input[name=login]", timeout, "the login form")
    page.evaluate(
        f"""(() => {{
            const form = document.querySelector('form.oe_login_form');
            form.querySelector('input[name=login]').value = {json.dumps(user)};
            form.querySelector('input[name=password]').value = {json.dumps(password)};
            form.submit();
            return true;
        }})()"""
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page.devtools.pump(0.3)
        state = page.evaluate(
            """document.readyState === 'complete' ? (
                location.pathname === '/web/login'
                    ? (document.querySelector('.oe_login_form .alert-danger')?.innerText || '')
                    : 'ok'
            ) : ''"""
        )
        if state == "ok":
            break
        if state:
            raise ScreenError(f"login {user} refused: {state.strip()}")
    else:
        raise ScreenError(f"login {user} did not get past the login page within {timeout} s")
    info = page.evaluate(
        """fetch('/web/session/get_session_info', {
            method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({jsonrpc: '2.0', method: 'call', params: {}}),
        }).then((r) => r.json()).then((a) => a.result || {})"""
    )
    if info.get("username") != user:
        raise ScreenError(f"signed in as {info.get('username')!r} instead of {user!r}")


def check_server(url):
    try:
        with urllib.request.urlopen(f"{url}/web/login", timeout=15) as response:
            response.read()
    except urllib.error.HTTPError as error:
        raise SystemExit(
            f"{url}/web/login answers {error.code}: is this an Odoo with the demo university? "
            "(give the database with --db when the server has several)"
        ) from error
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        raise SystemExit(
            f"{url} does not answer ({getattr(error, 'reason', error)}). Start the demo first: "
            "`make demo` (or give its address with --url)."
        ) from error


def find_chromium(given):
    candidates = [given] if given else [os.environ.get("CHROMIUM"), *CHROMIUM_NAMES]
    for candidate in filter(None, candidates):
        path = shutil.which(candidate)
        if path:
            return path
    raise SystemExit(
        f"Chromium not found ({given or ', '.join(CHROMIUM_NAMES)}): install it (Debian: "
        "apt-get install chromium) or give its path with --chromium or CHROMIUM=..."
    )


def _shoot_failure(page, name):
    """What the page showed when a screen did not render, to look at."""
    path = Path(tempfile.gettempdir()) / f"alumni-screenshot-{name}-failed.png"
    try:
        page.screenshot(path)
    except (ScreenError, OSError, websocket.WebSocketException):
        return
    print(f"        the page as it was: {path}", file=sys.stderr)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069", help="the running demo")
    parser.add_argument("--db", help="database, when the server serves several")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "screenshots",
        help="folder of the PNGs (default docs/screenshots)",
    )  # fmt: skip
    parser.add_argument(
        "--only", action="append", metavar="NAME",
        help="take only this screen (repeatable, or comma-separated); see --list",
    )  # fmt: skip
    parser.add_argument("--list", action="store_true", help="list the screens and stop")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--password", default=PASSWORD, help="of the demo logins")
    parser.add_argument("--chromium", help="Chromium's command (default: chromium on PATH)")
    parser.add_argument("--timeout", type=int, default=60, help="seconds per screen")
    return parser.parse_args()


def main():
    args = _parse_args()
    if args.list:
        for name, user, what, _shoot in SCREENS:
            print(f"{name:16} {user:10} {what}")
        return 0
    names = [n.strip() for value in args.only or [] for n in value.split(",") if n.strip()]
    unknown = set(names) - {s[0] for s in SCREENS}
    if unknown:
        raise SystemExit(f"unknown screen {', '.join(sorted(unknown))}; see --list")
    screens = [s for s in SCREENS if not names or s[0] in names]
    if websocket is None:
        raise SystemExit(
            "the websocket-client package is missing: run this with Odoo's Python, "
            "or pip install websocket-client"
        )
    chromium_bin = find_chromium(args.chromium)
    url = args.url.rstrip("/")
    check_server(url)
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = Chromium(chromium_bin, args.width, args.height)
    failed = []
    try:
        for user in dict.fromkeys(s[1] for s in screens):
            page = chromium.new_page()
            try:
                page.set_size(args.width, args.height)
                try:
                    login(page, url, args.db, user, args.password, args.timeout)
                except ScreenError as error:
                    print(f"FAILED  login {user}: {error}", file=sys.stderr)
                    failed += [s[0] for s in screens if s[1] == user]
                    continue
                for name, screen_user, what, shoot in screens:
                    if screen_user != user:
                        continue
                    path = args.out / f"{name}.png"
                    started = time.monotonic()
                    try:
                        shoot(page, url, args.timeout)
                        page.screenshot(path)
                    except ScreenError as error:
                        print(f"FAILED  {name} ({what}, as {user}): {error}", file=sys.stderr)
                        failed.append(name)
                        _shoot_failure(page, name)
                        continue
                    size = path.stat().st_size // 1024
                    seconds = time.monotonic() - started
                    print(f"ok      {path} ({what}, as {user}; {size} KB, {seconds:.1f} s)")
            finally:
                page.close()
    finally:
        chromium.close()
    if failed:
        print(f"{len(failed)} screen(s) not taken: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
