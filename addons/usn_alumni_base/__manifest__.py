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
        "views/res_partner_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "usn_alumni_base/static/tests/tours/*.js",
        ],
    },
}
