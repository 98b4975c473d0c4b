# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import AlumniCommon


@tagged("post_install", "-at_install")
class TestConsentViews(AlumniCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls._create_person("Cato Consent")
        cls.person._record_consent("newsletter", "given", "portal", date="2025-01-10 09:00:00")
        cls.person._record_consent("newsletter", "withdrawn", "email", date="2025-06-01 09:00:00")
        cls.person._record_consent("evu_email", "given", "event", date="2025-03-05 09:00:00")
        cls.action = cls.env.ref("usn_alumni_base.alumni_consent_action")

    def _arch(self, view_type, user):
        Consent = self.env["alumni.consent"].with_user(user)
        return etree.fromstring(Consent.get_view(view_type=view_type)["arch"])

    def _search(self, user, domain=(), context=None):
        context = {**safe_eval(self.action.context), **(context or {})}
        return (
            self.env["alumni.consent"]
            .with_user(user)
            .with_context(**context)
            .search([("partner_id", "=", self.person.id), *domain])
        )

    def _filter_domain(self, name):
        arch = self._arch("search", self.user_officer)
        return safe_eval(arch.xpath(f"//filter[@name='{name}']")[0].get("domain"))

    def test_consents_menu_is_in_the_alumni_app(self):
        for user in (self.user_officer, self.user_coordinator, self.user_manager):
            with self.subTest(user=user.login):
                self.assertIn(
                    "usn_alumni_base.menu_alumni_consents", self._menu_xmlids_shown_to(user)
                )
        self.assertNotIn(
            "usn_alumni_base.menu_alumni_consents", self._menu_xmlids_shown_to(self.user_employee)
        )

    def test_current_answers_are_shown_by_default(self):
        self.assertEqual(safe_eval(self.action.context), {"search_default_current": 1})
        current = self._search(self.user_officer, self._filter_domain("current"))
        self.assertEqual(
            sorted(current.mapped(lambda c: (c.purpose_id.code, c.state))),
            [("evu_email", "given"), ("newsletter", "withdrawn")],
        )
        history = self._search(self.user_officer, self._filter_domain("superseded"))
        self.assertEqual(
            history.mapped(lambda c: (c.purpose_id.code, c.state)), [("newsletter", "given")]
        )
        self.assertEqual(len(self._search(self.user_officer)), 3)

    def test_answers_filter_and_group_by_purpose_date_and_source(self):
        arch = self._arch("search", self.user_officer)
        panel = {node.get("name") for node in arch.xpath("//searchpanel/field")}
        self.assertEqual(panel, {"purpose_id", "source"})
        group_bys = {
            safe_eval(node.get("context"))["group_by"] for node in arch.xpath("//group/filter")
        }
        self.assertLessEqual({"purpose_id", "source", "date:month", "state"}, group_bys)
        self.assertEqual(arch.xpath("//filter[@date]")[0].get("date"), "date")

        Consent = self.env["alumni.consent"].with_user(self.user_officer)
        domain = [("partner_id", "=", self.person.id)]
        by_purpose = {
            purpose.code: count
            for purpose, count in Consent._read_group(domain, ["purpose_id"], ["__count"])
        }
        self.assertEqual(by_purpose, {"newsletter": 2, "evu_email": 1})
        panel = Consent.search_panel_select_multi_range(
            "purpose_id", search_domain=domain, enable_counters=True
        )
        counts = {value["display_name"]: value["__count"] for value in panel["values"]}
        self.assertEqual(counts[self.env.ref("usn_alumni_base.consent_purpose_newsletter").name], 2)
        by_source = dict(Consent._read_group(domain, ["source"], ["__count"]))
        self.assertEqual(by_source, {"portal": 1, "email": 1, "event": 1})

    def test_consent_views_only_read(self):
        for view_type in ("list", "form"):
            arch = self._arch(view_type, self.user_manager)
            with self.subTest(view_type=view_type):
                for attribute in ("create", "edit", "delete"):
                    self.assertIn(arch.get(attribute), ("0", "false"), attribute)

    def test_coordinator_sees_the_answers_of_their_people(self):
        self._enroll(self.person, self.programme_it)
        self.assertFalse(self._search(self.user_coordinator))
        self._enroll(self.person, self.programme_nursing)
        self.assertEqual(len(self._search(self.user_coordinator)), 3)
