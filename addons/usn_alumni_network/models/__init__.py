from . import alumni_lifecycle_event
from . import res_partner
