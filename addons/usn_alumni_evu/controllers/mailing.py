# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.http import request

from odoo.addons.mass_mailing.controllers.main import MassMailController

from ..models.res_partner_campaign import EVU_CONSENT, PREFERENCES_PATH

# The highest monthly number of mailings a person can choose.
MAX_MAILINGS_CHOICE = 30


class AlumniEvuMailing(MassMailController):
    """Leaving an offers mailing, and the signed preferences page.

    The unsubscribe link of an offers mailing withdraws the person's consent
    to continuing-education offers by e-mail, and only that: their address
    is not blacklisted, so the university's other messages still reach them.
    """

    def _mailing_unsubscribe_from_document(self, mailing, document_id, email, hash_token):
        if not (mailing.alumni_evu_offer_ids and mailing.mailing_model_real == "res.partner"):
            return super()._mailing_unsubscribe_from_document(
                mailing, document_id, email, hash_token
            )
        # The caller checked the mailing's token: it was made for this mailing,
        # this document (the person) and this address.
        person = request.env["res.partner"].sudo().browse(int(document_id)).exists()
        if person:
            person._alumni_evu_withdraw_from_mailing(mailing, email)
        return request.render(
            "usn_alumni_evu.alumni_evu_unsubscribed",
            {
                "mailing": mailing,
                "preferences_url": person._alumni_evu_preferences_path() if person else False,
            },
        )

    @http.route(
        f"{PREFERENCES_PATH}/<int:partner_id>/<string:token>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET", "POST"],
    )
    def alumni_evu_preferences(self, partner_id, token, **post):
        """The person's subjects, their monthly number of mailings and their
        consent to offers by e-mail, from the signed link of a mailing (no
        login). POST saves them (Odoo checks the CSRF token)."""
        person = request.env["res.partner"]._alumni_evu_person_from_token(partner_id, token)
        if not person:
            raise Forbidden()
        values = {"saved": False, "error": False}
        if request.httprequest.method == "POST":
            choices, error = self._alumni_evu_read_preferences(post)
            if error:
                values["error"] = error
                values["submitted"] = choices
            else:
                person._alumni_evu_save_preferences(
                    choices["interest_ids"],
                    choices["max_mailings_per_month"],
                    choices["evu_email"],
                    evidence=self._alumni_evu_evidence(),
                )
                values["saved"] = True
        return request.render(
            "usn_alumni_evu.alumni_evu_preferences_page",
            self._alumni_evu_preferences_values(person, token, values),
        )

    def _alumni_evu_read_preferences(self, post):
        """The submitted choices, and an error message naming the bad field."""
        form = request.httprequest.form
        Interest = request.env["alumni.interest"]
        try:
            interest_ids = [int(value) for value in form.getlist("interest_ids")]
        except ValueError:
            interest_ids = None
        raw_count = (post.get("max_mailings_per_month") or "").strip()
        choices = {
            "interest_ids": interest_ids or [],
            "max_mailings_per_month": raw_count,
            "evu_email": bool(post.get("evu_email")),
        }
        known = Interest.search([("id", "in", interest_ids)]).ids if interest_ids else []
        if interest_ids is None or len(known) != len(set(interest_ids)):
            return choices, request.env._("Subjects: one of the chosen subjects does not exist.")
        try:
            count = int(raw_count)
        except ValueError:
            count = -1
        if not 0 <= count <= MAX_MAILINGS_CHOICE:
            return choices, request.env._(
                "Mailings per month: give a whole number from 0 to %(most)s.",
                most=MAX_MAILINGS_CHOICE,
            )
        choices["max_mailings_per_month"] = count
        return choices, False

    def _alumni_evu_preferences_values(self, person, token, values):
        submitted = values.pop("submitted", None)
        if submitted:
            chosen = set(submitted["interest_ids"])
            count = submitted["max_mailings_per_month"]
            consents = submitted["evu_email"]
        else:
            chosen = set(person.interest_ids.ids)
            count = person.max_mailings_per_month
            consents = bool(person._has_consent(EVU_CONSENT))
        return {
            **values,
            "person": person,
            "action_url": f"{PREFERENCES_PATH}/{person.id}/{token}",
            "interests": request.env["alumni.interest"].search([]),
            "chosen_interest_ids": chosen,
            "max_mailings_per_month": count,
            "max_mailings_choice": MAX_MAILINGS_CHOICE,
            "evu_email": consents,
        }

    def _alumni_evu_evidence(self):
        address = request.httprequest.remote_addr or request.env._("unknown")
        agent = request.httprequest.user_agent.string or request.env._("unknown")
        return request.env._(
            "Answered on the preferences page of the signed link sent by e-mail, from the "
            "address %(address)s with the browser %(agent)s.",
            address=address,
            agent=agent,
        )
