# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import NOW, AlumniCommon

# Each scenario: a list of (step, stage expected after the step). A step is a
# function of the test case and a "state" dict where steps keep the records
# they create for later steps.


def touch(case, state):
    case._touch(state["person"])


def apply_nursing(case, state):
    state["application"] = case._apply(state["person"], case.programme_nursing)


def reject(case, state):
    state["application"].action_reject()


def offer(case, state):
    state["application"].action_offer()


def enroll_nursing(case, state):
    state["bachelor"] = case._enroll(state["person"], case.programme_nursing)


def graduate_bachelor(case, state):
    state["bachelor"].write({"state": "completed", "end_date": "2023-06-15"})


def withdraw_bachelor(case, state):
    state["bachelor"].write({"state": "withdrawn", "end_date": "2021-01-10"})


def enroll_master(case, state):
    state["master"] = case._enroll(
        state["person"], case.programme_health_master, start="2024-08-15"
    )


def graduate_master(case, state):
    state["master"].action_complete()


def withdraw_master(case, state):
    state["master"].action_withdraw()


def delete_bachelor(case, state):
    state["bachelor"].unlink()


def delete_touchpoints(case, state):
    case.env["alumni.lifecycle.event"].search(
        [("partner_id", "=", state["person"].id), ("kind", "!=", "stage_change")]
    ).unlink()


