# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import NOW, AlumniNetworkCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestVisibility(AlumniNetworkCommon):
    """res.partner's visibility methods: who sees which members, which fields."""

    def _visible(self, people, user):
        Partner = self.env["res.partner"].with_user(user) if user else self.env["res.partner"]
        return {
            profile["id"]: profile
            for profile in Partner.browse(people.ids)._alumni_visible_profiles(user=user)
        }

    @property
    def everyone(self):
        return (
            self.member
            | self.member_b
            | self.member_unlisted
            | self.member_public
            | self.graduate
            | self.user_pending.partner_id
            | self.user_suspended.partner_id
        )

    def test_nothing_is_shared_by_default(self):
        partner = self._create_person("New Person")
        for name in (
            "visibility_email",
            "visibility_phone",
            "visibility_employer",
            "visibility_city",
            "visibility_career",
        ):
            self.assertEqual(partner[name], "nobody")
        self.assertEqual(partner.visibility_profile, "members")

    def test_member_sees_listed_members_only(self):
        visible = self._visible(self.everyone, self.user_member_b)
        self.assertEqual(set(visible), {self.member.id, self.member_b.id, self.member_public.id})

    def test_visitor_and_non_members_see_public_pages_only(self):
        public_user = self.env.ref("base.public_user")
        for user in (public_user, self.user_portal, self.user_pending, self.user_made_by_admin):
            with self.subTest(user=user.login):
                visible = self._visible(self.everyone, user)
                self.assertEqual(set(visible), {self.member_public.id})
                self.assertEqual(visible[self.member_public.id]["city"], "Bø")

    def test_suspended_member_sees_nothing(self):
        self.assertEqual(self._visible(self.everyone, self.user_suspended), {})
        total, profiles = self.env["res.partner"]._alumni_directory_search(
            {}, user=self.user_suspended
        )
        self.assertEqual((total, profiles), (0, []))
        choices = self.env["res.partner"]._alumni_directory_choices(user=self.user_suspended)
        self.assertFalse(any(choices.values()))

    def test_officer_sees_every_member_but_not_hidden_fields(self):
        visible = self._visible(self.everyone, self.user_officer)
        self.assertEqual(
            set(visible),
            {self.member.id, self.member_b.id, self.member_public.id, self.member_unlisted.id},
        )
        self.assertFalse(visible[self.member_b.id]["employer"])

    def test_fields_follow_each_visibility(self):
        maja = self._visible(self.member, self.user_member_b)[self.member.id]
        self.assertEqual(maja["employer"], "Kongsberg Robotics")
        self.assertEqual(maja["city"], "Kongsberg")
        self.assertEqual([p["title"] for p in maja["career"]], ["Lead engineer"])
        self.assertFalse(maja["email"])
        self.assertFalse(maja["phone"])
        bjorn = self._visible(self.member_b, self.user_member)[self.member_b.id]
        for name in ("email", "phone", "employer", "industry", "title", "city", "linkedin_url"):
            self.assertFalse(bjorn[name], name)
        self.assertEqual(bjorn["career"], [])

    def test_career_list_does_not_reveal_a_hidden_employer(self):
        self.member_b.visibility_career = "members"
        bjorn = self._visible(self.member_b, self.user_member)[self.member_b.id]
        self.assertEqual(bjorn["career"][0]["title"], "Analyst")
        self.assertFalse(bjorn["career"][0]["employer"])

    def test_member_sees_all_of_own_profile(self):
        own = self._visible(self.member_b, self.user_member_b)[self.member_b.id]
        self.assertEqual(own["employer"], "Secret Employer AS")
        self.assertEqual(own["city"], "Drammen")

    def test_own_page_gone_once_suspended_or_left(self):
        self.member_b.network_state = "suspended"
        self.assertEqual(self._visible(self.member_b, self.user_member_b), {})
        self.member_b.network_state = "none"
        self.assertEqual(self._visible(self.member_b, self.user_member_b), {})

    def test_withdrawn_directory_consent_unlists_at_once(self):
        self.member._record_consent("directory", "withdrawn", "staff")
        self.assertNotIn(self.member.id, self._visible(self.member, self.user_member_b))

    def test_deceased_member_is_not_listed(self):
        self.member.is_deceased = True
        self.assertNotIn(self.member.id, self._visible(self.member, self.user_member_b))

    def test_filters_do_not_match_hidden_values(self):
        Partner = self.env["res.partner"]
        for filters in (
            {"employer": "Secret"},
            {"search": "Secret Employer"},
            {"city": "Drammen"},
            {"industry": self.industry_health.id},
        ):
            with self.subTest(filters=filters):
                _total, profiles = Partner._alumni_directory_search(filters, user=self.user_member)
                self.assertNotIn(self.member_b.id, [p["id"] for p in profiles])
        _total, profiles = Partner._alumni_directory_search(
            {"employer": "kongsberg robot"}, user=self.user_member_b
        )
        self.assertEqual([p["id"] for p in profiles], self.member.ids)

    def test_filter_choices_show_no_hidden_value(self):
        choices = self.env["res.partner"]._alumni_directory_choices(user=self.user_member)
        self.assertIn("Kongsberg", choices["cities"])
        self.assertNotIn("Drammen", choices["cities"])
        visitor = self.env["res.partner"]._alumni_directory_choices(
            user=self.env.ref("base.public_user")
        )
        self.assertEqual(visitor["cities"], ["Bø"])
        self.assertEqual(visitor["industries"], [])
        self.assertEqual([name for _id, name in visitor["programmes"]], ["Bachelor in Nursing"])

    def test_bad_filter_names_the_parameter(self):
        with self.assertRaisesRegex(UserError, "Graduation year"):
            self.env["res.partner"]._alumni_directory_clean_filters(
                {"graduation_year": "1) OR 1=1"}
            )
        filters = self.env["res.partner"]._alumni_directory_clean_filters(
            {"search": "  O'Brien%_ ", "graduation_year": "2018", "page": "2"}
        )
        self.assertEqual(filters, {"search": "O'Brien%_", "graduation_year": 2018})

    def test_search_text_is_a_parameter(self):
        _total, profiles = self.env["res.partner"]._alumni_directory_search(
            {"search": "' OR 1=1 --"}, user=self.user_member
        )
        self.assertEqual(profiles, [])

    def test_directory_search_in_bounded_queries(self):
        Partner = self.env["res.partner"].with_user(self.user_member)
        for index in range(30):
            person = self._create_person(f"Listed {index:02}", network_state="member")
            self._graduate(person, self.programme_it, 2018)
            person._record_consent("directory", "given", "staff")
        Partner._alumni_directory_search({}, limit=5, user=self.user_member)
        self.env.invalidate_all()
        with self.assertQueryCount(40):
            total, profiles = Partner._alumni_directory_search({}, limit=20, user=self.user_member)
        self.assertEqual(len(profiles), 20)
        self.assertGreater(total, 30)
