from . import alumni_evu_offer
from . import alumni_evu_enrollment
from . import alumni_evu_match
from . import res_partner
from . import alumni_career_position
from . import alumni_enrollment
