# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import NOW, AlumniNetworkCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestContactRequest(AlumniNetworkCommon):
    """alumni.contact.request: who may ask whom, answers, blocks, reports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["alumni.contact.request"]
        cls.user_member_c = cls._network_user("cora_member", "Cora Member", "member")
        cls.member_c = cls.user_member_c.partner_id
        cls.member_c._record_consent("directory", "given", "staff")

    def _send(self, user, recipient, message="Hello, shall we meet?"):
        return self.Request.with_user(user)._alumni_send(recipient, message)

    def _listed_member(self, name):
        person = self._create_person(
            name, email=f"{name.split()[0].lower()}@example.com", network_state="member"
        )
        person._record_consent("directory", "given", "staff")
        return person

    def test_member_sends_and_recipient_gets_email_with_signed_links(self):
        request = self._send(self.user_member, self.member_b)
        self.assertEqual(request.sender_id, self.member)
        self.assertEqual(request.recipient_id, self.member_b)
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.request_date, fields.Datetime.now())
        mail = self.env["mail.mail"].search(
            [("model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("bjorn_member@example.com", mail.email_to)
        self.assertIn("Hello, shall we meet?", mail.body_html)
        for answer in ("accept", "decline"):
            self.assertIn(request._alumni_answer_url(answer).replace("&", "&amp;"), mail.body_html)
        # The sender's address is not given before acceptance.
        self.assertNotIn("maja_member@example.com", mail.email_from or "")
        self.assertNotIn("maja_member@example.com", mail.body_html)
        self.assertNotIn("maja_member@example.com", mail.reply_to or "")

    def test_only_members_send(self):
        for user in (self.user_portal, self.user_pending, self.user_suspended, self.user_officer):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    self._send(user, self.member_public)
        self.assertFalse(self.Request.search([("recipient_id", "=", self.member_public.id)]))

    def test_hidden_member_refused(self):
        for person in (self.member_unlisted, self.graduate, self.user_pending.partner_id):
            with self.subTest(person=person.name):
                with self.assertRaises(UserError):
                    self._send(self.user_member, person)
        self.assertFalse(self.Request.search([("sender_id", "=", self.member.id)]))

    def test_not_to_self_and_message_required(self):
        with self.assertRaises(UserError):
            self._send(self.user_member, self.member)
        with self.assertRaises(UserError, msg="Message"):
            self._send(self.user_member, self.member_b, message="   ")
        with self.assertRaises(UserError):
            self._send(self.user_member, self.member_b, message="x" * 2001)
        with self.assertRaises(ValidationError):
            self.Request.create(
                {"sender_id": self.member.id, "recipient_id": self.member.id, "message": "Hi"}
            )
        self.assertFalse(self.Request.search([("sender_id", "=", self.member.id)]))

    def test_no_second_pending_request_either_way(self):
        self._send(self.user_member, self.member_b)
        with self.assertRaisesRegex(UserError, "already asked"):
            self._send(self.user_member, self.member_b)
        with self.assertRaisesRegex(UserError, "already asked you"):
            self._send(self.user_member_b, self.member)
        self.assertEqual(
            self.Request.search_count(
                ["|", ("sender_id", "=", self.member.id), ("sender_id", "=", self.member_b.id)]
            ),
            1,
        )

    def test_declined_request_may_be_sent_again_accepted_not(self):
        request = self._send(self.user_member, self.member_b)
        request.with_user(self.user_member_b)._alumni_answer("decline")
        again = self._send(self.user_member, self.member_b)
        again.with_user(self.user_member_b)._alumni_answer("accept")
        with self.assertRaisesRegex(UserError, "already in contact"):
            self._send(self.user_member, self.member_b)

    def test_rate_limit_from_system_parameter(self):
        self.env["ir.config_parameter"].set_param(
            "usn_alumni_network.contact_requests_per_day", "2"
        )
        old, first, second, third = (self._listed_member(f"Person{i} Listed") for i in range(4))
        with freeze_time(fields.Datetime.now() - timedelta(hours=25)):
            self._send(self.user_member, old)
        self._send(self.user_member, first)
        self._send(self.user_member, second)
        with self.assertRaisesRegex(UserError, "last 24 hours"):
            self._send(self.user_member, third)
        self.assertFalse(self.Request.search([("recipient_id", "=", third.id)]))
        # Another sender has their own count.
        self._send(self.user_member_b, third)

    def test_rate_limit_defaults_to_ten(self):
        self.env["ir.config_parameter"].set_param(
            "usn_alumni_network.contact_requests_per_day", "many"
        )
        self.assertEqual(self.Request._alumni_rate_limit(), 10)

    def test_only_recipient_answers(self):
        request = self._send(self.user_member, self.member_b)
        for user in (self.user_member, self.user_member_c):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                request.with_user(user)._alumni_answer("accept")
        self.assertEqual(request.state, "pending")
        request.with_user(self.user_member_b)._alumni_answer("accept")
        self.assertEqual(request.state, "accepted")
        self.assertEqual(request.answer_date, fields.Datetime.now())
        with self.assertRaisesRegex(UserError, "already answered"):
            request.with_user(self.user_member_b)._alumni_answer("decline")

    def test_acceptance_only_between_members(self):
        request = self._send(self.user_member, self.member_b)
        self.member.network_state = "suspended"
        with self.assertRaisesRegex(UserError, "no longer a member"):
            request.with_user(self.user_member_b)._alumni_answer("accept")
        self.assertEqual(request.state, "pending")
        request.with_user(self.user_member_b)._alumni_answer("decline")
        self.assertEqual(request.state, "declined")

    def test_acceptance_follows_both_and_writes_the_timeline(self):
        request = self._send(self.user_member, self.member_b)
        request.with_user(self.user_member_b)._alumni_answer("accept")
        self.assertEqual(request.message_partner_ids, self.member | self.member_b)
        touches = self.env["alumni.lifecycle.event"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(touches.partner_id, self.member | self.member_b)
        self.assertEqual(set(touches.mapped("kind")), {"network_contact"})
        for touch in touches:
            self.assertNotIn("Member", touch.name, "the other person is not named")

    def test_accepted_contact_counts_as_network_engagement(self):
        Report = self.env["alumni.engagement.report"]

        def network_score():
            self.env.invalidate_all()
            return sum(Report.search([("partner_id", "=", self.member.id)]).mapped("network_score"))

        before = network_score()
        request = self._send(self.user_member, self.member_b)
        self.assertEqual(network_score(), before, "a request alone is no engagement")
        request.with_user(self.user_member_b)._alumni_answer("accept")
        self.assertGreater(network_score(), before)

    def test_answer_token_signs_one_answer_of_one_request(self):
        request = self._send(self.user_member, self.member_b)
        other = self._send(self.user_member, self.member_c)
        token = request._alumni_answer_token("accept")
        self.assertTrue(request._alumni_check_answer_token("accept", token))
        self.assertFalse(request._alumni_check_answer_token("decline", token))
        self.assertFalse(other._alumni_check_answer_token("accept", token))
        tampered = token[:-1] + ("1" if token[-1] == "0" else "0")
        self.assertFalse(request._alumni_check_answer_token("accept", tampered))
        self.assertFalse(request._alumni_check_answer_token("accept", None))
        # The secret is the server's: neither person reads it.
        with self.assertRaises(AccessError):
            request.with_user(self.user_member).read(["access_token"])

    def test_email_shown_only_after_acceptance_and_only_between_the_two(self):
        def email_seen(user, person):
            profiles = (
                self.env["res.partner"]
                .with_user(user)
                .browse(person.id)
                ._alumni_visible_profiles(user)
            )
            return profiles[0]["email"]

        request = self._send(self.user_member, self.member_b)
        self.assertFalse(email_seen(self.user_member, self.member_b))
        self.assertFalse(email_seen(self.user_member_b, self.member))
        request.with_user(self.user_member_b)._alumni_answer("accept")
        self.assertEqual(email_seen(self.user_member, self.member_b), "bjorn_member@example.com")
        self.assertEqual(email_seen(self.user_member_b, self.member), "maja_member@example.com")
        self.assertFalse(email_seen(self.user_member_c, self.member))
        self.assertFalse(email_seen(self.user_member_c, self.member_b))

    def test_block_prevents_resend_and_hides_both_ways(self):
        request = self._send(self.user_member, self.member_b)
        request.with_user(self.user_member_b)._alumni_answer("block")
        self.assertEqual(request.state, "blocked")
        with self.assertRaises(UserError):
            self._send(self.user_member, self.member_b)
        with self.assertRaises(UserError):
            self._send(self.user_member_b, self.member)
        Partner = self.env["res.partner"]
        for user, other in ((self.user_member, self.member_b), (self.user_member_b, self.member)):
            with self.subTest(user=user.login):
                self.assertFalse(
                    Partner.with_user(user).browse(other.id)._alumni_visible_profiles(user)
                )
                _total, profiles = Partner.with_user(user)._alumni_directory_search({}, user=user)
                self.assertNotIn(other.id, [profile["id"] for profile in profiles])
                self.assertIn(self.member_c.id, [profile["id"] for profile in profiles])
        # Others still see both; the sender is told "declined".
        _total, profiles = Partner.with_user(self.user_member_c)._alumni_directory_search(
            {}, user=self.user_member_c
        )
        self.assertTrue({self.member.id, self.member_b.id} <= {p["id"] for p in profiles})
        self.assertEqual(request._alumni_portal_values(self.member)[0]["state"], "declined")
        self.assertEqual(request._alumni_portal_values(self.member_b)[0]["state"], "blocked")

    def test_recipient_blocks_after_accepting(self):
        request = self._send(self.user_member, self.member_b)
        request.with_user(self.user_member_b)._alumni_answer("accept")
        request.with_user(self.user_member_b)._alumni_answer("block")
        self.assertEqual(request.state, "blocked")
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.user_member)
            .browse(self.member_b.id)
            ._alumni_visible_profiles(self.user_member)
        )

    def test_portal_users_read_only_their_own_requests(self):
        request = self._send(self.user_member, self.member_b)
        self.assertEqual(self.Request.with_user(self.user_member).search([]), request)
        self.assertEqual(self.Request.with_user(self.user_member_b).search([]), request)
        self.assertFalse(self.Request.with_user(self.user_member_c).search([]))
        with self.assertRaises(AccessError):
            request.with_user(self.user_member_c).read(["message"])
        with self.assertRaises(AccessError):
            request.with_user(self.user_member_b).write({"state": "accepted"})
        with self.assertRaises(AccessError):
            self.Request.with_user(self.user_member).create(
                {"sender_id": self.member.id, "recipient_id": self.member_c.id, "message": "x"}
            )

    def test_staff_access(self):
        request = self._send(self.user_member, self.member_b)
        self.assertEqual(request.with_user(self.user_officer).message, "Hello, shall we meet?")
        with self.assertRaises(AccessError):
            request.with_user(self.user_officer).write({"state": "accepted"})
        for user in (self.user_coordinator, self.user_made_by_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                request.with_user(user).read(["message"])

    def test_thread_posting_for_the_two_after_acceptance_only(self):
        request = self._send(self.user_member, self.member_b)
        Request = self.Request
        self.assertFalse(
            Request.with_user(self.user_member)._get_thread_with_access(request.id, "write")
        )
        request.with_user(self.user_member_b)._alumni_answer("accept")
        for user in (self.user_member, self.user_member_b):
            self.assertEqual(
                Request.with_user(user)._get_thread_with_access(request.id, "write"), request
            )
        for user in (self.user_member_c, self.user_officer):
            self.assertFalse(Request.with_user(user)._get_thread_with_access(request.id, "write"))
        self.assertFalse(
            Request.with_user(self.user_member_c)._get_thread_with_access(request.id, "read")
        )
        # A token never gives access to the thread.
        self.assertFalse(
            Request.with_user(self.env.ref("base.public_user"))._get_thread_with_access(
                request.id, "read", token=request.sudo().access_token
            )
        )

    def test_report_creates_what_officers_see(self):
        request = self._send(self.user_member, self.member_b)
        Report = self.env["alumni.contact.report"]
        with self.assertRaisesRegex(UserError, "Reason"):
            Report.with_user(self.user_member_b)._alumni_report(self.member, "  ")
        with self.assertRaises(UserError):
            Report.with_user(self.user_portal)._alumni_report(self.member, "Spam")
        report = Report.with_user(self.user_member_b)._alumni_report(
            self.member, "Sends advertising", request=request
        )
        seen = Report.with_user(self.user_officer).search([("id", "=", report.id)])
        self.assertEqual(seen.reported_partner_id, self.member)
        self.assertEqual(seen.reporter_id, self.member_b)
        self.assertEqual(seen.request_id, request)
        self.assertEqual(seen.state, "new")
        self.assertEqual(request.with_user(self.user_officer).report_ids, report)
        seen.action_done()
        self.assertEqual(report.state, "done")
        for user in (self.user_member, self.user_member_b, self.user_coordinator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Report.with_user(user).search([])

    def test_officer_sees_counts_on_the_person(self):
        request = self._send(self.user_member, self.member_b)
        self._send(self.user_member_c, self.member)
        self.env["alumni.contact.report"].with_user(self.user_member_b)._alumni_report(
            self.member, "Spam", request=request
        )
        member = self.member.with_user(self.user_officer)
        self.assertEqual(member.alumni_contact_request_count, 2)
        self.assertEqual(member.alumni_contact_report_count, 1)
        self.assertEqual(self.member_b.with_user(self.user_officer).alumni_contact_report_count, 0)
        action = member.action_view_alumni_contact_requests()
        self.assertEqual(len(self.Request.search(action["domain"])), 2)
        action = member.action_view_alumni_contact_reports()
        self.assertEqual(
            self.env["alumni.contact.report"].search(action["domain"]).reporter_id, self.member_b
        )

    def test_blocks_and_contacts_in_bounded_queries(self):
        """The block filter and the contacts' addresses cost the same few
        queries for few or many blocks and contacts (not one per person)."""
        Partner = self.env["res.partner"].with_user(self.user_member)
        people = self.env["res.partner"]
        for index in range(24):
            person = self._listed_member(f"Person{index:02} Listed")
            request = self.Request.sudo().create(
                {"sender_id": self.member.id, "recipient_id": person.id, "message": "Hi"}
            )
            request.state = "accepted" if index % 2 else "blocked"
            people |= person

        def queries(partners):
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            profiles = Partner.browse(partners.ids)._alumni_visible_profiles(self.user_member)
            Partner._alumni_directory_search({}, limit=20, user=self.user_member)
            return self.cr.sql_log_count - start, profiles

        few, _profiles = queries(people[:4])
        many, profiles = queries(people)
        # Twenty more people, ten of them shown: at most a query or two of
        # the profiles' own prefetching more, never one per person.
        self.assertLessEqual(many, few + 2)
        self.assertEqual(len(profiles), 12)
        self.assertTrue(all(profile["email"] for profile in profiles))
