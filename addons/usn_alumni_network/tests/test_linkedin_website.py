# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json
import re
import time
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools.misc import hmac

from ..tools import linkedin
from .common import AlumniNetworkCommon
from .test_linkedin_tools import positions_csv, zipped

ROWS = (
    # Maja's position of the common data, typed differently: a duplicate.
    '"kongsberg robotics","Lead Engineer","","Kongsberg","Jan 2021",""\n',
    '"Telenor","Developer","Apps","Oslo","Aug 2016","Dec 2020"\n',
    '"Telenor","Developer","Apps","Oslo","Aug 2016","Dec 2020"\n',
    '"USN","Teaching assistant","","Kongsberg","2015","2016"\n',
)


@tagged("post_install", "-at_install")
class TestLinkedInWebsite(AlumniNetworkCommon, HttpCase):
    """/my/alumni/linkedin: a member's positions from LinkedIn's data
    export, previewed, then saved. Not under a frozen clock (see
    test_join_website)."""

    def setUp(self):
        super().setUp()
        self.authenticate(self.user_member.login, self.user_member.login)

    def _positions(self, partner=None):
        return self.env["alumni.career.position"].search(
            [("partner_id", "=", (partner or self.member).id)]
        )

    def _upload(self, data, filename="Positions.csv", csrf=True):
        return self.url_open(
            "/my/alumni/linkedin",
            data={"csrf_token": self._csrf_token()} if csrf else {},
            files={"linkedin_file": (filename, data, "application/octet-stream")},
        )

    def _signed(self, response):
        payload = re.search(r'name="payload" value="([^"]*)"', response.text).group(1)
        signature = re.search(r'name="signature" value="([^"]*)"', response.text).group(1)
        return payload, signature

    def _save(self, payload, signature):
        return self.url_open(
            "/my/alumni/linkedin/save",
            data={"csrf_token": self._csrf_token(), "payload": payload, "signature": signature},
        )

    def test_preview_marks_duplicates_and_saves_new_positions_as_linkedin(self):
        response = self._upload(zipped(positions_csv(*ROWS, notes=True)), "export.zip")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.text.count("o_alumni_linkedin_new"), 2)
        self.assertEqual(response.text.count("o_alumni_linkedin_duplicate"), 2)
        self.assertIn("Already on your profile", response.text)
        self.assertIn("Twice in the file", response.text)
        self.assertEqual(len(self._positions()), 1, "the preview stores nothing")

        response = self._save(*self._signed(response))
        self.assertIn("linkedin_saved=2", response.url)
        self.assertIn("o_alumni_linkedin_saved", response.text)
        new = self._positions().filtered(lambda p: p.source == "linkedin")
        self.assertEqual(
            sorted((p.title, p.employer_name, p.start_date, p.end_date, p.is_current) for p in new),
            [
                ("Developer", "Telenor", date(2016, 8, 1), date(2020, 12, 31), False),
                ("Teaching assistant", "USN", date(2015, 1, 1), date(2016, 12, 31), False),
            ],
        )
        self.assertEqual(len(self._positions()), 3)

    def test_saving_the_preview_twice_adds_nothing_more(self):
        signed = self._signed(self._upload(positions_csv(*ROWS)))
        self._save(*signed)
        self._save(*signed)
        self.assertEqual(len(self._positions()), 3)

    def test_tampered_preview_refused(self):
        payload, signature = self._signed(self._upload(positions_csv(*ROWS)))
        content = json.loads(base64.urlsafe_b64decode(payload))
        content["rows"][0]["title"] = "Chief executive"
        forged = base64.urlsafe_b64encode(json.dumps(content).encode()).decode()
        for data in ((forged, signature), (payload, "0" * 64), (payload, "")):
            with self.subTest(data=data[1][:8]):
                response = self._save(*data)
                self.assertIn("o_alumni_linkedin_error", response.text)
                self.assertIn("could not be checked", response.text)
        self.assertEqual(len(self._positions()), 1)

    def test_preview_of_another_member_cannot_be_saved(self):
        # Bjørn's own preview, posted by Maja: signed, but not for her.
        Position = self.env["alumni.career.position"].with_user(self.user_member_b)
        positions = Position._linkedin_mark_duplicates(
            self.member_b, linkedin.read_positions(positions_csv(*ROWS), "Positions.csv")
        )
        payload, signature = Position._linkedin_sign(self.member_b, positions)
        response = self._save(payload, signature)
        self.assertIn("o_alumni_linkedin_error", response.text)
        self.assertEqual(len(self._positions()), 1)
        self.assertEqual(len(self._positions(self.member_b)), 1)

    def test_old_preview_refused(self):
        Position = self.env["alumni.career.position"].with_user(self.user_member)
        payload, __ = Position._linkedin_sign(self.member, [])
        content = json.loads(base64.urlsafe_b64decode(payload))
        content["time"] = int(time.time()) - 2 * 3600
        payload = base64.urlsafe_b64encode(json.dumps(content).encode()).decode()
        signature = hmac(self.env(su=True), "usn_alumni_network.linkedin_import", payload)
        with self.assertRaisesRegex(UserError, "more than an hour old"):
            Position._linkedin_unsign(self.member, payload, signature)

    def test_bad_rows_named_and_nothing_stored(self):
        response = self._upload(
            positions_csv(
                '"Acme","","","","Mar 2019",""\n',
                '"Acme","Engineer","","","Marsch 2019",""\n',
                '"Acme","Fine","","","Mar 2020",""\n',
            )
        )
        self.assertIn("o_alumni_linkedin_error", response.text)
        self.assertIn("Line 2: the column “Title” is empty.", response.text)
        self.assertIn("Line 3, column “Started On”: “Marsch 2019”", response.text)
        self.assertNotIn('name="payload"', response.text)
        self.assertEqual(len(self._positions()), 1)

    def test_bad_files_refused_by_name(self):
        cases = [
            (b"\x89PNG\r\n\x1a\n\x00\x00", "me.png", "neither LinkedIn"),
            (zipped(None), "export.zip", "holds no Positions.csv"),
            (b'"Company","Title"\n"A","B"\n', "Positions.csv", "lacks the columns"),
            (positions_csv() + b" " * linkedin.MAX_BYTES, "Positions.csv", "larger than 5 MB"),
        ]
        for data, filename, message in cases:
            with self.subTest(filename=filename, message=message):
                response = self._upload(data, filename)
                self.assertIn("o_alumni_linkedin_error", response.text)
                self.assertIn(message, response.text)
        self.assertEqual(len(self._positions()), 1)

    def test_upload_and_save_need_csrf(self):
        self.assertEqual(self._upload(positions_csv(*ROWS), csrf=False).status_code, 400)
        signed = self._signed(self._upload(positions_csv(*ROWS)))
        response = self.url_open(
            "/my/alumni/linkedin/save", data={"payload": signed[0], "signature": signed[1]}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(len(self._positions()), 1)

    def test_only_members_import(self):
        for user in (self.user_pending, self.user_suspended, self.user_portal):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                self.assertEqual(self.url_open("/my/alumni/linkedin").status_code, 404)
                self.assertEqual(self._upload(positions_csv(*ROWS)).status_code, 404)
        self.authenticate(None, None)
        response = self.url_open("/my/alumni/linkedin", allow_redirects=False)
        self.assertIn("/web/login", response.headers.get("Location", ""))

    def test_portal_user_cannot_claim_linkedin_source(self):
        position = (
            self.env["alumni.career.position"]
            .with_user(self.user_member)
            .create({"partner_id": self.member.id, "title": "Typed", "source": "linkedin"})
        )
        self.assertEqual(position.source, "self")

    def test_member_adds_positions_from_linkedin_in_the_browser(self):
        self.start_tour(
            "/my/alumni", "usn_alumni_network_linkedin_tour", login=self.user_member.login
        )
        new = self._positions().filtered(lambda p: p.source == "linkedin")
        self.assertEqual(new.mapped("title"), ["Product owner"])
        self.assertEqual(new.start_date, date(2022, 5, 1))
        self.assertTrue(new.is_current)
