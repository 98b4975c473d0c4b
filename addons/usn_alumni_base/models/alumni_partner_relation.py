# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Each kind of family relation and the kind seen from the other side.
RELATION_KINDS = [
    ("parent", "Parent of"),
    ("child", "Child of"),
    ("sibling", "Sibling of"),
    ("spouse", "Spouse or partner of"),
    ("relative", "Relative of"),
]
RECIPROCAL = {
    "parent": "child",
    "child": "parent",
    "sibling": "sibling",
    "spouse": "spouse",
    "relative": "relative",
}


class AlumniPartnerRelation(models.Model):
    """A family member at the school. Relations come in pairs: recording that
    A is the parent of B also records that B is the child of A."""

    _name = "alumni.partner.relation"
    _inherit = ["alumni.person.record"]
    _description = "Family Relation"
    _person_fields = ("partner_id", "related_partner_id")
    _order = "partner_id, kind, id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade"
    )
    kind = fields.Selection(RELATION_KINDS, required=True, default="relative")
    related_partner_id = fields.Many2one(
        "res.partner", string="Family Member", required=True, index=True, ondelete="cascade"
    )
    related_stage = fields.Selection(related="related_partner_id.lifecycle_stage")

    _sql_constraints = [
        (
            "relation_uniq",
            "unique(partner_id, related_partner_id, kind)",
            "This family relation is already recorded.",
        ),
    ]

    @api.constrains("partner_id", "related_partner_id")
    def _check_not_self(self):
        for relation in self:
            if relation.partner_id == relation.related_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot be recorded as their own family member.",
                        person=relation.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        relations = super().create(vals_list)
        if not self.env.context.get("alumni_reciprocal_relation"):
            relations._create_reciprocals()
        return relations

    def write(self, vals):
        if self.env.context.get("alumni_reciprocal_relation") or not (
            {"partner_id", "related_partner_id", "kind"} & vals.keys()
        ):
            return super().write(vals)
        stale = self._find_reciprocals() - self
        res = super().write(vals)
        stale.with_context(alumni_reciprocal_relation=True).unlink()
        self._create_reciprocals()
        return res

    def unlink(self):
        if self.env.context.get("alumni_reciprocal_relation"):
            return super().unlink()
        return super(AlumniPartnerRelation, self | self._find_reciprocals()).unlink()

    def _create_reciprocals(self):
        existing = self._find_reciprocals()
        have = {(r.partner_id.id, r.related_partner_id.id, r.kind) for r in existing}
        missing = [
            {
                "partner_id": relation.related_partner_id.id,
                "related_partner_id": relation.partner_id.id,
                "kind": RECIPROCAL[relation.kind],
            }
            for relation in self
            if (relation.related_partner_id.id, relation.partner_id.id, RECIPROCAL[relation.kind])
            not in have
        ]
        self.with_context(alumni_reciprocal_relation=True).create(missing)

    def _find_reciprocals(self):
        if not self:
            return self
        candidates = self.search(
            [
                ("partner_id", "in", self.related_partner_id.ids),
                ("related_partner_id", "in", self.partner_id.ids),
            ]
        )
        wanted = {(r.related_partner_id.id, r.partner_id.id, RECIPROCAL[r.kind]) for r in self}
        return candidates.filtered(
            lambda r: (r.partner_id.id, r.related_partner_id.id, r.kind) in wanted
        )
