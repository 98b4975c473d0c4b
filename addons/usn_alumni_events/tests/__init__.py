from . import test_install
from . import test_invitation
from . import test_conversion
