# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class AlumniNetworkStateWizard(models.TransientModel):
    """An officer's decision on memberships that needs a reason: rejecting
    a request to join, or suspending a member."""

    _name = "alumni.network.state.wizard"
    _description = "Network Membership Decision"

    decision = fields.Selection(
        [("reject", "Reject the request"), ("suspend", "Suspend the membership")],
        required=True,
    )
    partner_ids = fields.Many2many("res.partner", string="People", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.partner_ids._check_network_officer()
        expected = {"reject": "pending", "suspend": "member"}[self.decision]
        wrong = self.partner_ids.filtered(lambda p: p.network_state != expected)
        if wrong:
            message = {
                "reject": self.env._(
                    "Only pending requests can be rejected: %(people)s did not ask to join.",
                    people=", ".join(wrong.mapped("display_name")),
                ),
                "suspend": self.env._(
                    "Only members can be suspended: %(people)s are not members.",
                    people=", ".join(wrong.mapped("display_name")),
                ),
            }[self.decision]
            raise UserError(message)
        people = self.partner_ids.sudo()
        if self.decision == "suspend":
            people._alumni_network_set_state("suspended", "network_suspension", self.reason)
        else:
            # A request turned down is no touchpoint: it stays with the person's
            # messages, not on the timeline.
            people.write({"network_state": "none"})
            for partner in people:
                partner.message_post(
                    body=self.env._(
                        "Request to join the alumni network rejected: %(reason)s",
                        reason=self.reason,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return {"type": "ir.actions.act_window_close"}
