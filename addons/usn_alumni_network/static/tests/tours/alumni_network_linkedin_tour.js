/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";

const POSITIONS_CSV = [
    "Notes:",
    '"Your positions, as you entered them on LinkedIn."',
    "",
    "Company Name,Title,Description,Location,Started On,Finished On",
    "Vestfold Health,Product owner,Patient apps,Tønsberg,May 2022,",
    "",
].join("\n");

registry.category("web_tour.tours").add("usn_alumni_network_linkedin_tour", {
    url: "/my/alumni",
    steps: () => [
        {
            content: "Open the LinkedIn import from the career section",
            trigger: ".o_alumni_linkedin_entry a",
            run: "click",
        },
        {
            content: "Choose Positions.csv",
            trigger: "form.o_alumni_linkedin_upload input[name=linkedin_file]",
            run() {
                const file = new File([POSITIONS_CSV], "Positions.csv", { type: "text/csv" });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Show the positions",
            trigger: "form.o_alumni_linkedin_upload button[type=submit]",
            run: "click",
        },
        {
            content: "The new position is in the preview",
            trigger: ".o_alumni_linkedin_preview .o_alumni_linkedin_new:contains(Product owner)",
        },
        {
            content: "Add it to the profile",
            trigger: "form.o_alumni_linkedin_save button[type=submit]",
            run: "click",
        },
        {
            content: "Added",
            trigger: ".o_alumni_linkedin_saved",
        },
        {
            content: "The position is on the profile",
            trigger: ".o_alumni_network_positions td:contains(Product owner)",
        },
    ],
});
