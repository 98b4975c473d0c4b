# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import NOW, AlumniEventsCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestInvitation(AlumniEventsCommon):
    """Invitations reach the event's audience who agreed to be invited."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reunion = cls._create_event(
            "Nursing class of 2015-2016",
            kind="reunion",
            programmes=cls.programme_nursing,
            alumni_cohort_from=2015,
            alumni_cohort_to=2016,
        )
        cls.nurse_2015 = cls._graduate("Nina Nurse", cls.programme_nursing, 2015)
        cls.nurse_2016 = cls._graduate("Nils Nurse", cls.programme_nursing, 2016)
        cls.nurse_silent = cls._graduate("Siv Silent", cls.programme_nursing, 2015, consent=False)
        cls.nurse_withdrawn = cls._graduate("Wenche Withdrawn", cls.programme_nursing, 2016)
        cls.nurse_withdrawn._record_consent("event_invitation", "withdrawn", "portal")
        cls.nurse_blacklisted = cls._graduate("Bodil Blocked", cls.programme_nursing, 2015)
        cls.env["mail.blacklist"]._add(cls.nurse_blacklisted.email)
        cls.nurse_deceased = cls._graduate("Dag Deceased", cls.programme_nursing, 2015)
        cls.nurse_deceased.write({"is_deceased": True, "deceased_date": "2025-05-01"})
        cls.nurse_no_email = cls._graduate("Eli Noemail", cls.programme_nursing, 2015)
        cls.nurse_no_email.email = False
        cls.nurse_2010 = cls._graduate("Gro Older", cls.programme_nursing, 2010)
        cls.coder_2015 = cls._graduate("Ivar Coder", cls.programme_it, 2015)

        cls.prospect_nursing = cls._create_person(
            "Pia Prospect",
            email="pia@example.com",
            is_alumni_person=True,
            interest_ids=[(6, 0, cls.interest_health.ids)],
        )
        cls._touch(cls.prospect_nursing, kind="information_request")
        cls.prospect_coding = cls._create_person(
            "Per Programmer",
            email="per@example.com",
            interest_ids=[(6, 0, cls.interest_programming.ids)],
        )
        cls._touch(cls.prospect_coding, kind="information_request")
        cls.applicant_nursing = cls._create_person("Anna Applicant", email="anna@example.com")
        cls._apply(cls.applicant_nursing, cls.programme_nursing)
        (cls.prospect_nursing | cls.prospect_coding | cls.applicant_nursing)._record_consent(
            "event_invitation", "given", "portal", date="2025-01-01 12:00:00"
        )

    @classmethod
    def _graduate(cls, name, programme, year, consent=True):
        login = name.split()[0].lower()
        person = cls._create_person(name, email=f"{login}.{year}@example.com")
        cls._enroll(
            person,
            programme,
            start=f"{year - 3}-08-15",
            state="completed",
            end_date=f"{year}-06-15",
        )
        if consent:
            person._record_consent(
                "event_invitation", "given", "portal", date="2025-01-01 12:00:00"
            )
        return person

    def _wizard(self, event, user=None):
        Wizard = self.env["alumni.event.invite.wizard"]
        if user:
            Wizard = Wizard.with_user(user)
        return Wizard.create({"event_id": event.id})

    def _recipients(self, mailing):
        return self.env["res.partner"].browse(mailing._get_recipients())

    def test_reunion_invites_the_consenting_class(self):
        wizard = self._wizard(self.reunion)
        self.assertEqual(wizard.audience, "graduates")
        self.assertEqual(wizard.programme_ids, self.programme_nursing)
        self.assertEqual((wizard.cohort_from, wizard.cohort_to), (2015, 2016))
        self.assertFalse(wizard.interest_ids, "a reunion is for its class only")
        self.assertEqual(wizard.recipient_count, 2)

        action = wizard.action_create_mailing()
        mailing = self.env["mailing.mailing"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "mailing.mailing")
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        self.assertEqual(self._recipients(mailing), self.nurse_2015 | self.nurse_2016)
        self.assertEqual(mailing.total, 2)

    def test_mailing_body_names_the_event_and_links_its_registration(self):
        mailing = self.env["mailing.mailing"].browse(
            self._wizard(self.reunion).action_create_mailing()["res_id"]
        )
        register_url = f"{self.reunion.get_base_url()}{self.reunion.website_url}/register"
        self.assertTrue(register_url.startswith("http"))
        self.assertEqual(self.reunion.event_register_url, register_url)
        for body in (mailing.body_html, mailing.body_arch):
            self.assertIn(register_url, body)
            self.assertIn(self.reunion.name, body)
            self.assertIn("2026", body)
        self.assertIn(self.reunion.name, mailing.subject)

    def test_consent_withdrawn_after_the_mailing_is_respected(self):
        mailing = self.env["mailing.mailing"].browse(
            self._wizard(self.reunion).action_create_mailing()["res_id"]
        )
        self.nurse_2016._record_consent("event_invitation", "withdrawn", "email")
        self.assertEqual(self._recipients(mailing), self.nurse_2015)

    def test_open_day_invites_interested_prospects_and_applicants(self):
        wizard = self._wizard(self.open_day)
        self.assertEqual(wizard.audience, "prospects")
        self.assertEqual(wizard.interest_ids, self.programme_nursing.interest_ids)
        mailing = self.env["mailing.mailing"].browse(wizard.action_create_mailing()["res_id"])
        self.assertEqual(self._recipients(mailing), self.prospect_nursing | self.applicant_nursing)

    def test_segment_changes_update_the_count(self):
        form = Form(self._wizard(self.reunion))
        self.assertEqual(form.recipient_count, 2)
        form.cohort_from = 2010
        self.assertEqual(form.recipient_count, 3)
        form.programme_ids.add(self.programme_it)
        self.assertEqual(form.recipient_count, 4)

    def test_nobody_to_invite_creates_no_mailing(self):
        wizard = self._wizard(self.reunion)
        wizard.cohort_from = wizard.cohort_to = 1990
        self.assertEqual(wizard.recipient_count, 0)
        with self.assertRaises(UserError):
            wizard.action_create_mailing()

    def test_officer_invites_from_the_event(self):
        # Officers run the campaigns as Email Marketing users.
        self.user_officer.groups_id |= self.env.ref("mass_mailing.group_mass_mailing_user")
        wizard = self._wizard(self.reunion, user=self.user_officer)
        self.assertEqual(wizard.recipient_count, 2)
        mailing = self.env["mailing.mailing"].browse(wizard.action_create_mailing()["res_id"])
        self.assertEqual(mailing.create_uid, self.user_officer)

    def test_invite_button_opens_the_wizard_for_the_event(self):
        arch = self.env["event.event"].with_user(self.user_officer).get_views([(False, "form")])
        action = self.env.ref("usn_alumni_events.alumni_event_invite_wizard_action")
        self.assertIn(f'name="{action.id}"', arch["views"]["form"]["arch"])

    def test_count_query_does_not_grow_with_the_cohort(self):
        wizard = self._wizard(self.reunion)
        wizard.invalidate_recordset(["recipient_count"])
        with self.assertQueryCount(__system__=6):
            self.assertGreater(wizard.recipient_count, 0)
        for index in range(30):
            self._graduate(f"Extra{index} Nurse", self.programme_nursing, 2015)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=6):
            self.assertEqual(wizard.recipient_count, 32)
