# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup
from werkzeug.urls import url_join

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import hash_sign, verify_hash_signed

EVU_CONSENT = "evu_email"
PREFERENCES_SCOPE = "usn_alumni_evu-preferences"
PREFERENCES_PATH = "/alumni/evu/preferences"
PREFERENCES_DAYS_PARAM = "usn_alumni_evu.preferences_link_days"
# The offers a recipient is shown at most.
OFFERS_PER_MESSAGE = 3
# Where a recipient's reasons go in an offer rendered for the whole batch.
REASONS_MARK = Markup("<!--alumni-evu-reasons-->")
# Who builds and sends the campaigns: the fields below are theirs.
CAMPAIGN_GROUPS = "mass_mailing.group_mass_mailing_user,usn_alumni_base.group_alumni_faculty"


# The matching's triggers on people are in res_partner.py; the campaigns'
# fields are here, apart, so that each part of the addon keeps its own file.
class ResPartner(models.Model):
    """What an offers mailing needs to know of a person: who may be mailed,
    their best offers of the mailing, and their signed preferences link."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    alumni_evu_match_ids = fields.One2many(
        "alumni.evu.match",
        "partner_id",
        string="Continuing Education Matches",
        readonly=True,
    )
    alumni_evu_can_email = fields.Boolean(
        string="Can Receive Offers by E-mail",
        compute="_compute_alumni_evu_can_email",
        search="_search_alumni_evu_can_email",
        groups=CAMPAIGN_GROUPS,
        help="Agreed to continuing-education offers by e-mail, has an address that is "
        "not blacklisted and is not deceased.",
    )
    alumni_evu_offers_html = fields.Html(
        string="Offers for the Person",
        compute="_compute_alumni_evu_offers_html",
        sanitize=False,
        groups=CAMPAIGN_GROUPS,
        help="In an offers mailing: the person's best offers of the mailing, with the "
        "reasons they fit.",
    )
    alumni_evu_preferences_url = fields.Char(
        string="Preferences Link",
        compute="_compute_alumni_evu_preferences_url",
        groups=CAMPAIGN_GROUPS,
        help="Signed link to the page where the person chooses their subjects, how many "
        "mailings they receive and whether they want offers by e-mail.",
    )
    alumni_evu_preferences_html = fields.Html(
        string="Preferences Link in a Mailing",
        compute="_compute_alumni_evu_preferences_url",
        sanitize=False,
        groups=CAMPAIGN_GROUPS,
    )

    def _compute_alumni_evu_can_email(self):
        reachable = self._alumni_evu_reachable()
        for partner in self:
            partner.alumni_evu_can_email = partner in reachable

    def _search_alumni_evu_can_email(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("“Can Receive Offers by E-mail” can only be compared to true or false.")
            )
        # The deceased flag and the consents are fields of the alumni roles:
        # marketing finds who may be mailed without reading why others may not.
        reachable = self.sudo()._search(self._alumni_evu_reachable_domain())
        return [("id", "in" if (operator == "=") == value else "not in", reachable)]

    @api.depends_context("alumni_evu_mailing_id", "lang")
    def _compute_alumni_evu_offers_html(self):
        mailing = (
            self.env["mailing.mailing"].sudo().browse(self.env.context.get("alumni_evu_mailing_id"))
        )
        offers = mailing.alumni_evu_offer_ids if mailing.exists() else None
        if not offers:
            self.alumni_evu_offers_html = False
            return
        best = self._alumni_evu_best_matches(offers, mailing.alumni_evu_min_score)
        # The links and the offers shown are made once for the batch, for the
        # offers its recipients are shown; only the reasons are their own.
        shown = offers.browse().union(*(matches.offer_id for matches in best.values()))
        base_url = mailing.get_base_url()
        urls = {offer.id: (url_join(base_url, offer.website_url), offer.name) for offer in shown}
        if len(best) < len(self):
            # Someone with no match among the offers (the domain was edited)
            # is shown the list of all offers rather than nothing.
            urls["all"] = (url_join(base_url, "/alumni/evu"), self.env._("All offers"))
        links = self._alumni_evu_tracked_links(urls)
        QWeb = self.env["ir.qweb"]
        no_match = "all" in links and QWeb._render(
            "usn_alumni_evu.alumni_evu_mailing_no_match", {"url": links["all"]}
        )
        cards = {}

        def card(offer):
            if offer.id not in cards:
                cards[offer.id] = QWeb._render(
                    "usn_alumni_evu.alumni_evu_mailing_offer",
                    {"offer": offer, "link": links[offer.id], "reasons": REASONS_MARK},
                ).split(REASONS_MARK)
            return cards[offer.id]

        why = self.env._("Why you get this:")
        for partner in self:
            matches = best.get(partner.id)
            if not matches:
                partner.alumni_evu_offers_html = no_match
                continue
            html = []
            for match in matches:
                before, after = card(match.offer_id)
                html += [before, _reasons_html(why, match.reasons), after]
            partner.alumni_evu_offers_html = Markup(
                '<div class="o_alumni_evu_offers">%s</div>'
            ) % Markup("").join(html)

    @api.depends_context("lang")
    def _compute_alumni_evu_preferences_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        QWeb = self.env["ir.qweb"]
        for partner in self:
            if not partner.id:
                partner.alumni_evu_preferences_url = False
                partner.alumni_evu_preferences_html = False
                continue
            url = url_join(base_url, partner._alumni_evu_preferences_path())
            partner.alumni_evu_preferences_url = url
            partner.alumni_evu_preferences_html = QWeb._render(
                "usn_alumni_evu.alumni_evu_mailing_preferences_link", {"url": url}
            )

    @api.model
    def mail_allowed_qweb_expressions(self):
        # The blocks of an offers mailing stay usable by marketers who may not
        # write code in templates.
        return (
            *super().mail_allowed_qweb_expressions(),
            "object.alumni_evu_offers_html",
            "object.alumni_evu_preferences_html",
        )

    # ------------------------------------------------------------------
    # Offers of a mailing
    # ------------------------------------------------------------------

    @api.model
    def _alumni_evu_reachable_domain(self):
        return [
            ("email_normalized", "!=", False),
            ("is_blacklisted", "=", False),
            ("is_deceased", "=", False),
            *self._consent_domain(EVU_CONSENT),
        ]

    def _alumni_evu_reachable(self):
        """The people of self who may receive offers by e-mail (one query)."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search([("id", "in", self.ids), *self._alumni_evu_reachable_domain()])
            .with_env(self.env)
        )

    def _alumni_evu_best_matches(self, offers, min_score):
        """{person id: their best matches among ``offers`` at ``min_score`` or
        more, best first, at most three} for the people of self (one query)."""
        matches = (
            self.env["alumni.evu.match"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", self.ids),
                    ("offer_id", "in", offers.ids),
                    ("score", ">=", min_score),
                ],
                # the person's own ranking of their matches breaks ties
                order="score desc, rank, id",
            )
        )
        best = defaultdict(list)
        for match in matches:
            if len(best[match.partner_id.id]) < OFFERS_PER_MESSAGE:
                best[match.partner_id.id].append(match.id)
        # Each person's matches keep the prefetch of all: their reasons and
        # offers are read once for the whole batch.
        return {
            partner_id: matches.browse(ids).with_prefetch(matches._prefetch_ids)
            for partner_id, ids in best.items()
        }

    @api.model
    def _alumni_evu_tracked_links(self, links):
        """{key: url} from {key: (url, label)}. When the mailing is being sent,
        the links are its tracked short links, made once for all recipients
        (the page title is the label: no page is fetched for it)."""
        tracker_values = self.env.context.get("post_convert_links")
        if not tracker_values:
            return {key: url for key, (url, _label) in links.items()}
        keys = list(links)
        trackers = self.env["link.tracker"].search_or_create(
            [
                dict(tracker_values, url=links[key][0], label=links[key][1], title=links[key][1])
                for key in keys
            ]
        )
        return {key: tracker.short_url for key, tracker in zip(keys, trackers, strict=True)}

    # ------------------------------------------------------------------
    # Preferences link
    # ------------------------------------------------------------------

    def _alumni_evu_preferences_path(self):
        """Path of the person's preferences page, signed for them and valid
        for the configured number of days."""
        self.ensure_one()
        days = self.env["ir.config_parameter"].sudo().get_param(PREFERENCES_DAYS_PARAM, "90")
        try:
            days = max(int(days), 1)
        except ValueError:
            days = 90
        token = hash_sign(
            self.env(su=True), PREFERENCES_SCOPE, self.id, expiration=timedelta(days=days)
        )
        return f"{PREFERENCES_PATH}/{self.id}/{token}"

    @api.model
    def _alumni_evu_person_from_token(self, partner_id, token):
        """The person a preferences link was signed for, as superuser, or an
        empty recordset when the token is not theirs, was altered or expired.

        The preferences page is opened without logging in: the signature is
        what shows that the link was sent to this person, so this is the one
        place that turns the id of the URL into a record.
        """
        Partner = self.sudo().with_context(active_test=False)
        try:
            signed_id = verify_hash_signed(self.env(su=True), PREFERENCES_SCOPE, token or "")
        except ValueError:
            return Partner.browse()
        if signed_id is None or signed_id != partner_id:
            return Partner.browse()
        return Partner.browse(partner_id).exists()

    # ------------------------------------------------------------------
    # Answers given from a mailing
    # ------------------------------------------------------------------

    def _alumni_evu_withdraw_from_mailing(self, mailing, email):
        """The person left an offers mailing through its unsubscribe link: their
        consent to offers by e-mail is withdrawn (if it was not already), and
        nothing else changes."""
        self.ensure_one()
        if self.sudo()._alumni_evu_current_answer() == "withdrawn":
            return self.env["alumni.consent"]
        return self.sudo()._record_consent(
            EVU_CONSENT,
            "withdrawn",
            source="email",
            evidence=self.env._(
                "Unsubscribe link of the mailing “%(mailing)s” (id %(id)s), sent to %(email)s.",
                mailing=mailing.subject or mailing.name or "",
                id=mailing.id,
                email=email or "",
            ),
        )

    def _alumni_evu_save_preferences(
        self, interest_ids, max_mailings_per_month, consents, evidence
    ):
        """Save what the person chose on their preferences page: subjects,
        monthly number of mailings, and a new consent answer when it changed."""
        self.ensure_one()
        person = self.sudo()
        person.write(
            {
                "interest_ids": [fields.Command.set(interest_ids)],
                "max_mailings_per_month": max_mailings_per_month,
            }
        )
        answer = "given" if consents else "withdrawn"
        current = person._alumni_evu_current_answer()
        if answer != current and (consents or current == "given"):
            person._record_consent(EVU_CONSENT, answer, source="email", evidence=evidence)

    def _alumni_evu_current_answer(self):
        """'given', 'withdrawn' or False: the person's current EVU answer."""
        self.ensure_one()
        consent = (
            self.env["alumni.consent"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.id),
                    ("purpose_id.code", "=", EVU_CONSENT),
                    ("is_current", "=", True),
                ],
                limit=1,
            )
        )
        return consent.state or False


def _reasons_html(label, reasons):
    """The "Why you get this" paragraph of one offer for one recipient."""
    lines = [line.strip() for line in (reasons or "").splitlines() if line.strip()]
    if not lines:
        return Markup()
    return Markup(
        '<p class="o_alumni_evu_reasons" style="margin: 0px 0px 12px 0px; padding: 8px; '
        'background-color: #f4f6f8;"><strong>%s</strong>%s</p>'
    ) % (label, Markup().join(Markup("<br/>%s") % line for line in lines))
