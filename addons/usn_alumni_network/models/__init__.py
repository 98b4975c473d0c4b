from . import alumni_lifecycle_event
from . import res_partner
from . import alumni_contact_request
from . import alumni_contact_report
