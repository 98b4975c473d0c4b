from . import main
from . import portal
from . import contact
from . import contact_portal
