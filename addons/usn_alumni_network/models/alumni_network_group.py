# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.osv import expression


class AlumniNetworkGroup(models.Model):
    """A regional chapter or a professional group of the network.

    Officers make and run the groups in the back office; members join and
    leave them on /alumni/groups. Who is in a group is shown only to members
    (and officers), and only as far as each person's visibility allows.
    """

    _name = "alumni.network.group"
    _inherit = ["website.published.mixin"]
    _description = "Alumni Network Group"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [("chapter", "Regional chapter"), ("professional", "Professional group")],
        required=True,
        default="chapter",
        index=True,
    )
    description = fields.Text(translate=True)
    city = fields.Char(help="Where a regional chapter meets.")
    region = fields.Char(help="The region or country of a regional chapter.")
    industry_id = fields.Many2one("res.partner.industry", help="The trade of a professional group.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    membership_ids = fields.One2many(
        "alumni.network.group.membership", "group_id", string="Memberships"
    )
    member_count = fields.Integer(string="Members", compute="_compute_member_count")

    def _default_is_published(self):
        return True

    def _compute_website_url(self):
        for group in self:
            group.website_url = f"/alumni/groups/{group.id}" if group.id else "#"

    @api.depends_context("uid")
    def _compute_can_publish(self):
        is_officer = self.env.su or self.env.user.has_group("usn_alumni_base.group_alumni_user")
        for group in self:
            group.can_publish = is_officer

    @api.depends("membership_ids")
    def _compute_member_count(self):
        # The number of members in the network, whoever looks: no names.
        counts = dict(
            self.env["alumni.network.group.membership"]
            .sudo()
            ._read_group(
                [("group_id", "in", self.ids), ("partner_id.network_state", "=", "member")],
                ["group_id"],
                ["__count"],
            )
        )
        for group in self:
            group.member_count = counts.get(group._origin, 0)

    def unlink(self):
        self.env["alumni.lifecycle.event"]._remove_for_documents(self)
        return super().unlink()

    def action_open_memberships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_network.alumni_network_group_membership_action"
        )
        action["domain"] = [("group_id", "=", self.id)]
        action["context"] = {"default_group_id": self.id}
        return action

    # ------------------------------------------------------------------
    # What the website shows
    # ------------------------------------------------------------------

    @api.model
    def _alumni_visible_domain(self, role):
        """The groups a viewer of ``role`` finds: the active, published
        ones; none for a suspended member."""
        if role == "suspended":
            return expression.FALSE_DOMAIN
        return [("is_published", "=", True), ("active", "=", True)]

    @api.model
    def _alumni_visible_groups(self, group_id=None, user=None):
        """The groups (superuser records) ``user`` may see, or the one of
        ``group_id`` when they may see it. Visitors and members have no
        read access to groups; this is the one place that decides which
        they get."""
        role = self.env["res.partner"]._alumni_viewer_role(user)
        domain = self._alumni_visible_domain(role)
        if group_id is not None:
            if not 0 < group_id <= 2**31 - 1:
                return self.sudo().browse()
            domain = [("id", "=", group_id), *domain]
        return self.sudo().search(domain)

    def _alumni_group_members(self, user=None, limit=None):
        """(number of members, profiles the viewer may see) of this group:
        the group's members that ``user`` may see, with only the fields
        they may see (res.partner._alumni_visible_profiles). Only members
        and officers see who is in a group."""
        self.ensure_one()
        role = self.env["res.partner"]._alumni_viewer_role(user)
        if role not in ("member", "officer"):
            return []
        # The memberships of others are not the viewer's to read; the
        # people's visibility method decides whom and what they see.
        memberships = (
            self.env["alumni.network.group.membership"]
            .sudo()
            .search([("group_id", "=", self.id)], order="date_joined desc, id desc")
        )
        profiles = memberships.partner_id._alumni_visible_profiles(user)
        profiles.sort(key=lambda profile: profile["name"] or "")
        return profiles[:limit] if limit else profiles
