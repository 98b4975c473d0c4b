/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

function openReport(menuXmlid, title, viewClass) {
    return [
        {
            content: "Open the Reporting menu",
            trigger: 'button[data-menu-xmlid="usn_alumni_base.menu_alumni_reporting"]',
            run: "click",
        },
        {
            content: `Open ${title}`,
            trigger: `.dropdown-item[data-menu-xmlid="${menuXmlid}"]`,
            run: "click",
        },
        {
            content: `${title} is shown`,
            trigger: `.o_breadcrumb:contains("${title}")`,
        },
        {
            content: `${title}: its view is displayed`,
            trigger: viewClass,
        },
    ];
}

function reportSteps(checks) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Alumni app",
            trigger: '.o_app[data-menu-xmlid="usn_alumni_base.menu_alumni_root"]',
            run: "click",
        },
        ...openReport(
            "usn_alumni_base.alumni_funnel_report_menu",
            "Recruitment Funnel",
            ".o_pivot_view"
        ),
        ...checks.funnel,
        ...openReport(
            "usn_alumni_base.alumni_funnel_report_menu_trend",
            "Funnel by Intake",
            ".o_graph_view canvas"
        ),
        ...openReport(
            "usn_alumni_base.alumni_feeder_school_report_menu",
            "Feeder Schools",
            ".o_list_view"
        ),
        ...checks.feeder,
        ...openReport(
            "usn_alumni_base.alumni_engagement_report_menu",
            "Alumni Engagement",
            ".o_pivot_view"
        ),
        ...checks.engagement,
        ...openReport(
            "usn_alumni_base.alumni_engagement_report_menu_top",
            "Most Active Alumni",
            ".o_list_view"
        ),
    ];
}

registry.category("web_tour.tours").add("usn_alumni_reports_officer", {
    url: "/odoo",
    steps: () =>
        reportSteps({
            funnel: [
                {
                    content: "The funnel has a row for each programme",
                    trigger: '.o_pivot_header_cell_closed:contains("Tour Nursing")',
                },
                {
                    content: "and for the other faculty's programme",
                    trigger: '.o_pivot_header_cell_closed:contains("Tour Technology")',
                },
            ],
            feeder: [
                {
                    content: "The school's students in Nursing",
                    trigger: '.o_data_row:contains("Tour School"):contains("Tour Nursing")',
                },
                {
                    content: "Open them",
                    trigger:
                        '.o_data_row:contains("Tour Nursing") button[name="action_open_students"]',
                    run: "click",
                },
                {
                    content: "The enrolments of the school's students are listed",
                    trigger: '.o_list_view .o_data_row:contains("Tour Nursing")',
                },
                {
                    content: "Back to the reports",
                    trigger: ".o_breadcrumb .breadcrumb-item.o_back_button",
                    run: "click",
                },
                {
                    content: "The feeder schools again",
                    trigger: '.o_breadcrumb:contains("Feeder Schools")',
                },
            ],
            engagement: [
                {
                    content: "Engagement per programme",
                    trigger: '.o_pivot_header_cell_closed:contains("Tour Technology")',
                },
            ],
        }),
});

registry.category("web_tour.tours").add("usn_alumni_reports_coordinator", {
    url: "/odoo",
    steps: () =>
        reportSteps({
            funnel: [
                {
                    content: "The coordinator's programme is in the funnel",
                    trigger: '.o_pivot_header_cell_closed:contains("Tour Nursing")',
                },
                {
                    content: "The other faculty's programme is not",
                    trigger: '.o_pivot_view:not(:has(:contains("Tour Technology")))',
                },
            ],
            feeder: [
                {
                    content: "Only the coordinator's programme",
                    trigger: '.o_list_view:not(:has(.o_data_row:contains("Tour Technology")))',
                },
            ],
            engagement: [
                {
                    content: "Engagement of the coordinator's programme only",
                    trigger: '.o_pivot_view:not(:has(:contains("Tour Technology")))',
                },
            ],
        }),
});
