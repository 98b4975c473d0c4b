# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

from ..tools.duplicate_score import normalize_student_number


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Odoo's contact merge, made to keep what the suite holds about people.

    Odoo's merge moves every record that points to a merged contact over to
    the one kept, in SQL; where a unique constraint refuses the move, it
    deletes the record. Two people with different student numbers are two
    people in the student system and are not merged. Otherwise, once Odoo's
    own checks have passed, the suite moves what its constraints would make
    Odoo delete (the consent answers, the student number, the duplicate
    candidates) through the ORM, so that the history of both people is
    carried over and tracked; after the merge the kept person's current
    consents are derived again, and what follows from their records (stage,
    cohort, programme) is recomputed.
    """

    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        Partner = self.env["res.partner"]
        partners = Partner.browse(partner_ids).exists()
        if len(partners) < 2:
            return super()._merge(partner_ids, dst_partner, extra_checks)
        self._check_student_numbers(partners)
        if dst_partner is None:
            # Odoo's own choice of the contact kept.
            dst_partner = self._get_ordered_partner(partners.ids)[-1]
        res = super()._merge(partner_ids, dst_partner, extra_checks)
        dst_partner = dst_partner.exists()
        # A family relation between the merged people now points to itself.
        self.env["alumni.partner.relation"].search(
            [("partner_id", "=", dst_partner.id), ("related_partner_id", "=", dst_partner.id)]
        ).with_context(alumni_reciprocal_relation=True).unlink()
        dst_partner.consent_ids._update_current_answers()
        return res

    def _update_foreign_keys(self, src_partners, dst_partner):
        # Called once Odoo's checks have passed, before its SQL moves the
        # records of the merged people: what it would delete moves first.
        self._move_alumni_records(src_partners, dst_partner)
        res = super()._update_foreign_keys(src_partners, dst_partner)
        # The records of the people merged were moved to the person kept in
        # SQL: what follows from the person's records (stage, cohort,
        # faculties) is computed again, as after any change of them.
        dst_partner.modified(
            [name for name, field in dst_partner._fields.items() if field.type == "one2many"]
        )
        self.env["alumni.engagement.activity"]._refresh(dst_partner.ids)
        return res

    def _check_student_numbers(self, partners):
        """Refuse to merge people who have different student numbers."""
        numbered = partners.filtered("student_number")
        numbers = {normalize_student_number(p.student_number) for p in numbered}
        if len(numbers) > 1:
            first, second = numbered[:2]
            raise UserError(
                self.env._(
                    "%(first)s (student number %(first_number)s) and %(second)s (student "
                    "number %(second_number)s) have different student numbers: the student "
                    "system holds them as two people, so they cannot be merged. If they "
                    "are one person, have the student system merge the numbers first.",
                    first=first.display_name,
                    first_number=first.student_number,
                    second=second.display_name,
                    second_number=second.student_number,
                )
            )

    def _update_values(self, src_partners, dst_partner):
        # After Odoo's SQL moves: a move it has to undo (a unique constraint
        # refusing it) also drops the pending tracking of the merge.
        self._move_student_number(src_partners, dst_partner)
        return super()._update_values(src_partners, dst_partner)

    def _move_alumni_records(self, src_partners, dst_partner):
        """Move the merged people's consent answers and duplicate candidates
        to the person kept, through the ORM.

        Odoo's SQL move would break the rule of one current answer per
        person and purpose, and the order of a candidate pair, and then
        delete the answers or the pairs.
        """
        consents = src_partners.with_context(active_test=False).consent_ids
        if consents:
            # The answers are append-only for users; moving them to the
            # person kept is the system's doing. Which one is current is
            # derived again after the merge.
            consents.sudo().write({"partner_id": dst_partner.id, "is_current": False})
        merged = src_partners | dst_partner
        Candidate = self.env["alumni.duplicate.candidate"].sudo()
        candidates = Candidate.search(
            ["|", ("partner_id", "in", src_partners.ids), ("duplicate_id", "in", src_partners.ids)]
        )
        # The pairs among the merged people are settled; a pair of a merged
        # person and someone else becomes a pair of that one and the person
        # kept, unless it is listed already.
        settled = candidates.filtered(lambda c: (c.partner_id | c.duplicate_id) <= merged)
        # The pairs of the person kept, read once.
        listed = {
            (pair.partner_id.id, pair.duplicate_id.id)
            for pair in Candidate.search(
                ["|", ("partner_id", "=", dst_partner.id), ("duplicate_id", "=", dst_partner.id)]
            )
        }
        for candidate in candidates - settled:
            other = (candidate.partner_id | candidate.duplicate_id) - merged
            low, high = sorted((other.id, dst_partner.id))
            if (low, high) in listed:
                settled |= candidate
                continue
            listed.add((low, high))
            candidate.write({"partner_id": low, "duplicate_id": high, "keep_id": False})
        settled.unlink()
        self.env.flush_all()

    def _move_student_number(self, src_partners, dst_partner):
        """Give the person kept the student number of a merged person, as a
        tracked change of both."""
        numbered = src_partners.filtered("student_number")
        if numbered and not dst_partner.student_number:
            student_number = numbered.student_number
            numbered.write({"student_number": False})
            dst_partner.write({"student_number": student_number})
