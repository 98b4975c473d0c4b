# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

ALUMNI_EVENT_KINDS = [
    ("open_day", "Open Day"),
    ("trial_lecture", "Trial lecture"),
    ("info_meeting", "Information meeting"),
    ("reunion", "Reunion"),
    ("career", "Career event"),
    ("guest_lecture", "Guest lecture"),
    ("conference", "Conference"),
    ("social", "Social event"),
]


class EventType(models.Model):
    """An event template gives its events their kind and audience."""

    _inherit = "event.type"

    alumni_event_kind = fields.Selection(ALUMNI_EVENT_KINDS, string="Kind of Event")
    alumni_programme_ids = fields.Many2many("alumni.programme", string="Target Programmes")
    alumni_faculty_ids = fields.Many2many("alumni.faculty", string="Target Faculties")
    alumni_waitlist = fields.Boolean(
        string="Waiting List",
        help="Registrations beyond the seats wait for a free seat instead of being refused.",
    )
