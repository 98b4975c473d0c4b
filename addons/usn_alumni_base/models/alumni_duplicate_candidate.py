# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from rapidfuzz import fuzz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# What each kind of evidence adds to a pair's score (capped at 100).
EVIDENCE_WEIGHTS = {
    "student_number": 100,
    "email": 70,
    "name_birth_date": 70,
    "phone": 50,
    "similar_name": 40,
}
# The exact kinds of evidence: an SQL expression of a person ("table").
EXACT_KEYS = {
    "student_number": "upper(regexp_replace(%(table)s.student_number, '\\s', '', 'g'))",
    "email": "%(table)s.email_normalized",
    "phone": "%(table)s.phone_sanitized",
    "name_birth_date": "lower(trim(%(table)s.name)) || '|' || %(table)s.birth_date::text",
}
# Names at least this similar (rapidfuzz token set ratio, 0-100) count.
SIMILAR_NAME_THRESHOLD = 85


class AlumniDuplicateCandidate(models.Model):
    """Two people who may be one: the evidence, its score, and the merge."""

    _name = "alumni.duplicate.candidate"
    _description = "Possible Duplicate"
    _order = "score desc, id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade"
    )
    duplicate_id = fields.Many2one(
        "res.partner", string="Possible Duplicate", required=True, index=True, ondelete="cascade"
    )
    score = fields.Integer(required=True, aggregator="max", help="0 to 100.")
    reasons = fields.Char(required=True)
    state = fields.Selection(
        [("open", "To Review"), ("dismissed", "Not a Duplicate")],
        required=True,
        default="open",
    )

    _sql_constraints = [
        ("pair_uniq", "unique(partner_id, duplicate_id)", "This pair is listed already."),
        ("pair_ordered", "CHECK(partner_id < duplicate_id)", "A pair is listed once."),
        ("score_range", "CHECK(score BETWEEN 0 AND 100)", "The score is between 0 and 100."),
    ]

    @api.depends("partner_id", "duplicate_id")
    def _compute_display_name(self):
        for candidate in self:
            candidate.display_name = (
                f"{candidate.partner_id.display_name} ~ {candidate.duplicate_id.display_name}"
            )

    @api.model
    def action_find(self):
        """Refresh the candidates for everyone: the open pairs are replaced by
        the pairs found now; pairs marked as not duplicates stay so."""
        pairs = self._find_pairs()
        labels = self._reason_labels()
        self.flush_model()
        self.env.cr.execute(SQL("DELETE FROM alumni_duplicate_candidate WHERE state = 'open'"))
        self.env.cr.execute(SQL("SELECT partner_id, duplicate_id FROM alumni_duplicate_candidate"))
        dismissed = set(self.env.cr.fetchall())
        rows = [
            (
                a,
                b,
                min(100, sum(EVIDENCE_WEIGHTS[kind] for kind in kinds)),
                ", ".join(labels[kind] for kind in sorted(kinds, key=list(EVIDENCE_WEIGHTS).index)),
            )
            for (a, b), kinds in pairs.items()
            if (a, b) not in dismissed
        ]
        if rows:
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO alumni_duplicate_candidate (
                        partner_id, duplicate_id, score, reasons, state,
                        create_uid, create_date, write_uid, write_date)
                    SELECT a, b, score, reasons, 'open', %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM unnest(%(a)s::int[], %(b)s::int[], %(score)s::int[],
                                  %(reasons)s::varchar[]) AS r(a, b, score, reasons)
                    """,
                    a=[row[0] for row in rows],
                    b=[row[1] for row in rows],
                    score=[row[2] for row in rows],
                    reasons=[row[3] for row in rows],
                    uid=self.env.uid,
                    now=fields.Datetime.now(),
                )
            )
        self.invalidate_model()
        return self._open_list()

    def action_dismiss(self):
        self.write({"state": "dismissed"})

    def action_merge(self):
        """Merge each pair into the person of the pair who was recorded first."""
        for candidate in self:
            if candidate.state != "open":
                raise UserError(
                    self.env._("%(pair)s is not a duplicate to merge.", pair=candidate.display_name)
                )
            keep, other = candidate.partner_id, candidate.duplicate_id
            self.env["base.partner.merge.automatic.wizard"]._merge(
                (keep | other).ids, keep, extra_checks=False
            )
        return True

    def _open_list(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_base.alumni_duplicate_candidate_action"
        )

    def _reason_labels(self):
        return {
            "student_number": self.env._("same student number"),
            "email": self.env._("same e-mail"),
            "name_birth_date": self.env._("same name and birth date"),
            "phone": self.env._("same phone"),
            "similar_name": self.env._("similar name and same birth date"),
        }

    @api.model
    def _find_pairs(self):
        """{(lower id, higher id): {evidence kinds}} over all active people.

        The exact kinds of evidence are one query each; similar names are
        compared only between people born on the same day, so the cost
        stays linear in the number of people."""
        self.env["res.partner"].flush_model(
            ["student_number", "email_normalized", "phone_sanitized", "name", "birth_date"]
        )
        pairs = defaultdict(set)
        for kind, key in EXACT_KEYS.items():
            self.env.cr.execute(
                SQL(
                    """
                    WITH people AS (
                        SELECT * FROM res_partner WHERE active AND NOT is_company
                    )
                    SELECT a.id, b.id
                      FROM people a
                      JOIN people b ON %(key_a)s = %(key_b)s AND a.id < b.id
                    """,
                    key_a=SQL(key, table=SQL.identifier("a")),
                    key_b=SQL(key, table=SQL.identifier("b")),
                )
            )
            for a, b in self.env.cr.fetchall():
                pairs[(a, b)].add(kind)
        self.env.cr.execute(
            SQL(
                """
                SELECT birth_date, array_agg(id ORDER BY id), array_agg(name ORDER BY id)
                  FROM res_partner
                 WHERE active AND NOT is_company AND birth_date IS NOT NULL
                 GROUP BY birth_date
                HAVING count(*) > 1
                """
            )
        )
        for _day, ids, names in self.env.cr.fetchall():
            names = [name.lower() for name in names]
            for i, first in enumerate(names):
                for j in range(i + 1, len(names)):
                    if fuzz.token_set_ratio(first, names[j]) >= SIMILAR_NAME_THRESHOLD:
                        pairs[(ids[i], ids[j])].add("similar_name")
        return pairs
