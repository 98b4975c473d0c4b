# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Odoo's contact merge, made to keep what the suite holds about people.

    Odoo's merge moves every record that points to a merged contact over to
    the one kept; where a unique constraint refuses the move, it deletes the
    record. Before the merge, the suite frees what its constraints would
    refuse (the current consent answers, the student number), so that the
    history of both people is carried over; after it, it derives the kept
    person's current consents, lifecycle stage and cohort again.
    """

    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        Partner = self.env["res.partner"]
        partners = Partner.browse(partner_ids).exists()
        if len(partners) < 2:
            return super()._merge(partner_ids, dst_partner, extra_checks)
        if dst_partner is None:
            dst_partner = partners.sorted("id")[-1]
        student_number = dst_partner.student_number or next(
            (p.student_number for p in partners if p.student_number), False
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE alumni_consent SET is_current = FALSE WHERE partner_id = ANY(%s)",
                partners.ids,
            )
        )
        self.env.cr.execute(
            SQL(
                "UPDATE res_partner SET student_number = NULL WHERE id = ANY(%s)",
                partners.ids,
            )
        )
        self.env.invalidate_all()
        merging = self.with_context(alumni_merge=True)
        res = super(BasePartnerMergeAutomaticWizard, merging)._merge(
            partner_ids, dst_partner.with_context(alumni_merge=True), extra_checks
        )
        dst_partner = dst_partner.exists()
        if student_number:
            dst_partner.with_context(alumni_merge=True).student_number = student_number
        # A family relation between the merged people now points to itself.
        self.env["alumni.partner.relation"].search(
            [("partner_id", "=", dst_partner.id), ("related_partner_id", "=", dst_partner.id)]
        ).with_context(alumni_reciprocal_relation=True).unlink()
        dst_partner.consent_ids._update_current_answers()
        return res

    def _update_foreign_keys(self, src_partners, dst_partner):
        res = super()._update_foreign_keys(src_partners, dst_partner)
        # The records of the people merged were moved to the person kept in
        # SQL: what follows from the person's records (stage, cohort,
        # faculties) is computed again, as after any change of them.
        dst_partner.modified(
            [name for name, field in dst_partner._fields.items() if field.type == "one2many"]
        )
        return res
