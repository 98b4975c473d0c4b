/** @odoo-module **/

import {registry} from "@web/core/registry";

/**
 * The o-spreadsheet model of the dashboard shown, found in the web client's
 * component tree (the Dashboards action keeps it in its state).
 */
export function dashboardModel() {
    const todo = [odoo.__WOWL_DEBUG__.root.__owl__];
    while (todo.length) {
        const node = todo.pop();
        const dashboard = node.component?.state?.activeDashboard;
        if (dashboard?.model) {
            return dashboard.model;
        }
        todo.push(...Object.values(node.children));
    }
    return undefined;
}

/** The shown texts of every cell of the dashboard's sheets. */
function dashboardTexts(model) {
    const texts = [];
    for (const sheetId of model.getters.getSheetIds()) {
        for (const cell of model.getters.getEvaluatedCells(sheetId)) {
            texts.push(String(cell.formattedValue));
        }
    }
    return texts;
}

/**
 * Waits until the dashboard's figures are computed, show ``expected`` and
 * none of ``unexpected`` (a few seconds at most), then checks it.
 */
export async function checkFigures(expected, unexpected, withRequests = true) {
    let texts = [];
    for (let attempt = 0; attempt < 40; attempt++) {
        const model = dashboardModel();
        if (model) {
            texts = dashboardTexts(model);
            const loading = texts.some((text) => text.includes("Loading"));
            if (
                !loading &&
                expected.every((name) => texts.includes(name)) &&
                !unexpected.some((name) => texts.includes(name))
            ) {
                break;
            }
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const name of expected) {
        if (!texts.includes(name)) {
            throw new Error(`The dashboard does not show "${name}"`);
        }
    }
    for (const name of unexpected) {
        if (texts.includes(name)) {
            throw new Error(`The dashboard shows "${name}"`);
        }
    }
    if (!withRequests) {
        return;
    }
    // A key figure: the information requests of the funnel (Data!B2).
    const model = dashboardModel();
    const data = model.getters.getSheetIdByName("Data");
    const requests = model.getters.getEvaluatedCell({sheetId: data, col: 1, row: 1}).value;
    if (!(typeof requests === "number" && requests >= 1)) {
        throw new Error(`The information requests figure shows ${requests}`);
    }
}

function openAlumniDashboard() {
    return [
        {
            content: "The Alumni dashboard group is listed",
            trigger: '.o_search_panel_section_header:contains("Alumni")',
        },
        {
            content: "Open the Alumni dashboard",
            trigger: '.o_search_panel_category_value:has(.o_dashboard_name:contains("Alumni")):first',
            run: "click",
        },
        {
            content: "The dashboard is shown with its filters",
            trigger: ".o_spreadsheet_dashboard_action .o_filter_value_container",
        },
        {
            content: "A chart is drawn",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
        },
    ];
}

registry.category("web_tour.tours").add("alumni_dashboard_officer", {
    steps: () => [
        ...openAlumniDashboard(),
        {
            content: "The officer sees the programmes of both faculties",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
            run: () =>
                checkFigures(["[DASHNUR] Dashboard Nursing", "[DASHTEK] Dashboard Technology"], []),
        },
        {
            content: "Filter on a year without graduates",
            trigger: ".o_filter_value_container .date_filter_values input",
            run: "edit 2019 && press Enter",
        },
        {
            content: "No programme has alumni of that cohort",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
            run: () =>
                checkFigures(
                    [],
                    ["[DASHNUR] Dashboard Nursing", "[DASHTEK] Dashboard Technology"],
                    false
                ),
        },
        {
            content: "Filter on the year they graduated",
            trigger: ".o_filter_value_container .date_filter_values input",
            run: "edit 2024 && press Enter",
        },
        {
            content: "Their programmes are back",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
            run: () =>
                checkFigures(
                    ["[DASHNUR] Dashboard Nursing", "[DASHTEK] Dashboard Technology"],
                    [],
                    false
                ),
        },
    ],
});

registry.category("web_tour.tours").add("alumni_dashboard_coordinator", {
    steps: () => [
        ...openAlumniDashboard(),
        {
            content: "The coordinator sees their faculty's programme only",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
            run: () =>
                checkFigures(["[DASHNUR] Dashboard Nursing"], ["[DASHTEK] Dashboard Technology"]),
        },
    ],
});
