# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request


class AlumniNetworkGroups(http.Controller):
    """The network's groups on the website: /alumni/groups, each group's
    page with its members, joining and leaving.

    Which groups a viewer gets comes from alumni.network.group's visibility
    method, and whom they see in a group from the people's visibility
    method; a member's own memberships are read and written as the member
    (the record rules keep them to their own)."""

    def _own_group_ids(self):
        if request.env["res.partner"]._alumni_viewer_role() != "member":
            return set()
        memberships = request.env["alumni.network.group.membership"].search(
            [("partner_id", "=", request.env.user.partner_id.id)]
        )
        return set(memberships.group_id.ids)

    @http.route(
        "/alumni/groups",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        readonly=True,
    )
    def alumni_groups(self, **kwargs):
        groups = request.env["alumni.network.group"]._alumni_visible_groups()
        return request.render(
            "usn_alumni_network.groups",
            {
                "role": request.env["res.partner"]._alumni_viewer_role(),
                "chapters": groups.filtered(lambda g: g.kind == "chapter"),
                "professional_groups": groups.filtered(lambda g: g.kind == "professional"),
                "own_group_ids": self._own_group_ids(),
            },
        )

    @http.route(
        "/alumni/groups/<int:group_id>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        readonly=True,
    )
    def alumni_group(self, group_id, **kwargs):
        """The group's page; not found when the viewer may not see it."""
        group = request.env["alumni.network.group"]._alumni_visible_groups(group_id)
        if not group:
            raise NotFound()
        return request.render(
            "usn_alumni_network.group_page",
            {
                "group": group,
                "role": request.env["res.partner"]._alumni_viewer_role(),
                "members": group._alumni_group_members(),
                "is_in_group": group.id in self._own_group_ids(),
                "message": kwargs.get("message"),
            },
        )

    @http.route(
        "/alumni/groups/<int:group_id>/join",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def alumni_group_join(self, group_id, **post):
        """A member joins (CSRF checked); not found for anyone else or a
        group they may not see."""
        group = self._group_for_member(group_id)
        if group.id not in self._own_group_ids():
            request.env["alumni.network.group.membership"].create(
                {"group_id": group.id, "partner_id": request.env.user.partner_id.id}
            )
        return request.redirect(f"/alumni/groups/{group.id}?message=joined")

    @http.route(
        "/alumni/groups/<int:group_id>/leave",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def alumni_group_leave(self, group_id, **post):
        group = self._group_for_member(group_id)
        request.env["alumni.network.group.membership"].search(
            [("group_id", "=", group.id), ("partner_id", "=", request.env.user.partner_id.id)]
        ).unlink()
        return request.redirect(f"/alumni/groups/{group.id}?message=left")

    def _group_for_member(self, group_id):
        if request.env["res.partner"]._alumni_viewer_role() != "member":
            raise NotFound()
        group = request.env["alumni.network.group"]._alumni_visible_groups(group_id)
        if not group:
            raise NotFound()
        return group
