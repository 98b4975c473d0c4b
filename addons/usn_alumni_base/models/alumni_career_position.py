# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AlumniCareerPosition(models.Model):
    _name = "alumni.career.position"
    _inherit = ["alumni.person.record"]
    _description = "Career Position"
    _order = "is_current desc, start_date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade"
    )
    employer_id = fields.Many2one(
        "res.partner",
        index=True,
        ondelete="set null",
        domain=[("is_company", "=", True)],
    )
    employer_name = fields.Char(
        compute="_compute_employer_name",
        store=True,
        readonly=False,
        help="Name of the employer when it is not a company in the database.",
    )
    title = fields.Char(string="Job Title", required=True)
    industry_id = fields.Many2one("res.partner.industry", ondelete="set null")
    start_date = fields.Date()
    end_date = fields.Date()
    is_current = fields.Boolean(compute="_compute_is_current", store=True)
    source = fields.Selection(
        [("self", "Self-reported"), ("import", "Import"), ("staff", "Staff")],
        required=True,
        default="staff",
    )

    @api.depends("title", "employer_name")
    def _compute_display_name(self):
        for position in self:
            position.display_name = (
                self.env._(
                    "%(title)s at %(employer)s",
                    title=position.title,
                    employer=position.employer_name,
                )
                if position.employer_name
                else position.title
            )

    @api.depends("employer_id")
    def _compute_employer_name(self):
        for position in self:
            if position.employer_id:
                position.employer_name = position.employer_id.name

    @api.depends("end_date")
    def _compute_is_current(self):
        for position in self:
            position.is_current = not position.end_date

    @api.constrains("start_date", "end_date")
    def _check_dates(self):
        for position in self:
            if (
                position.start_date
                and position.end_date
                and position.end_date < position.start_date
            ):
                raise ValidationError(
                    self.env._(
                        "The position %(position)s cannot end before it starts.",
                        position=position.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if self._is_self_service():
            for vals in vals_list:
                vals["source"] = "self"
        return super().create(vals_list)

    def write(self, vals):
        if self._is_self_service() and "source" in vals:
            vals = dict(vals, source="self")
        return super().write(vals)

    def _is_self_service(self):
        """Whether the current user keeps their own career (a portal user):
        what they enter is self-reported, whatever they claim."""
        return not self.env.su and self.env.user.share
