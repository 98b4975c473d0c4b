from . import alumni_evu_offer
from . import alumni_evu_enrollment
