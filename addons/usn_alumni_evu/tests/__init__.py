from . import test_install
from . import test_matching
from . import test_offer
from . import test_application
from . import test_website
from . import test_ui_apply
from . import test_security
