# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from urllib.parse import urlsplit

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.mail.tests.common import MockEmail

from .common import AlumniNetworkCommon


@tagged("post_install", "-at_install", "security")
class TestContactWebsite(AlumniNetworkCommon, HttpCase, MockEmail):
    """Contact requests from the outside: /alumni/contact/<id>, the e-mail's
    answer links and /my/alumni/contacts. Not under a frozen clock (see
    test_join_website)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["alumni.contact.request"]
        cls.user_member_c = cls._network_user("cora_member", "Cora Member", "member")
        cls.member_c = cls.user_member_c.partner_id
        cls.member_c._record_consent("directory", "given", "staff")
        # The database may hold requests and reports of other people.
        cls.people = (
            cls.member
            | cls.member_b
            | cls.member_c
            | cls.member_public
            | cls.member_unlisted
            | cls.graduate
            | (cls.user_portal | cls.user_pending | cls.user_suspended).partner_id
            | cls.user_made_by_admin.partner_id
            | cls.user_officer.partner_id
        )

    def _all_requests(self):
        return self.Request.search([("sender_id", "in", self.people.ids)])

    def _reports(self, reporter=None):
        return self.env["alumni.contact.report"].search(
            [("reporter_id", "in", (reporter or self.people).ids)]
        )

    def setUp(self):
        super().setUp()
        self.enterContext(self.mock_mail_gateway())

    def _login(self, user):
        if user:
            self.authenticate(user.login, user.login)
        else:
            self.authenticate(None, None)
            self.url_open("/alumni/directory")  # a session for the CSRF token

    def _post(self, url, **data):
        return self.url_open(url, data={"csrf_token": self._csrf_token(), **data})

    def _send(self, recipient, message="Hello Bjørn, coffee?"):
        return self._post(f"/alumni/contact/{recipient.id}", message=message)

    def _requests(self, sender=None):
        sender = sender or self.member
        return self.Request.search([("sender_id", "=", sender.id)])

    def _page(self, url):
        return self.url_open(url).text

    def _path(self, url):
        parts = urlsplit(url)
        return f"{parts.path}?{parts.query}"

    def test_member_sends_from_member_page(self):
        self._login(self.user_member)
        page = self._page(f"/alumni/member/{self.member_b.id}")
        self.assertIn("o_alumni_network_contact_form", page)
        self.assertIn(f'action="/alumni/contact/{self.member_b.id}"', page)
        response = self._send(self.member_b)
        request = self._requests()
        self.assertEqual(len(request), 1)
        self.assertEqual(request.recipient_id, self.member_b)
        self.assertEqual(request.message, "Hello Bjørn, coffee?")
        self.assertTrue(response.url.endswith(f"/my/alumni/contacts/{request.id}?sent=1"))
        self.assertIn("Your request is sent.", response.text)
        self.assertIn("Hello Bjørn, coffee?", response.text)
        page = self._page(f"/alumni/member/{self.member_b.id}")
        self.assertIn("o_alumni_network_contact_pending", page)
        self.assertNotIn("o_alumni_network_contact_form", page)

    def test_post_without_csrf_refused(self):
        self._login(self.user_member)
        response = self.url_open(f"/alumni/contact/{self.member_b.id}", data={"message": "Hi"})
        self.assertEqual(response.status_code, 400)
        response = self.url_open(
            f"/alumni/contact/{self.member_b.id}", data={"message": "Hi", "csrf_token": "forged"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._requests())

    def test_get_does_not_send(self):
        self._login(self.user_member)
        response = self.url_open(f"/alumni/contact/{self.member_b.id}?message=Hi")
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(self._requests())

    def test_non_members_refused(self):
        for user in (None, self.user_portal, self.user_pending, self.user_made_by_admin):
            with self.subTest(user=user and user.login):
                self._login(user)
                page = self._page(f"/alumni/member/{self.member_public.id}")
                self.assertNotIn("o_alumni_network_contact_form", page)
                response = self._send(self.member_public)
                self.assertIn("Only members of the alumni network", response.text)
                self.assertEqual(self._send(self.member_b).status_code, 404)
        self.assertFalse(self._all_requests())

    def test_suspended_member_refused(self):
        self._login(self.user_suspended)
        self.assertEqual(self._send(self.member_public).status_code, 404)
        self.assertFalse(self._all_requests())

    def test_hidden_or_missing_member_not_found(self):
        self._login(self.user_member)
        missing = self.env["res.partner"].search([], order="id desc", limit=1).id + 1000
        for partner_id in (
            self.member_unlisted.id,
            self.graduate.id,
            self.user_pending.partner_id.id,
            missing,
        ):
            with self.subTest(partner_id=partner_id):
                self.assertEqual(
                    self._post(f"/alumni/contact/{partner_id}", message="Hi").status_code, 404
                )
        self.assertFalse(self._requests())

    def test_refusals_shown_with_message_kept(self):
        self._login(self.user_member)
        response = self._send(self.member, message="Me, myself")
        self.assertIn("o_alumni_network_contact_error", response.text)
        self.assertIn("to yourself", response.text)
        self.assertFalse(self._requests())
        response = self._send(self.member_b, message="")
        self.assertIn("field “Message”", response.text)
        self._send(self.member_b, message="First")
        response = self._send(self.member_b, message="Second try")
        self.assertIn("already asked", response.text)
        self.assertEqual(self._requests().mapped("message"), ["First"])

    def test_rate_limit_shown_and_nothing_stored(self):
        self.env["ir.config_parameter"].set_param(
            "usn_alumni_network.contact_requests_per_day", "1"
        )
        self._login(self.user_member)
        self._send(self.member_b)
        response = self._send(self.member_c, message="Hello Cora")
        self.assertIn("o_alumni_network_contact_error", response.text)
        self.assertIn("last 24 hours", response.text)
        self.assertIn("Hello Cora", response.text)
        self.assertEqual(self._requests().recipient_id, self.member_b)

    def _request_by_maja(self):
        self._login(self.user_member)
        self._send(self.member_b)
        return self._requests()

    def test_accept_by_signed_link(self):
        request = self._request_by_maja()
        mail = self.env["mail.mail"].search(
            [("model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertIn(request._alumni_answer_url("accept").replace("&", "&amp;"), mail.body_html)
        self._login(None)
        url = self._path(request._alumni_answer_url("accept"))
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_alumni_network_answer_form", page.text)
        self.assertEqual(request.state, "pending", "GET only asks to confirm")
        token = request._alumni_answer_token("accept")
        response = self._post(url.split("?")[0], token=token)
        self.assertIn("o_alumni_network_answered", response.text)
        self.assertEqual(request.state, "accepted")
        # The link does not work twice.
        self.assertIn("already answered", self.url_open(url).text)

    def test_decline_by_signed_link(self):
        request = self._request_by_maja()
        self._login(None)
        url = self._path(request._alumni_answer_url("decline"))
        self._post(url.split("?")[0], token=request._alumni_answer_token("decline"))
        self.assertEqual(request.state, "declined")

    def test_tampered_token_refused_nothing_changed(self):
        request = self._request_by_maja()
        other = self.Request.sudo().create(
            {"sender_id": self.member_c.id, "recipient_id": self.member_b.id, "message": "x"}
        )
        self._login(None)
        accept = request._alumni_answer_token("accept")
        decline = request._alumni_answer_token("decline")
        attempts = [
            (f"/alumni/contact/answer/{request.id}/accept", accept[::-1]),
            (f"/alumni/contact/answer/{request.id}/accept", decline),
            (f"/alumni/contact/answer/{request.id}/accept", ""),
            (f"/alumni/contact/answer/{other.id}/accept", accept),
            (f"/alumni/contact/answer/{request.id}/block", accept),
        ]
        for url, token in attempts:
            with self.subTest(url=url, token=token[:6]):
                self.assertEqual(self.url_open(f"{url}?token={token}").status_code, 404)
                self.assertEqual(self._post(url, token=token).status_code, 404)
        # Without the CSRF token, the right link does nothing either.
        response = self.url_open(
            f"/alumni/contact/answer/{request.id}/accept", data={"token": accept}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(request.state, "pending")
        self.assertEqual(other.state, "pending")

    def test_portal_lists_own_requests_only(self):
        request = self._request_by_maja()
        other = self.Request.sudo().create(
            {"sender_id": self.member_c.id, "recipient_id": self.member_public.id, "message": "x"}
        )
        page = self.url_open("/my/alumni/contacts").text
        self.assertIn(f'href="/my/alumni/contacts/{request.id}"', page)
        self.assertNotIn(f'href="/my/alumni/contacts/{other.id}"', page)
        self.assertIn("Bjørn Member", page)
        self.assertNotIn("Petter Public", page)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["alumni_contact_count"]})
        self.assertEqual(counters["alumni_contact_count"], 1)
        self.assertIn("/my/alumni/contacts", self.url_open("/my/home").text)

    def test_other_member_cannot_open_or_answer_by_id(self):
        request = self._request_by_maja()
        for user in (self.user_member_c, self.user_officer, self.user_portal):
            with self.subTest(user=user.login):
                self._login(user)
                url = f"/my/alumni/contacts/{request.id}"
                self.assertEqual(self.url_open(url).status_code, 404)
                for answer in ("accept", "decline", "block"):
                    self.assertEqual(self._post(f"{url}/answer", answer=answer).status_code, 404)
                self.assertEqual(self._post(f"{url}/report", reason="x").status_code, 404)
        # The sender cannot answer their own request.
        self._login(self.user_member)
        page = self._page(f"/my/alumni/contacts/{request.id}")
        self.assertNotIn("o_alumni_network_accept", page)
        response = self._post(f"/my/alumni/contacts/{request.id}/answer", answer="accept")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(request.state, "pending")
        self.assertFalse(self._reports())

    def test_accept_in_portal_shows_emails_to_the_two_only(self):
        request = self._request_by_maja()
        self.assertNotIn(
            "bjorn_member@example.com", self._page(f"/my/alumni/contacts/{request.id}")
        )
        self.assertNotIn(
            "bjorn_member@example.com", self._page(f"/alumni/member/{self.member_b.id}")
        )
        self._login(self.user_member_b)
        page = self._page(f"/my/alumni/contacts/{request.id}")
        self.assertIn("o_alumni_network_accept", page)
        self.assertNotIn("maja_member@example.com", page)
        self.assertNotIn("maja_member@example.com", self._page(f"/alumni/member/{self.member.id}"))
        response = self._post(f"/my/alumni/contacts/{request.id}/answer", answer="accept")
        self.assertEqual(request.state, "accepted")
        self.assertIn("maja_member@example.com", response.text)
        self.assertIn('id="discussion"', response.text)
        self.assertIn("maja_member@example.com", self._page(f"/alumni/member/{self.member.id}"))
        self._login(self.user_member)
        self.assertIn("bjorn_member@example.com", self._page(f"/my/alumni/contacts/{request.id}"))
        self.assertIn("bjorn_member@example.com", self._page(f"/alumni/member/{self.member_b.id}"))
        self._login(self.user_member_c)
        self.assertNotIn(
            "bjorn_member@example.com", self._page(f"/alumni/member/{self.member_b.id}")
        )
        self.assertNotIn("maja_member@example.com", self._page(f"/alumni/member/{self.member.id}"))

    def _post_message(self, request, body):
        return self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": request._name,
                "thread_id": request.id,
                "post_data": {"body": body, "message_type": "comment"},
            },
        )

    def test_discussion_for_the_two_after_acceptance(self):
        request = self._request_by_maja()
        with self.assertRaisesRegex(JsonRpcException, "Not Found|NotFound"):
            self._post_message(request, "Too early")
        request.with_user(self.user_member_b)._alumni_answer("accept")
        self._post_message(request, "Hi Bjørn, Thursday?")
        self._login(self.user_member_b)
        self._post_message(request, "Thursday is fine")
        self._login(self.user_member_c)
        with self.assertRaisesRegex(JsonRpcException, "Not Found|NotFound"):
            self._post_message(request, "Intruder")
        bodies = request.message_ids.mapped("body")
        self.assertTrue(any("Thursday?" in body for body in bodies))
        self.assertTrue(any("Thursday is fine" in body for body in bodies))
        self.assertFalse(any("Intruder" in body or "Too early" in body for body in bodies))
        authors = request.message_ids.filtered(lambda m: "Thursday" in m.body).author_id
        self.assertEqual(authors, self.member | self.member_b)

    def test_discussion_email_links_open_the_portal_page(self):
        request = self._request_by_maja()
        request.with_user(self.user_member_b)._alumni_answer("accept")
        self._login(self.user_member_b)
        response = self.url_open(
            f"/mail/view?model={request._name}&res_id={request.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(f"/my/alumni/contacts/{request.id}"))

    def test_block_in_portal_hides_and_prevents_resend(self):
        request = self._request_by_maja()
        self._login(self.user_member_b)
        self._post(f"/my/alumni/contacts/{request.id}/answer", answer="block")
        self.assertEqual(request.state, "blocked")
        self.assertEqual(self.url_open(f"/alumni/member/{self.member.id}").status_code, 404)
        self.assertNotIn("Maja Member", self.url_open("/alumni/directory").text)
        self._login(self.user_member)
        self.assertEqual(self.url_open(f"/alumni/member/{self.member_b.id}").status_code, 404)
        self.assertNotIn("Bjørn Member", self.url_open("/alumni/directory").text)
        self.assertEqual(self._send(self.member_b, message="Again").status_code, 404)
        self.assertEqual(len(self._requests()), 1)
        # To Maja, the request reads as declined.
        page = self._page(f"/my/alumni/contacts/{request.id}")
        self.assertIn("Declined", page)
        self.assertNotIn("Blocked", page)

    def test_report_member_and_request(self):
        request = self._request_by_maja()
        self._login(self.user_member_b)
        response = self._post(f"/my/alumni/contacts/{request.id}/report", reason="")
        self.assertIn("field “Reason”", response.text)
        self.assertFalse(self._reports())
        self._post(f"/my/alumni/contacts/{request.id}/report", reason="Selling courses")
        report = self._reports()
        self.assertEqual(report.reporter_id, self.member_b)
        self.assertEqual(report.reported_partner_id, self.member)
        self.assertEqual(report.request_id, request)
        response = self._post(f"/alumni/member/{self.member_public.id}/report", reason="Fake")
        self.assertIn("o_alumni_network_reported", response.text)
        self.assertEqual(len(self._reports()), 2)
        # Not about someone hidden from the reporter.
        response = self._post(f"/alumni/member/{self.member_unlisted.id}/report", reason="x")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(len(self._reports()), 2)
        # Without the CSRF token: nothing.
        response = self.url_open(
            f"/alumni/member/{self.member_public.id}/report", data={"reason": "y"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(len(self._reports(self.member_b)), 2)

    def test_member_sends_and_other_accepts_tour(self):
        self.start_tour(
            f"/alumni/member/{self.member_b.id}",
            "usn_alumni_network_contact_send_tour",
            login=self.user_member.login,
        )
        request = self._requests()
        self.assertEqual(request.recipient_id, self.member_b)
        self.assertEqual(request.state, "pending")
        self.start_tour(
            "/my/alumni/contacts",
            "usn_alumni_network_contact_accept_tour",
            login=self.user_member_b.login,
        )
        self.assertEqual(request.state, "accepted")
