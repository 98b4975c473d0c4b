from . import main
from . import portal
from . import contact
from . import contact_portal
from . import offers
from . import groups
from . import linkedin
from . import verify
