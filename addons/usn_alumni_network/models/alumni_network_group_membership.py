# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class AlumniNetworkGroupMembership(models.Model):
    """A member in a group of the network."""

    _name = "alumni.network.group.membership"
    _description = "Membership of an Alumni Network Group"
    _order = "date_joined desc, id desc"
    _rec_name = "partner_id"

    group_id = fields.Many2one(
        "alumni.network.group", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Member", required=True, index=True, ondelete="cascade"
    )
    date_joined = fields.Datetime(string="Joined On", default=fields.Datetime.now, required=True)
    group_kind = fields.Selection(related="group_id.kind", store=True)

    _sql_constraints = [
        (
            "group_partner_unique",
            "unique(group_id, partner_id)",
            "A person is in a group once.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        memberships = super().create(vals_list)
        if not self.env.su and not self.env.user.has_group("usn_alumni_base.group_alumni_user"):
            # A member joins only a group the website shows.
            hidden = memberships.group_id.sudo().filtered(
                lambda g: not g.active or not g.is_published
            )
            if hidden:
                raise UserError(self.env._("This group cannot be joined."))
        not_members = memberships.partner_id.sudo().filtered(lambda p: p.network_state != "member")
        if not_members:
            raise UserError(
                self.env._(
                    "Only members of the network join its groups; %(people)s is not one.",
                    people=", ".join(not_members.mapped("display_name")),
                )
            )
        self.env["alumni.lifecycle.event"]._append(
            [
                {
                    "partner_id": membership.partner_id.id,
                    "kind": "network_group_join",
                    "name": self.env._(
                        "Joined the group %(group)s", group=membership.group_id.sudo().name
                    ),
                    "res_model": "alumni.network.group",
                    "res_id": membership.group_id.id,
                }
                for membership in memberships
            ]
        )
        return memberships
