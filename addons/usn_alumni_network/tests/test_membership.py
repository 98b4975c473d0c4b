# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import NOW, AlumniNetworkCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestMembership(AlumniNetworkCommon, MockEmail):
    """Joining, approval, rejection, suspension and leaving."""

    def setUp(self):
        super().setUp()
        self.enterContext(self.mock_mail_gateway())

    def _request(self, user=None, **values):
        user = user or self.env.ref("base.public_user")
        values = {
            "name": "Hanna G.",
            "email": "someone@example.com",
            "student_number": "",
            "birth_date": False,
            "note": "",
            **values,
        }
        return self.env["res.partner"].with_user(user)._alumni_network_request(values, user=user)

    def _timeline(self, partner, kind):
        return self.env["alumni.lifecycle.event"].search(
            [("partner_id", "=", partner.id), ("kind", "=", kind)]
        )

    def _welcome_mails(self, partner):
        """The portal's welcome e-mails sent to the person."""
        return [
            mail
            for mail in self._mails
            if partner.email in " ".join(mail["email_to"]) and "/web/signup" in mail["body"]
        ]

    def test_graduate_with_student_number_and_birth_date_is_admitted(self):
        person, outcome = self._request(
            email="hanna.graduate@example.com ".upper(),
            student_number="100200",
            birth_date=date(1995, 4, 12),
        )
        self.assertEqual(outcome, "member")
        self.assertEqual(person, self.graduate)
        self.assertEqual(self.graduate.network_state, "member")
        self.assertTrue(self.graduate.user_ids.has_group("base.group_portal"))
        self.assertTrue(self._welcome_mails(self.graduate))
        self.assertEqual(len(self._timeline(self.graduate, "network_join")), 1)

    def test_graduate_with_email_on_record_is_admitted(self):
        person, outcome = self._request(email="hanna.graduate@example.com")
        self.assertEqual((person, outcome), (self.graduate, "member"))
        self.assertTrue(self.graduate.user_ids)

    def test_student_number_with_wrong_birth_date_is_not_the_graduate(self):
        person, outcome = self._request(
            email="intruder@example.com", student_number="100200", birth_date=date(1990, 1, 1)
        )
        self.assertEqual(outcome, "pending")
        self.assertNotEqual(person, self.graduate)
        self.assertEqual(self.graduate.network_state, "none")
        self.assertFalse(person.student_number)
        self.assertIn("100200", person.network_request_note)

    def test_graduate_giving_another_address_waits_for_an_officer(self):
        person, outcome = self._request(
            email="hanna.new@example.com", student_number="100200", birth_date=date(1995, 4, 12)
        )
        self.assertEqual((person, outcome), (self.graduate, "pending"))
        self.assertFalse(self.graduate.user_ids)
        self.assertEqual(self.graduate.email, "hanna.graduate@example.com")
        self.assertIn("hanna.new@example.com", self.graduate.network_request_note)

    def test_graduate_without_address_on_record_is_admitted_with_the_given_one(self):
        self.graduate.email = False
        person, outcome = self._request(
            email="hanna.new@example.com", student_number="100200", birth_date=date(1995, 4, 12)
        )
        self.assertEqual((person, outcome), (self.graduate, "member"))
        self.assertEqual(self.graduate.email, "hanna.new@example.com")
        self.assertEqual(self.graduate.user_ids.login, "hanna.new@example.com")

    def test_stranger_waits_then_officer_approves_with_welcome_email(self):
        person, outcome = self._request(name="Stina Stranger", email="stina@example.com")
        self.assertEqual(outcome, "pending")
        self.assertEqual(person.name, "Stina Stranger")
        self.assertEqual(person.network_state, "pending")
        self.assertEqual(person.network_request_date.isoformat(" "), NOW)
        self.assertFalse(person.user_ids)
        person.with_user(self.user_officer).action_network_approve()
        self.assertEqual(person.network_state, "member")
        self.assertTrue(person.user_ids.has_group("base.group_portal"))
        self.assertTrue(self._welcome_mails(person))
        self.assertEqual(len(self._timeline(person, "network_join")), 1)

    def test_portal_user_graduate_is_admitted_without_new_user(self):
        self._graduate(self.user_portal.partner_id, self.programme_it, 2020)
        person, outcome = self._request(user=self.user_portal)
        self.assertEqual((person, outcome), (self.user_portal.partner_id, "member"))
        self.assertEqual(person.user_ids, self.user_portal)

    def test_portal_user_not_graduate_waits(self):
        person, outcome = self._request(user=self.user_portal, note="Class of 2001")
        self.assertEqual((person, outcome), (self.user_portal.partner_id, "pending"))
        self.assertIn("Class of 2001", person.network_request_note)

    def test_member_or_suspended_asking_again_changes_nothing(self):
        self.assertEqual(self._request(user=self.user_member)[1], "already_member")
        self.assertEqual(self._request(user=self.user_suspended)[1], "suspended")
        self.assertEqual(self.user_suspended.partner_id.network_state, "suspended")
        self.assertFalse(self._timeline(self.member, "network_join"))

    def test_approval_without_email_names_the_field(self):
        person = self._create_person("No Mail", network_state="pending")
        with self.assertRaisesRegex(UserError, "Email"):
            person.with_user(self.user_officer).action_network_approve()
        self.assertEqual(person.network_state, "pending")

    def test_approving_someone_who_did_not_ask_is_refused(self):
        with self.assertRaisesRegex(UserError, "Hanna Graduate"):
            self.graduate.with_user(self.user_officer).action_network_approve()

    def test_officer_rejects_with_reason(self):
        person = self.user_pending.partner_id
        action = person.with_user(self.user_officer).action_network_reject()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_officer)
            .with_context(**action["context"])
        )
        wizard.reason = "Not a graduate of the university"
        wizard.save().action_confirm()
        self.assertEqual(person.network_state, "none")
        self.assertIn("Not a graduate", person.message_ids[:1].body)

    def test_suspension_and_reinstatement_on_timeline_with_reason(self):
        action = self.member.with_user(self.user_officer).action_network_suspend()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_officer)
            .with_context(**action["context"])
        )
        wizard.reason = "Spam sent to other members"
        wizard.save().action_confirm()
        self.assertEqual(self.member.network_state, "suspended")
        self.assertEqual(
            self._timeline(self.member, "network_suspension").name, "Spam sent to other members"
        )
        self.member.with_user(self.user_officer).action_network_reinstate()
        self.assertEqual(self.member.network_state, "member")
        self.assertEqual(
            self._timeline(self.member, "network_join").name, "Reinstated in the network"
        )

    def test_member_leaves_with_reason_on_timeline(self):
        self.member.with_user(self.user_member)._alumni_network_leave("Moving abroad")
        self.assertEqual(self.member.network_state, "none")
        self.assertEqual(self._timeline(self.member, "network_leave").name, "Moving abroad")


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestMembershipSecurity(AlumniNetworkCommon):
    def test_only_officers_decide_on_memberships(self):
        person = self.user_pending.partner_id
        for user in (
            self.user_portal,
            self.user_pending,
            self.user_made_by_admin,
            self.user_employee,
        ):
            for method in (
                "action_network_approve",
                "action_network_reject",
                "action_network_suspend",
                "action_network_reinstate",
            ):
                with self.subTest(user=user.login, method=method), self.assertRaises(AccessError):
                    getattr(person.with_user(user), method)()
        self.assertEqual(person.network_state, "pending")

    def test_portal_user_cannot_write_own_membership(self):
        with self.assertRaises(AccessError):
            self.user_pending.partner_id.with_user(self.user_pending).write(
                {"network_state": "member"}
            )

    def test_coordinator_cannot_open_decision_wizard(self):
        with self.assertRaises(AccessError):
            self.env["alumni.network.state.wizard"].with_user(self.user_coordinator).create(
                {"decision": "suspend", "partner_ids": self.member.ids, "reason": "x"}
            )
