# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "USN Alumni: Student Lifecycle",
    "summary": "One record per person from first enquiry to lifelong alumnus",
    "version": "18.0.1.0.0",
    "category": "Marketing/Alumni",
    "website": "https://github.com/usn-alumni/usn-alumni-suite",
    "author": "University of South-Eastern Norway",
    "maintainers": ["usn-alumni"],
    "license": "LGPL-3",
    "application": True,
    "depends": ["contacts", "mail", "phone_validation", "portal"],
    "data": [
        "security/usn_alumni_base_security.xml",
        "security/ir.model.access.csv",
        "security/usn_alumni_base_rules.xml",
        "data/alumni_consent_purpose_data.xml",
        "data/ir_config_parameter_data.xml",
        "views/alumni_faculty_views.xml",
        "views/alumni_campus_views.xml",
        "views/alumni_programme_views.xml",
        "views/alumni_interest_views.xml",
        "views/alumni_consent_purpose_views.xml",
        "views/alumni_lifecycle_event_views.xml",
        "views/alumni_enrollment_views.xml",
        "views/alumni_application_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "usn_alumni_base/static/tests/tours/*.js",
        ],
    },
}
