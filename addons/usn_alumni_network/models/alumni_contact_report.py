# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

MAX_REASON_LENGTH = 2000


class AlumniContactReport(models.Model):
    """A member tells the alumni office that another member, or their
    contact request, abuses the network. Officers read and close them
    under Network, Abuse Reports."""

    _name = "alumni.contact.report"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Alumni Network Abuse Report"
    _order = "create_date desc, id desc"

    reporter_id = fields.Many2one(
        "res.partner", string="Reported By", required=True, index=True, ondelete="cascade"
    )
    reported_partner_id = fields.Many2one(
        "res.partner", string="Reported Member", required=True, index=True, ondelete="cascade"
    )
    request_id = fields.Many2one(
        "alumni.contact.request", string="Contact Request", index=True, ondelete="set null"
    )
    reason = fields.Text(required=True)
    state = fields.Selection(
        [("new", "New"), ("done", "Dealt with")],
        string="Status",
        default="new",
        required=True,
        tracking=True,
    )

    @api.depends("reported_partner_id")
    def _compute_display_name(self):
        for report in self:
            report.display_name = self.env._(
                "Report on %(name)s", name=report.reported_partner_id.name or ""
            )

    def action_done(self):
        self.write({"state": "done"})
        return True

    def action_reopen(self):
        self.write({"state": "new"})
        return True

    @api.model
    def _alumni_report(self, reported, reason, request=None, user=None):
        """``user`` (a member) reports ``reported`` with ``reason``, about
        ``request`` when given. The caller has checked that the user may
        see the person or is one of the two people of the request.

        :raise UserError: naming the field
        :return: the report (superuser record)
        """
        user = user or self.env.user
        if self.env["res.partner"]._alumni_viewer_role(user) != "member":
            raise UserError(self.env._("Only members of the alumni network can report members."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Tell the alumni office what is wrong (field “Reason”)."))
        if len(reason) > MAX_REASON_LENGTH:
            raise UserError(
                self.env._(
                    "The reason is longer than %(limit)s characters (field “Reason”).",
                    limit=MAX_REASON_LENGTH,
                )
            )
        if reported == user.partner_id:
            raise UserError(self.env._("You cannot report yourself."))
        return self.sudo().create(
            {
                "reporter_id": user.partner_id.id,
                "reported_partner_id": reported.id,
                "request_id": request.id if request else False,
                "reason": reason,
            }
        )
