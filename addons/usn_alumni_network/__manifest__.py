# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "USN Alumni: Network",
    "summary": "Alumni network on the website portal: profiles, directory, contacts",
    "version": "18.0.1.0.0",
    "category": "Marketing/Alumni",
    "website": "https://github.com/usn-alumni/usn-alumni-suite",
    "author": "University of South-Eastern Norway",
    "maintainers": ["usn-alumni"],
    "license": "LGPL-3",
    "depends": ["usn_alumni_base", "website", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "wizards/alumni_network_state_wizard_views.xml",
        "views/res_partner_views.xml",
        "views/menus.xml",
        "views/website_join_templates.xml",
        "views/website_directory_templates.xml",
        "views/portal_templates.xml",
        "data/website_menu_data.xml",
        "security/alumni_contact_request_rules.xml",
        "data/alumni_contact_request_data.xml",
        "data/mail_template_data.xml",
        "views/alumni_contact_request_views.xml",
        "views/alumni_contact_report_views.xml",
        "views/contact_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "usn_alumni_network/static/tests/tours/**/*",
        ],
    },
}