SCENARIOS = {
    "information_request_makes_prospect": [(touch, "prospect")],
    "application_makes_applicant": [(touch, "prospect"), (apply_nursing, "applicant")],
    "application_of_a_stranger_makes_applicant": [(apply_nursing, "applicant")],
    "offer_keeps_applicant": [(apply_nursing, "applicant"), (offer, "applicant")],
    "rejected_applicant_is_prospect_again": [(apply_nursing, "applicant"), (reject, "prospect")],
    "enrolment_makes_student": [(apply_nursing, "applicant"), (enroll_nursing, "student")],
    "graduation_makes_alumnus": [(enroll_nursing, "student"), (graduate_bachelor, "alumnus")],
    "withdrawal_makes_withdrawn": [(enroll_nursing, "student"), (withdraw_bachelor, "withdrawn")],
    "graduate_starting_master_is_student_then_alumnus": [
        (enroll_nursing, "student"),
        (graduate_bachelor, "alumnus"),
        (enroll_master, "student"),
        (graduate_master, "alumnus"),
    ],
    "withdrawal_after_graduation_stays_alumnus": [
        (enroll_nursing, "student"),
        (graduate_bachelor, "alumnus"),
        (enroll_master, "student"),
        (withdraw_master, "alumnus"),
    ],
    "withdrawn_student_who_applies_again_stays_withdrawn": [
        (enroll_nursing, "student"),
        (withdraw_bachelor, "withdrawn"),
        (apply_nursing, "withdrawn"),
    ],
    "deleting_the_only_enrolment_leaves_no_lifecycle_person": [
        (enroll_nursing, "student"),
        (delete_bachelor, False),
    ],
    "deleting_an_enrolment_keeps_other_touchpoints": [
        (touch, "prospect"),
        (enroll_nursing, "student"),
        (delete_bachelor, "prospect"),
    ],
    "no_touchpoint_left_is_no_lifecycle_person": [
        (touch, "prospect"),
        (delete_touchpoints, False),
    ],
}


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestLifecycleStage(AlumniCommon):
    def test_contact_without_history_has_no_stage(self):
        employer = self._create_person("Skagerak Energi", is_company=True)
        person = self._create_person("Nora Contact")
        self.assertFalse(employer.lifecycle_stage)
        self.assertFalse(person.lifecycle_stage)
        self.assertFalse(self._stage_changes(person))

    def test_stage_transitions(self):
        for name, steps in SCENARIOS.items():
            with self.subTest(scenario=name):
                state = {"person": self._create_person(f"Person {name}")}
                expected_changes, stage = [], False
                for step, expected in steps:
                    step(self, state)
                    # Each step is a request of its own: what it changed is
                    # stored before the next one.
                    self.env.flush_all()
                    self.assertEqual(
                        state["person"].lifecycle_stage, expected, f"after {step.__name__}"
                    )
                    if expected != stage:
                        expected_changes.append((stage, expected))
                        stage = expected
                # One timeline entry per change of stage, none when it stays.
                self.assertEqual(self._stage_changes(state["person"]), expected_changes)

    def test_enrolment_closes_the_open_application(self):
        person = self._create_person("Eva Applicant")
        application = self._apply(person, self.programme_nursing, state="accepted")
        other = self._apply(person, self.programme_it)
        self._enroll(person, self.programme_nursing)
        self.assertEqual(application.state, "enrolled")
        self.assertEqual(other.state, "submitted")

    def test_touchpoints_of_academic_records(self):
        person = self._create_person("Tor Timeline")
        application = self._apply(person, self.programme_nursing)
        application.action_offer()
        enrollment = self._enroll(person, self.programme_nursing, start="2021-08-16")
        enrollment.write({"state": "completed", "graduation_date": "2024-06-14"})
        events = self.env["alumni.lifecycle.event"].search(
            [("partner_id", "=", person.id), ("kind", "!=", "stage_change")]
        )
        by_kind = {e.kind: e for e in events}
        self.assertEqual(sorted(by_kind), ["application", "enrollment", "graduation", "offer"])
        self.assertEqual(str(by_kind["enrollment"].date), "2021-08-16 00:00:00")
        self.assertEqual(str(by_kind["graduation"].date), "2024-06-14 00:00:00")
        self.assertEqual(by_kind["graduation"].res_model, "alumni.enrollment")
        self.assertEqual(by_kind["graduation"].res_id, enrollment.id)
        self.assertEqual(by_kind["offer"].programme_id, self.programme_nursing)
        self.assertEqual(person.graduation_year, 2024)

    def test_an_application_past_its_offer_was_offered(self):
        """Stored as accepted, declined or enrolled (as a student system
        exports it), an application was offered: the funnel counts the
        offer. An offer is counted once however the application moves on."""

        def offers(application):
            return self.env["alumni.lifecycle.event"].search_count(
                [("res_model", "=", application._name), ("res_id", "=", application.id),
                 ("kind", "=", "offer")]
            )  # fmt: skip

        person = self._create_person("Olga Offer")
        for state, count in (
            ("submitted", 0), ("rejected", 0), ("offered", 1), ("accepted", 1),
            ("declined", 1), ("enrolled", 1),
        ):  # fmt: skip
            with self.subTest(state=state):
                self.assertEqual(offers(self._apply(person, self.programme_it, state=state)), count)
        application = self._apply(person, self.programme_nursing)
        application.action_accept()
        self.assertEqual(offers(application), 1)
        application.write({"state": "enrolled"})
        self.assertEqual(offers(application), 1)

    def test_stage_cannot_be_typed(self):
        person = self._create_person("Hanne Hand")
        with self.assertRaisesRegex(UserError, "cannot be set by hand"):
            person.write({"lifecycle_stage": "alumnus"})
        with self.assertRaisesRegex(UserError, "cannot be set by hand"):
            self._create_person("Ivar Hand", lifecycle_stage="student")
        with self.assertRaisesRegex(UserError, "cannot be set by hand"):
            person.write({"graduation_year": 2020})
        self.assertFalse(person.lifecycle_stage)

    def test_moving_an_enrolment_to_another_person_updates_both(self):
        first = self._create_person("Mona First")
        second = self._create_person("Mons Second")
        enrollment = self._enroll(first, self.programme_it)
        self.assertEqual(first.lifecycle_stage, "student")
        enrollment.partner_id = second
        self.assertEqual(second.lifecycle_stage, "student")
        # The enrolment's touchpoint went with it: the first has none left.
        self.assertFalse(first.lifecycle_stage)
        self.assertEqual(
            self.env["alumni.lifecycle.event"]
            .search([("res_model", "=", "alumni.enrollment"), ("res_id", "=", enrollment.id)])
            .partner_id,
            second,
        )
