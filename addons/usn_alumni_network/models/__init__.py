from . import alumni_lifecycle_event
from . import res_partner
from . import alumni_contact_request
from . import alumni_contact_report
from . import alumni_network_offer
from . import alumni_network_group
from . import alumni_network_group_membership
from . import alumni_career_position
