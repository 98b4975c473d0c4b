# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged, users
from odoo.tools.safe_eval import safe_eval

from .common import AlumniCommon


@tagged("post_install", "-at_install")
class TestPeopleViews(AlumniCommon):
    """What an officer meets in People."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.action = cls.env.ref("usn_alumni_base.res_partner_action_alumni")

    def _people(self, env=None):
        env = env or self.env
        return env["res.partner"].search(safe_eval(self.action.domain))

    @users("alumni_officer")
    def test_person_added_in_people_stays_listed(self):
        person = (
            self.env["res.partner"]
            .with_context(**safe_eval(self.action.context))
            .create({"name": "Nils Newcomer"})
        )
        self.assertFalse(person.lifecycle_stage)
        self.assertIn(person, self._people())
        # A contact made elsewhere (a customer, a school) is not a person of
        # the lifecycle until it has a touchpoint.
        customer = self.env["res.partner"].create({"name": "Customer"})
        self.assertNotIn(customer, self._people())
        self._touch(customer)
        self.assertIn(customer, self._people())

    @users("alumni_officer")
    def test_people_group_by_faculty_programme_campus_and_cohort(self):
        nurse = self._create_person("Nina Nurse")
        self._enroll(
            nurse,
            self.programme_nursing,
            start="2016-08-15",
            state="completed",
            end_date="2019-06-15",
        )
        engineer = self._create_person("Erik Engineer")
        self._enroll(
            engineer, self.programme_it, start="2023-08-15", campus_id=self.campus_porsgrunn.id
        )
        applicant = self._create_person("Aksel Applicant")
        self._apply(applicant, self.programme_health_master)
        self.assertEqual(nurse.alumni_programme_id, self.programme_nursing)
        # The faculty, not the department of the programme.
        self.assertEqual(nurse.alumni_faculty_id, self.faculty_health)
        self.assertEqual(engineer.alumni_campus_id, self.campus_porsgrunn)
        self.assertEqual(applicant.alumni_programme_id, self.programme_health_master)
        people = nurse | engineer | applicant
        Partner = self.env["res.partner"]
        domain = [("id", "in", people.ids)]
        by_faculty = dict(Partner._read_group(domain, ["alumni_faculty_id"], ["__count"]))
        self.assertEqual(by_faculty, {self.faculty_health: 2, self.faculty_tech: 1})
        by_campus = dict(Partner._read_group(domain, ["alumni_campus_id"], ["__count"]))
        self.assertEqual(by_campus[self.campus_porsgrunn], 1)
        by_cohort = dict(Partner._read_group(domain, ["graduation_year"], ["__count"]))
        self.assertEqual(by_cohort[2019], 1)
        by_stage = dict(Partner._read_group(domain, ["lifecycle_stage"], ["__count"]))
        self.assertEqual(by_stage, {"alumnus": 1, "student": 1, "applicant": 1})
        # A newer enrolment changes the programme shown.
        self._enroll(nurse, self.programme_health_master, start="2024-08-15")
        self.assertEqual(nurse.alumni_programme_id, self.programme_health_master)
        # Filters reach every enrolment, not only the latest.
        found = Partner.search(
            [*domain, ("affiliated_faculty_ids", "in", self.department_nursing.ids)]
        )
        self.assertEqual(found, nurse)

    @users("alumni_officer")
    def test_consent_filters_are_the_purposes_that_exist(self):
        def consent_filters():
            arch = self.env["res.partner"].get_views(
                [(self.env.ref("usn_alumni_base.res_partner_view_search").id, "search")]
            )["views"]["search"]["arch"]
            return {
                node.get("name"): node.get("string")
                for node in etree.fromstring(arch).iterfind(".//filter")
                if node.get("name", "").startswith("consent_")
            }

        codes = self.env["alumni.consent.purpose"].search([]).mapped("code")
        self.assertEqual(set(consent_filters()), {f"consent_{code}" for code in codes})
        self.env["alumni.consent.purpose"].sudo().create(
            {"code": "mentoring", "name": "Mentoring requests"}
        )
        self.assertEqual(consent_filters()["consent_mentoring"], "Consent: Mentoring requests")

    @users("alumni_officer")
    def test_person_form_opens_on_the_lifecycle(self):
        arch = etree.fromstring(
            self.env["res.partner"].get_views([(False, "form")])["views"]["form"]["arch"]
        )
        pages = arch.findall(".//notebook/page")
        self.assertEqual(pages[0].get("name"), "alumni_lifecycle")
        self.assertEqual(pages[0].get("autofocus"), "autofocus")
        self.assertEqual([p for p in pages if p.get("autofocus")], [pages[0]])
        names = {node.get("name") for node in pages[0].iter("field")}
        for name in (
            "enrollment_ids",
            "application_ids",
            "prior_education_ids",
            "relation_ids",
            "career_position_ids",
            "interest_ids",
            "consent_ids",
            "lifecycle_event_ids",
        ):
            self.assertIn(name, names)
