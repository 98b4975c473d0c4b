# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "USN Alumni: Events",
    "summary": "Open Days, trial lectures and reunions wired into the lifecycle",
    "version": "18.0.1.0.0",
    "category": "Marketing/Alumni",
    "website": "https://github.com/usn-alumni/usn-alumni-suite",
    "author": "University of South-Eastern Norway",
    "maintainers": ["usn-alumni"],
    "license": "LGPL-3",
    "depends": ["usn_alumni_base", "event", "website_event", "mass_mailing_event"],
    "data": [
        "security/usn_alumni_events_security.xml",
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "data/information_request_mail_data.xml",
        "views/menus.xml",
        "views/event_event_views.xml",
        "views/event_registration_views.xml",
        "views/alumni_programme_views.xml",
        "views/alumni_information_request_views.xml",
        "views/website_templates.xml",
        "views/check_in_templates.xml",
        "views/event_event_check_in_views.xml",
        "views/res_config_settings_views.xml",
        "report/event_registration_badge.xml",
        "report/alumni_event_conversion_report_views.xml",
        "data/spreadsheet_dashboard_data.xml",
        "wizards/alumni_event_invite_wizard_views.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "usn_alumni_events/static/src/frontend/**/*",
        ],
        "web.assets_tests": [
            "usn_alumni_events/static/tests/tours/**/*",
        ],
    },
}
