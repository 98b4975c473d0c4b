/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("usn_alumni_open_app", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Alumni app",
            trigger: '.o_app[data-menu-xmlid="usn_alumni_base.menu_alumni_root"]',
            run: "click",
        },
        {
            content: "The People list of the Alumni app is shown",
            trigger: '.o_breadcrumb:contains("People")',
        },
        {
            content: "The list view is displayed",
            trigger: ".o_list_view",
        },
    ],
});
