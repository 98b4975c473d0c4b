# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, consteq
from odoo.tools.misc import hmac as hmac_sign

CONTACT_STATES = [
    ("pending", "Waiting for an answer"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("blocked", "Blocked"),
]
# What the recipient may answer, and from which states.
ANSWERS = {
    "accept": ("accepted", ("pending",)),
    "decline": ("declined", ("pending",)),
    "block": ("blocked", ("pending", "accepted", "declined")),
}
RATE_PARAMETER = "usn_alumni_network.contact_requests_per_day"
DEFAULT_RATE = 10
MAX_MESSAGE_LENGTH = 2000
TOKEN_SCOPE = "usn_alumni_network.contact_request"


class AlumniContactRequest(models.Model):
    """A member asks another member to get in touch.

    The recipient accepts, declines or blocks; after acceptance the two
    see each other's e-mail address and talk in the request's own message
    thread (the portal chatter of /my/alumni/contacts/<id>), which only
    they can read and post in.
    """

    _name = "alumni.contact.request"
    _inherit = ["mail.thread"]
    _description = "Alumni Contact Request"
    _order = "request_date desc, id desc"
    _rec_names_search = ["sender_id", "recipient_id"]

    sender_id = fields.Many2one(
        "res.partner", string="From", required=True, index=True, ondelete="cascade"
    )
    recipient_id = fields.Many2one(
        "res.partner", string="To", required=True, index=True, ondelete="cascade"
    )
    message = fields.Text(required=True)
    state = fields.Selection(
        CONTACT_STATES, string="Status", required=True, default="pending", index=True
    )
    request_date = fields.Datetime(
        string="Sent On", required=True, default=fields.Datetime.now, readonly=True
    )
    answer_date = fields.Datetime(string="Answered On", readonly=True, copy=False)
    # The secret of the accept and decline links of the recipient's e-mail;
    # nobody reads it but the server.
    access_token = fields.Char(copy=False, groups="base.group_system")
    report_ids = fields.One2many("alumni.contact.report", "request_id", string="Reports")

    @api.depends("sender_id", "recipient_id")
    def _compute_display_name(self):
        for request in self:
            request.display_name = self.env._(
                "%(sender)s to %(recipient)s",
                sender=request.sender_id.name or "",
                recipient=request.recipient_id.name or "",
            )

    @api.constrains("sender_id", "recipient_id")
    def _check_not_to_self(self):
        for request in self:
            if request.sender_id == request.recipient_id:
                raise ValidationError(
                    self.env._("A member cannot ask themselves to get in touch (field “To”).")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("access_token", str(uuid.uuid4()))
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------

    @api.model
    def _alumni_send(self, recipient, message, user=None):
        """``user`` (a member) asks ``recipient`` to get in touch, with
        ``message``; the recipient gets the e-mail with the answer links.

        The caller has checked that ``user`` may see ``recipient`` (else
        not found); it is checked again here.

        :raise UserError: naming why nothing was sent
        :return: the new request (superuser record)
        """
        user = user or self.env.user
        Partner = self.env["res.partner"]
        sender = user.partner_id
        if Partner._alumni_viewer_role(user) != "member":
            raise UserError(self.env._("Only members of the alumni network can contact members."))
        message = (message or "").strip()
        if not message:
            raise UserError(self.env._("Write a message to the member (field “Message”)."))
        if len(message) > MAX_MESSAGE_LENGTH:
            raise UserError(
                self.env._(
                    "The message is longer than %(limit)s characters (field “Message”).",
                    limit=MAX_MESSAGE_LENGTH,
                )
            )
        if recipient == sender:
            raise UserError(self.env._("You cannot send a contact request to yourself."))
        if not recipient.with_user(user)._alumni_visible_profiles(user):
            raise UserError(self.env._("This member cannot be contacted."))
        # One request at a time per sender, whatever the number of workers:
        # the checks below and the insert see every other request they sent.
        self.env.cr.execute(
            SQL("SELECT id FROM res_partner WHERE id = %s FOR NO KEY UPDATE", sender.id)
        )
        Request = self.sudo()
        between = Request.search(
            [
                "|",
                "&",
                ("sender_id", "=", sender.id),
                ("recipient_id", "=", recipient.id),
                "&",
                ("sender_id", "=", recipient.id),
                ("recipient_id", "=", sender.id),
            ]
        )
        if between.filtered(lambda r: r.state == "blocked"):
            raise UserError(self.env._("This member cannot be contacted."))
        if between.filtered(lambda r: r.state == "accepted"):
            raise UserError(
                self.env._("You are already in contact with %(name)s.", name=recipient.name)
            )
        pending = between.filtered(lambda r: r.state == "pending")
        if pending.filtered(lambda r: r.sender_id == sender):
            raise UserError(
                self.env._(
                    "You have already asked %(name)s to get in touch; wait for the answer.",
                    name=recipient.name,
                )
            )
        if pending:
            raise UserError(
                self.env._(
                    "%(name)s has already asked you to get in touch: answer their request "
                    "under My Account, Contact requests.",
                    name=recipient.name,
                )
            )
        limit = self._alumni_rate_limit()
        sent = Request.search_count(
            [
                ("sender_id", "=", sender.id),
                ("request_date", ">", fields.Datetime.now() - timedelta(hours=24)),
            ]
        )
        if sent >= limit:
            raise UserError(
                self.env._(
                    "You have sent %(count)s contact requests in the last 24 hours, the most "
                    "allowed; please try again tomorrow.",
                    count=sent,
                )
            )
        request = Request.with_context(mail_create_nolog=True).create(
            {"sender_id": sender.id, "recipient_id": recipient.id, "message": message}
        )
        template = self.env.ref("usn_alumni_network.mail_template_contact_request")
        template.sudo().send_mail(request.id, email_layout_xmlid="mail.mail_notification_light")
        return request

    @api.model
    def _alumni_rate_limit(self):
        """The most requests a member sends in 24 hours (system parameter,
        10 when it is not a whole number)."""
        value = self.env["ir.config_parameter"].sudo().get_param(RATE_PARAMETER, "")
        try:
            return max(int(value), 0)
        except ValueError:
            return DEFAULT_RATE

    # ------------------------------------------------------------------
    # Answering
    # ------------------------------------------------------------------

    def _alumni_answer(self, answer):
        """The recipient answers: ``accept``, ``decline`` or ``block``.

        Called as the recipient (portal) or as superuser after the e-mail
        link's token is checked.

        :raise UserError: when the request cannot take this answer
        """
        self.ensure_one()
        state, from_states = ANSWERS[answer]
        if not self.env.su and self.env.user.partner_id != self.recipient_id:
            raise AccessError(self.env._("Only the member who was asked can answer."))
        request = self.sudo()
        if request.state not in from_states:
            raise UserError(
                self.env._(
                    "This request is already answered (%(state)s).",
                    state=dict(request._fields["state"]._description_selection(self.env))[
                        request.state
                    ],
                )
            )
        if state == "accepted" and (request.sender_id | request.recipient_id).filtered(
            lambda partner: partner.network_state != "member"
        ):
            raise UserError(
                self.env._(
                    "Only members of the alumni network can be in contact: one of you is no "
                    "longer a member."
                )
            )
        request.write({"state": state, "answer_date": fields.Datetime.now()})
        if state == "accepted":
            people = request.sender_id | request.recipient_id
            request.message_subscribe(partner_ids=people.ids)
            self.env["alumni.lifecycle.event"]._append(
                [
                    {
                        "partner_id": partner.id,
                        "kind": "network_contact",
                        # Not whom: the timeline is read by faculty staff too.
                        "name": self.env._("Contact request accepted"),
                        "res_model": self._name,
                        "res_id": request.id,
                    }
                    for partner in people
                ]
            )
        return True

    def _alumni_answer_token(self, answer):
        """The signature of the e-mail link that gives ``answer``."""
        self.ensure_one()
        secret = self.sudo().access_token
        return hmac_sign(self.env(su=True), TOKEN_SCOPE, (self.id, secret, answer))

    def _alumni_check_answer_token(self, answer, token):
        """Whether ``token`` signs ``answer`` for this request."""
        self.ensure_one()
        return bool(
            answer in ANSWERS
            and token
            and isinstance(token, str)
            and consteq(token, self._alumni_answer_token(answer))
        )

    def _alumni_answer_url(self, answer):
        """The signed link of the e-mail to the recipient."""
        self.ensure_one()
        base = self.get_base_url()
        return (
            f"{base}/alumni/contact/answer/{self.id}/{answer}"
            f"?token={self._alumni_answer_token(answer)}"
        )

    # ------------------------------------------------------------------
    # The private discussion
    # ------------------------------------------------------------------

    def _get_access_action(self, access_uid=None, force_website=False):
        """The links of the discussion's e-mails open the portal page for
        the two people (portal users), not the back office."""
        self.ensure_one()
        user = self.env["res.users"].sudo().browse(access_uid) if access_uid else self.env.user
        if user.share or force_website:
            return {
                "type": "ir.actions.act_url",
                "url": f"/my/alumni/contacts/{self.id}",
                "target": "self",
                "res_id": self.id,
            }
        return super()._get_access_action(access_uid=access_uid, force_website=force_website)

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        """Reading follows the record rules (the two people, officers);
        posting is for the two people of an accepted request only, never
        by token."""
        if mode == "read":
            return super()._get_thread_with_access(thread_id, mode=mode)
        request = self.browse(thread_id).exists()
        if (
            request
            and request.sudo().state == "accepted"
            and self.env.user.partner_id in (request.sudo().sender_id | request.sudo().recipient_id)
        ):
            return request
        return self.browse()

    def _alumni_other(self, partner):
        """The other person of the request than ``partner``."""
        self.ensure_one()
        return self.recipient_id if self.sender_id == partner else self.sender_id

    @api.model
    def _alumni_contact_emails(self, partner, others):
        """{other person id: e-mail} for the people of ``others`` with whom
        ``partner`` has an accepted request (one query)."""
        if not partner or not others:
            return {}
        requests = self.sudo().search(
            [
                ("state", "=", "accepted"),
                "|",
                "&",
                ("sender_id", "=", partner.id),
                ("recipient_id", "in", others.ids),
                "&",
                ("recipient_id", "=", partner.id),
                ("sender_id", "in", others.ids),
            ]
        )
        return {
            request._alumni_other(partner).id: request._alumni_other(partner).email
            for request in requests
        }

    @api.model
    def _alumni_blocked_partner_ids(self, partner):
        """The people ``partner`` blocked or was blocked by (one query)."""
        if not partner:
            return []
        requests = self.sudo().search(
            [
                ("state", "=", "blocked"),
                "|",
                ("sender_id", "=", partner.id),
                ("recipient_id", "=", partner.id),
            ]
        )
        return list({request._alumni_other(partner).id for request in requests})

    # ------------------------------------------------------------------
    # What the two people see
    # ------------------------------------------------------------------

    def _alumni_portal_values(self, partner):
        """What ``partner``, one of the two people of each request of self,
        sees of them, as plain values. A sender is not told they were
        blocked: to them the request is declined."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        values = []
        for request in self.sudo():
            other = request._alumni_other(partner)
            is_sender = request.sender_id == partner
            state = "declined" if is_sender and request.state == "blocked" else request.state
            values.append(
                {
                    "id": request.id,
                    "url": f"/my/alumni/contacts/{request.id}",
                    "other_id": other.id,
                    "other_name": other.name,
                    "other_url": f"/alumni/member/{other.id}",
                    "is_sender": is_sender,
                    "state": state,
                    "state_label": labels[state],
                    "message": request.message,
                    "request_date": request.request_date,
                    "answer_date": request.answer_date,
                    "email": other.email if request.state == "accepted" else False,
                    "can_answer": not is_sender and request.state == "pending",
                    "can_block": not is_sender and request.state != "blocked",
                }
            )
        return values

    @api.model
    def _alumni_contact_status(self, partner, other):
        """The latest request between ``partner`` and ``other`` as
        _alumni_portal_values gives it to ``partner``, or None."""
        if not partner or not other or partner == other:
            return None
        latest = self.sudo().search(
            [
                "|",
                "&",
                ("sender_id", "=", partner.id),
                ("recipient_id", "=", other.id),
                "&",
                ("sender_id", "=", other.id),
                ("recipient_id", "=", partner.id),
            ],
            limit=1,
        )
        return latest._alumni_portal_values(partner)[0] if latest else None
