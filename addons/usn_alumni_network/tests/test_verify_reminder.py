# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time
from werkzeug.urls import url_encode, url_parse

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import NOW, AlumniNetworkCommon


class VerifyReminderCommon(AlumniNetworkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The shared members confirmed their data just now: only the
        # people made here are due.
        (cls.member | cls.member_b | cls.member_unlisted | cls.member_public).write(
            {"last_verified_date": "2026-03-01"}
        )

        def member(name, **vals):
            return cls._create_person(
                name,
                **{
                    "email": f"{name.split()[0].lower()}@example.com",
                    "network_state": "member",
                    **vals,
                },
            )

        cls.never = member("Nora Never")
        cls.stale = member("Sten Stale", last_verified_date="2025-03-01")
        cls.year_exactly = member("Yngve Year", last_verified_date="2025-03-02")
        cls.fresh = member("Frida Fresh", last_verified_date="2025-06-01")
        cls.reminded = member("Rita Reminded", network_verify_reminder_date="2025-06-01")
        cls.reminded_long_ago = member("Lars Longago", network_verify_reminder_date="2025-03-01")
        cls.deceased = member("Dag Deceased", is_deceased=True, deceased_date="2025-12-01")
        cls.without_email = member("Erik Noemail")
        cls.without_email.email = False
        cls.pending = member("Petra Pending", network_state="pending")
        cls.suspended = member("Sune Suspended", network_state="suspended")
        cls.due = cls.never | cls.stale | cls.reminded_long_ago

    def _reminder_mails(self, people):
        return self.env["mail.mail"].search(
            [("model", "=", "res.partner"), ("res_id", "in", people.ids)]
        )


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestVerifyReminder(VerifyReminderCommon):
    """The yearly "is this still right?" e-mail."""

    def test_cron_asks_exactly_the_members_due(self):
        everyone = (
            self.env["res.partner"].search(
                [
                    (
                        "name",
                        "in",
                        [
                            "Nora Never",
                            "Sten Stale",
                            "Yngve Year",
                            "Frida Fresh",
                            "Rita Reminded",
                            "Lars Longago",
                            "Dag Deceased",
                            "Erik Noemail",
                            "Petra Pending",
                            "Sune Suspended",
                        ],
                    )
                ]
            )
            | self.member
            | self.member_b
            | self.member_unlisted
            | self.member_public
        )
        asked = self.env["res.partner"]._cron_alumni_verify_reminder()
        self.assertEqual(asked, self.due)
        self.assertEqual(sorted(self._reminder_mails(everyone).mapped("res_id")), self.due.ids)
        self.assertEqual(set(self.due.mapped("network_verify_reminder_date")), {date(2026, 3, 2)})
        self.assertEqual(self.reminded.network_verify_reminder_date, date(2025, 6, 1))
        # Asked once; the next day, only Yngve, whose confirmation is now
        # more than 12 months old.
        with freeze_time("2026-03-03 10:00:00"):
            self.assertEqual(
                self.env["res.partner"]._cron_alumni_verify_reminder(), self.year_exactly
            )
        self.assertEqual(len(self._reminder_mails(everyone)), 4)

    def test_officer_sees_when_a_member_was_asked(self):
        self.never._alumni_send_verify_reminder()
        arch = self.env["res.partner"].with_user(self.user_officer).get_views([(False, "form")])
        self.assertIn("network_verify_reminder_date", arch["views"]["form"]["arch"])
        self.assertEqual(
            self.never.with_user(self.user_officer).network_verify_reminder_date,
            date(2026, 3, 2),
        )

    def test_scheduled_action_runs_the_reminder(self):
        cron = self.env.ref("usn_alumni_network.ir_cron_network_verify_reminder")
        self.assertEqual(cron.interval_type, "days")
        cron.method_direct_trigger()
        self.assertEqual(len(self._reminder_mails(self.due)), 3)

    def test_batches_until_everyone_is_asked(self):
        Partner = self.env["res.partner"]
        first = Partner._cron_alumni_verify_reminder(batch_size=2)
        second = Partner._cron_alumni_verify_reminder(batch_size=2)
        self.assertEqual(len(first), 2)
        self.assertEqual(first | second, self.due)
        self.assertFalse(Partner._cron_alumni_verify_reminder(batch_size=2))

    def test_mail_has_signed_link_and_profile_link(self):
        self.never._alumni_send_verify_reminder()
        mail = self._reminder_mails(self.never)
        self.assertEqual(mail.subject, "Is your alumni profile still right?")
        self.assertEqual(mail.email_to, '"Nora Never" <nora@example.com>')
        self.assertIn("/my/alumni", mail.body_html)
        link = url_parse(
            next(
                href
                for href in mail.body_html.replace("&amp;", "&").split('"')
                if "/alumni/verify?" in href
            )
        )
        params = link.decode_query()
        self.assertEqual(int(params["partner_id"]), self.never.id)
        self.assertEqual(params["expires"], "2026-05-01")
        self.assertEqual(
            self.env["res.partner"]._alumni_verify_link_partner(
                params["partner_id"], params["expires"], params["token"]
            ),
            self.never,
        )


@tagged("post_install", "-at_install")
class TestVerifyLink(VerifyReminderCommon, HttpCase):
    """/alumni/verify: the reminder's one-click link. Not under a frozen
    clock (see test_join_website)."""

    def setUp(self):
        super().setUp()
        # A visitor: the link works without logging in.
        self.authenticate(None, None)

    def _link(self, partner, expires=None, **changes):
        expires = expires or fields.Date.today() + timedelta(days=60)
        params = {
            "partner_id": partner.id,
            "expires": fields.Date.to_string(expires),
            "token": partner._alumni_verify_token(expires),
            **changes,
        }
        return params

    def test_page_asks_and_post_confirms(self):
        params = self._link(self.stale)
        response = self.url_open("/alumni/verify?" + url_encode(params))
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_alumni_verify_form", response.text)
        self.assertEqual(self.stale.last_verified_date, date(2025, 3, 1), "a GET changes nothing")
        response = self.url_open(
            "/alumni/verify", data={**params, "csrf_token": self._csrf_token()}
        )
        self.assertIn("o_alumni_verify_done", response.text)
        self.assertEqual(self.stale.last_verified_date, fields.Date.today())

    def test_tampered_link_refused(self):
        good = self._link(self.stale)
        cases = {
            "other person": {**good, "partner_id": self.never.id},
            "other date": {**good, "expires": "2099-01-01"},
            "bad token": {**good, "token": "0" * 64},
            "no token": {**good, "token": ""},
            "not a number": {**good, "partner_id": "abc"},
        }
        for name, params in cases.items():
            with self.subTest(case=name):
                response = self.url_open("/alumni/verify?" + url_encode(params))
                self.assertEqual(response.status_code, 403)
                self.assertIn("o_alumni_verify_invalid", response.text)
                response = self.url_open(
                    "/alumni/verify", data={**params, "csrf_token": self._csrf_token()}
                )
                self.assertEqual(response.status_code, 403)
        self.assertEqual(self.stale.last_verified_date, date(2025, 3, 1))
        self.assertFalse(self.never.last_verified_date)

    def test_expired_link_refused(self):
        params = self._link(self.stale, expires=fields.Date.today() - timedelta(days=1))
        response = self.url_open(
            "/alumni/verify", data={**params, "csrf_token": self._csrf_token()}
        )
        self.assertEqual(response.status_code, 410)
        self.assertIn("o_alumni_verify_expired", response.text)
        self.assertEqual(self.stale.last_verified_date, date(2025, 3, 1))

    def test_link_of_someone_no_longer_member_refused(self):
        params = self._link(self.stale)
        self.stale.network_state = "none"
        response = self.url_open(
            "/alumni/verify", data={**params, "csrf_token": self._csrf_token()}
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.stale.last_verified_date, date(2025, 3, 1))

    def test_confirm_needs_csrf(self):
        response = self.url_open("/alumni/verify", data=self._link(self.stale))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.stale.last_verified_date, date(2025, 3, 1))


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestVerifyReminderQueries(AlumniNetworkCommon):
    """The reminder's queries do not grow with the number of people."""

    def _queries_for(self, count, prefix):
        Partner = self.env["res.partner"]
        Partner.search([("network_state", "=", "member")]).last_verified_date = "2026-03-01"
        Partner.create(
            [
                {
                    "name": f"{prefix} {i}",
                    "email": f"{prefix}{i}@example.com",
                    "network_state": "member",
                }
                for i in range(count)
            ]
        )
        self.env.invalidate_all()
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        asked = Partner._cron_alumni_verify_reminder()
        self.env.flush_all()
        self.assertEqual(len(asked), count)
        return self.env.cr.sql_log_count - before

    def test_queries_do_not_grow_per_person(self):
        self._queries_for(1, "warm")  # caches of the template and the layout
        few = self._queries_for(3, "few")
        many = self._queries_for(30, "many")
        self.assertLessEqual(many, few + 2)
