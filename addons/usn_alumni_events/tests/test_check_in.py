# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from urllib.parse import urlencode

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import AlumniEventsCommon

# The morning of the Open Day, when people come to the door.
EVENT_DAY = "2026-03-14 08:30:00"


class AlumniCheckInCommon(AlumniEventsCommon):
    """The Open Day's people: two confirmed, one waiting, one cancelled, and
    one registration of another event."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.open_day.alumni_session_ids.filtered(
            lambda s: s == cls.session_nursing
        ).location = "Room A1-012"
        cls.ingrid = cls._register(
            cls.open_day,
            name="Ingrid Hansen",
            email="ingrid.hansen@example.com",
            alumni_session_ids=[(6, 0, cls.session_nursing.ids)],
        )
        cls.per = cls._register(
            cls.open_day,
            name="Per Olsen",
            email="per.olsen@example.com",
            alumni_session_ids=[(6, 0, cls.session_it.ids)],
        )
        cls.waiting = cls._register(
            cls.open_day, name="Wenche Venter", email="wenche@example.com", state="waitlist"
        )
        cls.cancelled = cls._register(
            cls.open_day, name="Knut Kansellert", email="knut@example.com"
        )
        cls.cancelled.action_cancel()
        cls.reunion = cls._create_event("Reunion 2016", kind="reunion")
        cls.stranger = cls._register(
            cls.reunion, name="Sigrid Stranger", email="sigrid@example.com"
        )

    def _attendance_rows(self, registration):
        return self.env["alumni.lifecycle.event"].search(
            [
                ("kind", "=", "event_attendance"),
                ("res_model", "=", "event.registration"),
                ("res_id", "=", registration.id),
            ]
        )


@freeze_time(EVENT_DAY)
@tagged("post_install", "-at_install")
class TestCheckInPage(AlumniCheckInCommon, HttpCase):
    def _page_url(self, event=None):
        return f"/alumni/event/{(event or self.open_day).id}/check-in"

    def _check_in_url(self, registration, event=None):
        return f"{self._page_url(event)}/{registration.id}"

    def _open_page(self, **params):
        url = self._page_url() + ("?" + urlencode(params) if params else "")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response

    def _counts(self, html):
        """(checked in, expected) as the page shows them."""
        return tuple(
            int(re.search(rf'class="o_alumni_check_in_{which}[^"]*">(\d+)<', html).group(1))
            for which in ("checked", "expected")
        )

    def _listed_ids(self, html):
        return {int(i) for i in re.findall(r'data-registration-id="(\d+)"', html)}

    def _csrf_token(self, html):
        match = re.search(r'name="csrf_token" value="([^"]+)"', html)
        self.assertTrue(match, "The check-in buttons post a CSRF token.")
        return match.group(1)

    def _check_in(self, registration, event=None):
        page = self.url_open(self._page_url())
        return self.url_open(
            self._check_in_url(registration, event),
            data={"csrf_token": self._csrf_token(page.text)},
        )

    def test_officer_checks_in_a_person_and_it_reaches_the_timeline(self):
        self.authenticate("alumni_officer", "alumni_officer")
        page = self._open_page()
        self.assertIn("Open Day Bø 2026", page.text)
        self.assertIn('autofocus="autofocus"', page.text, "The search box takes the scan.")
        self.assertIn("Nursing: meet the students", page.text)
        self.assertIn("Room A1-012", page.text)
        self.assertEqual(self._counts(page.text), (0, 2))

        response = self._check_in(self.ingrid)

        self.assertEqual(response.status_code, 200)
        self.assertIn(f"checked_in={self.ingrid.id}", response.url)
        self.assertIn("Ingrid Hansen</span> is checked in.", response.text)
        self.assertEqual(self._counts(response.text), (1, 2))
        self.ingrid.invalidate_recordset()
        self.assertEqual(self.ingrid.state, "done")
        self.assertTrue(self.ingrid.date_closed)
        rows = self._attendance_rows(self.ingrid)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows.partner_id, self.ingrid.partner_id)
        self.assertEqual(rows.programme_id, self.programme_nursing)
        self.assertEqual(self.per.state, "open", "Only the person checked in is.")

    def test_checking_in_twice_says_so_and_logs_once(self):
        self.authenticate("alumni_officer", "alumni_officer")
        self._check_in(self.ingrid)
        response = self._check_in(self.ingrid)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Ingrid Hansen</span> was already checked in at", response.text)
        self.assertEqual(len(self._attendance_rows(self.ingrid)), 1)

    def test_event_user_checks_in(self):
        self.authenticate("event_only", "event_only")
        response = self._check_in(self.per)
        self.assertEqual(response.status_code, 200)
        self.per.invalidate_recordset()
        self.assertEqual(self.per.state, "done")

    def test_search_by_name_email_or_barcode(self):
        self.authenticate("alumni_officer", "alumni_officer")
        everyone = self._listed_ids(self._open_page().text)
        self.assertEqual(
            everyone, set((self.ingrid | self.per | self.waiting | self.cancelled).ids)
        )
        for term in ("ingrid", "Hansen", "ingrid.hansen@example", self.ingrid.barcode):
            with self.subTest(term=term):
                listed = self._listed_ids(self._open_page(search=term).text)
                self.assertEqual(listed, {self.ingrid.id})
        nobody = self._open_page(search="Sigrid")
        self.assertEqual(
            self._listed_ids(nobody.text), set(), "Another event's people are not listed."
        )
        self.assertIn("Nobody registered for this event matches", nobody.text)

    def test_waiting_list_and_cancelled_cannot_be_checked_in(self):
        self.authenticate("alumni_officer", "alumni_officer")
        page = self._open_page().text
        for registration in (self.waiting, self.cancelled):
            self.assertNotIn(f'action="{self._check_in_url(registration)}"', page)
        self.assertIn(f'action="{self._check_in_url(self.ingrid)}"', page)
        self.assertIn("On the waiting list: no seat, cannot be checked in.", page)
        self.assertIn("Cancelled: cannot be checked in.", page)
        for registration, state in ((self.waiting, "waitlist"), (self.cancelled, "cancel")):
            with self.subTest(state=state):
                response = self._check_in(registration)
                self.assertEqual(response.status_code, 409)
                self.assertIn(f"{registration.name} cannot be checked in", response.text)
                registration.invalidate_recordset()
                self.assertEqual(registration.state, state)
                self.assertFalse(self._attendance_rows(registration))

    def test_registration_of_another_event_is_refused(self):
        self.authenticate("alumni_officer", "alumni_officer")
        response = self._check_in(self.stranger)
        self.assertEqual(response.status_code, 404)
        self.stranger.invalidate_recordset()
        self.assertEqual(self.stranger.state, "open")
        shown = self._open_page(checked_in=self.stranger.id)
        self.assertNotIn("Sigrid Stranger", shown.text)

    def test_unknown_event_is_not_found(self):
        self.authenticate("alumni_officer", "alumni_officer")
        missing = self.env["event.event"].search([], order="id desc", limit=1).id + 1000
        self.assertEqual(self.url_open(f"/alumni/event/{missing}/check-in").status_code, 404)

    def test_people_who_are_not_event_staff_are_refused(self):
        for login in ("alumni_portal", "plain_employee"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                self.assertEqual(self.url_open(self._page_url()).status_code, 403)
                # A valid token of the user's session, from a page they may open.
                token = self._csrf_token(self.url_open("/my/account").text)
                response = self.url_open(
                    self._check_in_url(self.ingrid), data={"csrf_token": token}
                )
                self.assertEqual(response.status_code, 403)
        self.ingrid.invalidate_recordset()
        self.assertEqual(self.ingrid.state, "open")

    def test_visitor_is_sent_to_log_in(self):
        self.authenticate(None, None)
        response = self.url_open(self._page_url(), allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.assertNotIn("Ingrid Hansen", response.text)

    def test_check_in_requires_the_csrf_token(self):
        self.authenticate("alumni_officer", "alumni_officer")
        with self.assertLogs("odoo.http", "WARNING"):
            response = self.url_open(self._check_in_url(self.ingrid), data={"search": ""})
        self.assertEqual(response.status_code, 400)
        self.ingrid.invalidate_recordset()
        self.assertEqual(self.ingrid.state, "open")
        self.assertFalse(self._attendance_rows(self.ingrid))


@freeze_time(EVENT_DAY)
@tagged("post_install", "-at_install")
class TestCheckInActions(AlumniCheckInCommon):
    def _run_as(self, xmlid, user, event=None):
        event = event or self.open_day
        action = self.env.ref(xmlid).with_user(user)
        return action.with_context(
            active_model="event.event", active_id=event.id, active_ids=event.ids
        ).run()

    def test_check_in_button_opens_the_page_of_the_event(self):
        action = self._run_as(
            "usn_alumni_events.event_event_action_open_check_in", self.user_officer
        )
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], f"/alumni/event/{self.open_day.id}/check-in")
        self.assertEqual(action["target"], "self")

    def test_print_badges_prints_the_confirmed_people_with_programmes_and_sessions(self):
        self.session_it.location = "Auditorium B"
        self.ingrid.action_alumni_check_in()
        action = self._run_as(
            "usn_alumni_events.event_event_action_print_badges", self.user_officer
        )
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "event.event_registration_report_template_badge")
        printed = self.env["event.registration"].browse(action["context"]["active_ids"])
        self.assertEqual(printed, self.ingrid | self.per, "Attended and confirmed, in one PDF.")

        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html("event.action_report_event_registration_badge", printed.ids)
        )
        html = html.decode()
        for text in (
            "Ingrid Hansen",
            "Per Olsen",
            "Bachelor in Nursing",
            "Bachelor in IT",
            "Nursing: meet the students",
            "Room A1-012",
            "IT: trial lecture",
            "Auditorium B",
            # Session times in the event's time zone (Oslo, UTC+1 in March).
            "10:00",
            "11:30",
            "12:30",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        for name in ("Wenche Venter", "Knut Kansellert", "Sigrid Stranger"):
            self.assertNotIn(name, html)

    def test_badge_without_sessions_shows_the_event_programmes(self):
        registration = self._register(self.open_day, name="Ola Nordmann", email="ola@example.com")
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "event.action_report_event_registration_badge", registration.ids
        )
        html = html.decode()
        self.assertIn("Ola Nordmann", html)
        self.assertIn("Bachelor in Nursing", html)
        self.assertNotIn("o_alumni_badge_sessions", html)

    def test_staff_without_event_rights_cannot_run_the_buttons(self):
        for xmlid in (
            "usn_alumni_events.event_event_action_open_check_in",
            "usn_alumni_events.event_event_action_print_badges",
        ):
            with self.subTest(xmlid=xmlid), self.assertRaises(AccessError):
                self._run_as(xmlid, self.user_employee)
