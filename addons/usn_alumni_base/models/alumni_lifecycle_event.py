# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from .res_partner import LIFECYCLE_STAGES

TIMELINE_KINDS = [
    ("information_request", "Information request"),
    ("event_registration", "Event registration"),
    ("event_attendance", "Event attendance"),
    ("application", "Application"),
    ("offer", "Offer"),
    ("enrollment", "Enrolment"),
    ("graduation", "Graduation"),
    ("withdrawal", "Withdrawal"),
    ("evu_application", "Continuing education application"),
    ("evu_enrollment", "Continuing education enrolment"),
    ("mailing_click", "Mailing click"),
    ("network_join", "Network join"),
    ("stage_change", "Stage change"),
]


# What _append() writes.
TIMELINE_COLUMNS = (
    "partner_id",
    "kind",
    "date",
    "name",
    "programme_id",
    "res_model",
    "res_id",
    "stage_from",
    "stage_to",
)


class AlumniLifecycleEvent(models.Model):
    """A touchpoint in a person's life with the university.

    Every addon of the suite writes here (registrations, enrolments, clicks,
    network joins); analytics read here. Rows point to the document they come
    from through res_model and res_id.
    """

    _name = "alumni.lifecycle.event"
    _description = "Lifecycle Timeline Entry"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade"
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    kind = fields.Selection(TIMELINE_KINDS, required=True, index=True)
    name = fields.Char(string="Description")
    programme_id = fields.Many2one("alumni.programme", index=True, ondelete="set null")
    faculty_id = fields.Many2one(related="programme_id.faculty_id", store=True, precompute=True)
    stage_from = fields.Selection(LIFECYCLE_STAGES, string="Previous Stage")
    stage_to = fields.Selection(LIFECYCLE_STAGES, string="New Stage")
    res_model = fields.Char(string="Source Model", index=True)
    res_id = fields.Many2oneReference(string="Source Record", model_field="res_model")

    # What the engagement score adds up (alumni.engagement.activity) follows
    # the rows written through the ORM as well as those _append() writes.
    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        self.env["alumni.engagement.activity"]._refresh_for_rows(
            [{"partner_id": event.partner_id.id, "kind": event.kind} for event in events]
        )
        return events

    def write(self, vals):
        if not {"partner_id", "kind", "date"} & vals.keys():
            return super().write(vals)
        partner_ids = set(self.partner_id.ids)
        res = super().write(vals)
        self.env["alumni.engagement.activity"]._refresh(partner_ids | set(self.partner_id.ids))
        return res

    def unlink(self):
        partner_ids = set(self.partner_id.ids)
        res = super().unlink()
        self.env["alumni.engagement.activity"]._refresh(partner_ids)
        return res

    def action_open_source(self):
        self.ensure_one()
        if not self.res_model or not self.res_id:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    @api.model
    def _log_documents(self, records, kind, date_of=None):
        """Write one touchpoint of ``kind`` for each record of ``records``.

        The records have a ``partner_id`` and may have a ``programme_id``;
        ``date_of(record)`` gives the date of the touchpoint (default: now).
        """
        return self._append(self._document_rows(records, kind, date_of))

    @api.model
    def _document_rows(self, records, kind, date_of=None):
        """The rows of _log_documents(), for a caller that appends the
        touchpoints of several kinds at once."""
        has_programme = "programme_id" in records._fields
        now = fields.Datetime.now()
        return [
            {
                "partner_id": record.partner_id.id,
                "kind": kind,
                "date": date_of(record) if date_of else now,
                "programme_id": record.programme_id.id if has_programme else None,
                "res_model": record._name,
                "res_id": record.id,
            }
            for record in records
        ]

    @api.model
    def _append(self, rows):
        """Append rows (dicts of TIMELINE_COLUMNS) to the timeline in one
        statement and return the new entries.

        The timeline is an append-only log that the suite writes for many
        people at once (imports, enrolments, stage changes): one INSERT keeps
        that cost flat however many rows there are. Access rights are not
        checked: callers write the timeline on behalf of the system.
        """
        events, partners = self._insert_rows(rows)
        # The new rows are not in any cache; what depends on them does so
        # through the people's timelines.
        partners.invalidate_recordset(["lifecycle_event_ids"], flush=False)
        partners.modified(["lifecycle_event_ids"])
        return events

    @api.model
    def _append_stage_changes(self, rows):
        """Append ``stage_change`` rows as the people's stages are stored.

        A change of stage is no touchpoint: the stage and cohort it records
        are not computed again for it.
        """
        events, partners = self._insert_rows(rows)
        partners.invalidate_recordset(["lifecycle_event_ids"], flush=False)
        stage = partners._fields["lifecycle_stage"]
        with self.env.protecting(self.pool.field_computed[stage], partners):
            partners.modified(["lifecycle_event_ids"])
        return events

    @api.model
    def _insert_rows(self, rows):
        """Insert the rows in one statement: (new entries, their people)."""
        if not rows:
            return self.browse(), self.env["res.partner"]
        self.env["alumni.programme"].flush_model(["faculty_id"])
        now = fields.Datetime.now()
        arrays = {name: [row.get(name) or None for row in rows] for name in TIMELINE_COLUMNS}
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO alumni_lifecycle_event (
                    partner_id, kind, date, name, programme_id, faculty_id, res_model,
                    res_id, stage_from, stage_to, create_uid, create_date, write_uid, write_date)
                SELECT r.partner_id, r.kind, COALESCE(r.date, %(now)s), r.name, r.programme_id,
                       programme.faculty_id, r.res_model, r.res_id, r.stage_from, r.stage_to,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(partner_id)s::int[], %(kind)s::varchar[], %(date)s::timestamp[],
                              %(name)s::varchar[], %(programme_id)s::int[],
                              %(res_model)s::varchar[], %(res_id)s::int[],
                              %(stage_from)s::varchar[], %(stage_to)s::varchar[])
                       AS r(partner_id, kind, date, name, programme_id, res_model, res_id,
                            stage_from, stage_to)
                  LEFT JOIN alumni_programme programme ON programme.id = r.programme_id
                RETURNING id
                """,
                now=now,
                uid=self.env.uid,
                **arrays,
            )
        )
        events = self.browse(row[0] for row in self.env.cr.fetchall())
        self.env["alumni.engagement.activity"]._refresh_for_rows(rows)
        return events, self.env["res.partner"].browse(set(arrays["partner_id"]))

    @api.model
    def _follow_documents(self, records):
        """Give the touchpoints of records to the person each record now
        belongs to (after a record was moved to another person)."""
        if not records:
            return
        events = self.sudo().search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("kind", "!=", "stage_change"),
            ]
        )
        owner = {record.id: record.partner_id for record in records}
        by_partner = defaultdict(lambda: self.sudo().browse())
        for event in events:
            by_partner[owner[event.res_id]] |= event
        for partner, partner_events in by_partner.items():
            partner_events.write({"partner_id": partner.id})

    @api.model
    def _remove_for_documents(self, records):
        """Drop the touchpoints that point to records (which are being deleted)."""
        if records:
            self.sudo().search(
                [("res_model", "=", records._name), ("res_id", "in", records.ids)]
            ).unlink()
