# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "USN Alumni: Continuing Education",
    "summary": "Continuing-education offers with alumni benefits, sent to those they fit",
    "version": "18.0.1.0.0",
    "category": "Marketing/Alumni",
    "website": "https://github.com/usn-alumni/usn-alumni-suite",
    "author": "University of South-Eastern Norway",
    "maintainers": ["usn-alumni"],
    "license": "LGPL-3",
    "depends": ["usn_alumni_base", "mass_mailing", "website"],
    "data": [
        "security/usn_alumni_evu_security.xml",
        "security/ir.model.access.csv",
        "views/alumni_evu_offer_views.xml",
        "views/alumni_evu_enrollment_views.xml",
        "views/menus.xml",
        "views/alumni_evu_match_views.xml",
        "data/ir_cron_data.xml",
        "views/website_templates.xml",
        "data/website_menu_data.xml",
        "data/ir_config_parameter_data.xml",
        "data/mailing_template_data.xml",
        "data/mail_template_data.xml",
        "views/mailing_mailing_views.xml",
        "views/preferences_templates.xml",
        "report/alumni_evu_report_views.xml",
        "data/spreadsheet_dashboard_data.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "usn_alumni_evu/static/tests/tours/**/*",
        ],
    },
}
