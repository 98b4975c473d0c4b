# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import NOW
from .offers_common import AlumniNetworkOffersCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestOffers(AlumniNetworkOffersCommon):
    """Offers by members: what a member may do with them, who finds them,
    and what they see of the member who offers them."""

    def _found(self, user, **filters):
        return self.env["alumni.network.offer"]._alumni_offer_search(filters, user=user)[1]

    def _timeline(self, partner, kind="network_offer"):
        return self.env["alumni.lifecycle.event"].search(
            [("partner_id", "=", partner.id), ("kind", "=", kind)]
        )

    def test_member_writes_publishes_and_closes_own_offer(self):
        Offer = self.env["alumni.network.offer"].with_user(self.user_member_b)
        offer = Offer.create(
            {"partner_id": self.member_b.id, "name": "Mentor in data", "kind": "mentoring"}
        )
        self.assertEqual(offer.state, "draft")
        self.assertFalse(offer.is_published)
        before = self._timeline(self.member_b)
        offer.action_publish()
        self.assertEqual((offer.state, offer.is_published), ("published", True))
        self.assertEqual(offer.published_date.isoformat(" "), NOW)
        self.assertEqual(offer.website_url, f"/alumni/offers/{offer.id}")
        rows = self._timeline(self.member_b) - before
        self.assertEqual(len(rows), 1)
        self.assertEqual((rows.res_model, rows.res_id), ("alumni.network.offer", offer.id))
        offer.write({"description": "Two hours a month."})
        offer.action_close()
        self.assertEqual((offer.state, offer.is_published), ("closed", False))
        offer.action_publish()
        # Published again: the first publication is the touchpoint.
        self.assertEqual(self._timeline(self.member_b) - before, rows)

    def test_member_cannot_touch_another_members_offer(self):
        as_maja = self.env["alumni.network.offer"].with_user(self.user_member)
        self.assertEqual(
            as_maja.search([]),
            self.offer_job | self.offer_mentoring | self.offer_draft | self.offer_expired,
        )
        other = as_maja.browse(self.offer_lecture.id)
        with self.assertRaises(AccessError):
            other.read(["name"])
        with self.assertRaises(AccessError):
            other.write({"name": "Taken over"})
        with self.assertRaises(AccessError):
            other.action_close()
        with self.assertRaises(AccessError):
            as_maja.create({"partner_id": self.member_b.id, "name": "In his name", "kind": "job"})
        self.assertEqual(self.offer_lecture.name, "Guest lecture on data analysis")
        self.assertEqual(self.offer_lecture.state, "published")

    def test_member_cannot_move_state_owner_or_publication_by_hand(self):
        own = self.offer_draft.with_user(self.user_member)
        for vals in (
            {"state": "published"},
            {"is_published": True},
            {"partner_id": self.member_b.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                own.write(vals)
        with self.assertRaises(AccessError):
            own.create(
                {
                    "partner_id": self.member.id,
                    "name": "Straight out",
                    "kind": "job",
                    "state": "published",
                }
            )
        self.assertEqual((self.offer_draft.state, self.offer_draft.is_published), ("draft", False))

    def test_suspended_pending_and_non_members_have_no_offers(self):
        own_offer = self.offer_suspended.with_user(self.user_suspended)
        with self.assertRaises(AccessError):
            own_offer.read(["name"])
        for user in (self.user_suspended, self.user_pending, self.user_portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["alumni.network.offer"].with_user(user).create(
                    {"partner_id": user.partner_id.id, "name": "Mine", "kind": "job"}
                )
        for user in (self.user_made_by_admin, self.user_coordinator, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["alumni.network.offer"].with_user(user).search([])

    def test_only_members_publish(self):
        offer = self._create_offer(self.member_b, "Later", kind="job", publish=False)
        self.member_b.network_state = "suspended"
        with self.assertRaisesRegex(UserError, "Only members"):
            offer.action_publish()
        self.assertEqual(offer.state, "draft")

    def test_offer_past_its_last_day_is_not_published(self):
        offer = self._create_offer(
            self.member, "Yesterday", kind="job", publish=False, date_deadline="2026-03-01"
        )
        with self.assertRaisesRegex(UserError, "Valid Until"):
            offer.with_user(self.user_member).action_publish()
        self.assertEqual(offer.state, "draft")

    def test_who_finds_which_offers(self):
        public_offers = self.offer_job | self.offer_b_job | self.offer_public | self.offer_unlisted
        for user in (
            self.env.ref("base.public_user"),
            self.user_portal,
            self.user_pending,
            self.user_made_by_admin,
        ):
            with self.subTest(user=user.login):
                self.assertEqual(set(self._found(user)), set(public_offers))
        every_offer = public_offers | self.offer_mentoring | self.offer_lecture
        for user in (self.user_member, self.user_member_b, self.user_officer):
            with self.subTest(user=user.login):
                self.assertEqual(set(self._found(user)), set(every_offer))
        self.assertFalse(self._found(self.user_suspended))
        for hidden in (self.offer_draft, self.offer_expired, self.offer_suspended):
            self.assertNotIn(hidden, self._found(self.user_officer))

    def test_offer_taken_off_the_website_or_of_a_leaver_is_not_found(self):
        self.offer_job.is_published = False
        self.member_b._alumni_network_leave()
        found = self._found(self.user_member)
        self.assertNotIn(self.offer_job, found)
        self.assertNotIn(self.offer_lecture, found)
        self.assertIn(self.offer_mentoring, found)

    def test_offer_page_by_id(self):
        Offer = self.env["alumni.network.offer"]
        public = self.env.ref("base.public_user")
        self.assertEqual(
            Offer._alumni_visible_offer(self.offer_job.id, user=public), self.offer_job
        )
        for offer in (self.offer_mentoring, self.offer_draft, self.offer_expired):
            with self.subTest(offer=offer.name):
                self.assertFalse(Offer._alumni_visible_offer(offer.id, user=public))
        # Her own draft, to Maja only.
        self.assertEqual(
            Offer._alumni_visible_offer(self.offer_draft.id, user=self.user_member),
            self.offer_draft,
        )
        self.assertFalse(Offer._alumni_visible_offer(self.offer_draft.id, user=self.user_member_b))
        self.assertFalse(
            Offer._alumni_visible_offer(self.offer_suspended.id, user=self.user_suspended)
        )
        self.assertFalse(Offer._alumni_visible_offer(self.offer_job.id, user=self.user_suspended))
        self.assertFalse(Offer._alumni_visible_offer(999999999, user=self.user_member))

    def test_offering_member_shown_as_far_as_they_allow(self):
        offers = self.offer_job | self.offer_b_job | self.offer_public | self.offer_unlisted
        public = self.env.ref("base.public_user")
        self.assertEqual(set(offers._alumni_offer_members(public)), {self.member_public.id})
        members = offers._alumni_offer_members(self.user_member)
        self.assertEqual(set(members), {self.member.id, self.member_b.id, self.member_public.id})
        # Bjørn shows his page to members, and nothing else.
        bjorn = members[self.member_b.id]
        self.assertEqual(bjorn["name"], "Bjørn Member")
        self.assertFalse(bjorn["employer"])
        self.assertFalse(bjorn["city"])
        self.assertEqual(members[self.member.id]["employer"], "Kongsberg Robotics")
        self.assertEqual(offers._alumni_offer_members(self.user_suspended), {})

    def test_filters(self):
        def found(**filters):
            return set(self._found(self.user_member, **filters))

        self.assertEqual(found(kind="mentoring"), {self.offer_mentoring})
        self.assertEqual(
            found(programme_id=self.programme_it.id), {self.offer_job, self.offer_mentoring}
        )
        # A faculty finds offers for it and for its departments' programmes.
        self.assertEqual(found(faculty_id=self.faculty_health.id), {self.offer_public})
        self.assertEqual(
            found(faculty_id=self.faculty_tech.id),
            {self.offer_job, self.offer_mentoring, self.offer_lecture},
        )
        self.assertEqual(found(city="drammen"), {self.offer_lecture, self.offer_b_job})
        self.assertEqual(found(search="Drammen Data"), {self.offer_lecture})
        self.assertEqual(found(search="elderly"), {self.offer_public})
        self.assertEqual(found(search="' OR 1=1 --"), set())

    def test_bad_filters_are_named(self):
        Offer = self.env["alumni.network.offer"]
        with self.assertRaisesRegex(UserError, "Programme"):
            Offer._alumni_offer_clean_filters({"programme_id": "1 OR 1=1"})
        with self.assertRaisesRegex(UserError, "Kind"):
            Offer._alumni_offer_clean_filters({"kind": "spam"})
        self.assertEqual(
            Offer._alumni_offer_clean_filters({"kind": "job", "faculty_id": " 7 ", "city": ""}),
            {"kind": "job", "faculty_id": 7},
        )

    def test_filter_choices_show_only_what_the_viewer_finds(self):
        Offer = self.env["alumni.network.offer"]
        public = Offer._alumni_offer_choices(self.env.ref("base.public_user"))
        self.assertEqual([(kind, count) for kind, _label, count in public["kinds"]], [("job", 4)])
        self.assertEqual(public["cities"], ["Bø", "Drammen", "Kongsberg"])
        self.assertEqual(
            [name for _id, name in public["programmes"]],
            sorted([self.programme_it.name, self.programme_nursing.name]),
        )
        member = Offer._alumni_offer_choices(self.user_member)
        self.assertEqual(
            {kind for kind, _label, _count in member["kinds"]},
            {"job", "mentoring", "guest_lecture"},
        )
        self.assertEqual(member["cities"], ["Bø", "Drammen", "Horten", "Kongsberg"])
        faculties = {faculty_id for faculty_id, _name in member["faculties"]}
        self.assertLessEqual(
            {self.faculty_tech.id, self.faculty_health.id, self.department_nursing.id}, faculties
        )
        self.assertEqual(
            Offer._alumni_offer_choices(self.user_suspended),
            {"kinds": [], "programmes": [], "faculties": [], "cities": []},
        )

    def test_form_values_checked_by_field(self):
        Offer = self.env["alumni.network.offer"].with_user(self.user_member)
        good = {"name": "Mentor", "kind": "mentoring"}
        cases = [
            ({"name": "  "}, [], "Title"),
            ({"kind": "spam"}, [], "Kind"),
            ({"contact_email": "not-an-address"}, [], "Contact E-mail"),
            ({"date_deadline": "31.02.2026"}, [], "Valid Until"),
            ({"date_deadline": "2026-03-01"}, [], "Valid Until"),
            ({"faculty_id": "x"}, [], "Faculty"),
            ({"faculty_id": "999999999"}, [], "Faculty"),
            ({}, ["999999999"], "Programmes"),
            ({}, ["1;DROP"], "Programmes"),
            ({"description": "x" * 5001}, [], "Description"),
        ]
        for post, programmes, field in cases:
            with self.subTest(field=field, post=post), self.assertRaisesRegex(UserError, field):
                Offer._alumni_offer_values_from_form({**good, **post}, programmes)
        values = Offer._alumni_offer_values_from_form(
            {
                **good,
                "contact_email": " Maja@Example.com ",
                "date_deadline": "2026-04-01",
                "is_remote": "1",
                "faculty_id": str(self.faculty_tech.id),
            },
            [str(self.programme_it.id)],
        )
        self.assertEqual(values["contact_email"], "maja@example.com")
        self.assertEqual(values["date_deadline"], date(2026, 4, 1))
        self.assertTrue(values["is_remote"])
        self.assertEqual(values["faculty_id"], self.faculty_tech.id)

    def test_stored_offer_checks_contact_email(self):
        with self.assertRaisesRegex(ValidationError, "Contact E-mail"):
            self.offer_job.contact_email = "nope"

    def test_volunteer_pool_by_programme_and_employer(self):
        action = self.env.ref("usn_alumni_network.alumni_network_offer_action_volunteers")
        Offer = self.env["alumni.network.offer"].with_user(self.user_officer)
        pool = Offer.search([*safe_eval(action.domain), ("state", "=", "published")])
        self.assertEqual(pool, self.offer_mentoring | self.offer_lecture)
        context = safe_eval(action.context)
        self.assertTrue(context["search_default_group_member_programme"])
        by_employer = dict(
            Offer._read_group([("id", "in", pool.ids)], ["employer_name"], ["__count"])
        )
        self.assertEqual(by_employer, {False: 1, "Drammen Data AS": 1})
        # Both studied IT: the pool by what the volunteers studied.
        by_programme = dict(
            Offer._read_group([("id", "in", pool.ids)], ["member_programme_ids"], ["__count"])
        )
        self.assertEqual(by_programme, {self.programme_it: 2})
        self._graduate(self.member_b, self.programme_nursing, 2020)
        self.assertEqual(
            self.offer_lecture.member_programme_ids, self.programme_it | self.programme_nursing
        )
        by_programme = dict(
            Offer._read_group([("id", "in", pool.ids)], ["member_programme_ids"], ["__count"])
        )
        self.assertEqual(by_programme, {self.programme_it: 2, self.programme_nursing: 1})

    def test_offer_taken_offline_by_an_officer_stays_offline(self):
        self.offer_job.with_user(self.user_officer).is_published = False
        self.assertTrue(self.offer_job.is_hidden_by_office)
        own = self.offer_job.with_user(self.user_member)
        with self.assertRaisesRegex(UserError, "alumni office"):
            own.action_publish()
        own.action_close()
        with self.assertRaisesRegex(UserError, "alumni office"):
            own.action_publish()
        with self.assertRaises(AccessError):
            own.is_hidden_by_office = False
        self.assertNotIn(self.offer_job, self._found(self.user_member))
        self.offer_job.with_user(self.user_officer).action_publish()
        self.assertFalse(self.offer_job.is_hidden_by_office)
        self.assertIn(self.offer_job, self._found(self.user_member))

    def test_deleted_offer_leaves_no_touchpoint(self):
        offer_id = self.offer_mentoring.id
        self.offer_mentoring.with_user(self.user_officer).unlink()
        self.assertFalse(
            self.env["alumni.lifecycle.event"].search(
                [("res_model", "=", "alumni.network.offer"), ("res_id", "=", offer_id)]
            )
        )
        with self.assertRaises(AccessError):
            self.offer_job.with_user(self.user_member).unlink()

    def test_officer_manages_any_offer(self):
        offer = self.offer_lecture.with_user(self.user_officer)
        offer.is_published = False
        self.assertNotIn(self.offer_lecture, self._found(self.user_member))
        offer.action_close()
        self.assertEqual(self.offer_lecture.state, "closed")
        with self.assertRaises(AccessError):
            self.offer_lecture.with_user(self.user_member_b).is_published = True

    def test_listing_in_bounded_queries(self):
        Offer = self.env["alumni.network.offer"]

        def queries(limit):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            _total, offers = Offer._alumni_offer_search({}, limit=limit, user=self.user_member)
            offers._alumni_offer_members(self.user_member)
            offers.mapped("name")
            return self.env.cr.sql_log_count - before, len(offers)

        for index in range(30):
            person = self._create_person(f"Offerer {index:02}", network_state="member")
            person._record_consent("directory", "given", "staff")
            self._create_offer(person, f"Job {index:02}", kind="job", city=f"City {index}")
        queries(1)  # the viewer's groups and user, cached from then on
        few, found_few = queries(3)
        many, found_many = queries(30)
        self.assertEqual((found_few, found_many), (3, 30))
        self.assertEqual(few, many)

    def test_offer_and_group_menus_for_officers_only(self):
        menus = {
            "usn_alumni_network.alumni_network_offer_menu",
            "usn_alumni_network.alumni_network_offer_menu_volunteers",
            "usn_alumni_network.alumni_network_group_menu",
        }
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                self.assertLessEqual(menus, self._menu_xmlids_shown_to(user))
        for user in (self.user_coordinator, self.user_employee, self.user_portal):
            with self.subTest(user=user.login):
                self.assertFalse(menus & self._menu_xmlids_shown_to(user))

    def test_published_offer_counts_as_network_activity(self):
        rows = self._timeline(self.member)
        self.assertEqual(
            set(rows.mapped("res_id")),
            {self.offer_job.id, self.offer_mentoring.id, self.offer_expired.id},
        )
        self.assertIn(
            "Robotics engineer", rows.filtered(lambda r: r.res_id == self.offer_job.id).name
        )

    def test_back_office_views_open_for_officers(self):
        Offer = self.env["alumni.network.offer"].with_user(self.user_officer)
        views = Offer.get_views(
            [(False, "list"), (False, "form"), (False, "pivot"), (False, "search")]
        )
        self.assertIn("member_programme_ids", views["views"]["pivot"]["arch"])
        Group = self.env["alumni.network.group"].with_user(self.user_officer)
        views = Group.get_views([(False, "list"), (False, "form"), (False, "search")])
        self.assertIn("membership_ids", views["views"]["form"]["arch"])
        pool = self.env.ref("usn_alumni_network.alumni_network_offer_action_volunteers")
        self.assertEqual(
            Offer.read_group(
                [("is_volunteer", "=", True), ("state", "=", "published")],
                ["kind"],
                ["member_programme_ids", "employer_name"],
                lazy=False,
            )[0]["__count"],
            1,
        )
        self.assertEqual(pool.res_model, "alumni.network.offer")
